import SPFKitTestSupport
import Testing

@testable import SPFKit

/// `IPv4Network.written(in:from:to:)`, the parser's one-pass reading of an `ip4:` argument, must
/// accept only what the general parse accepts, with the same network and the same `/`; what it
/// declines the general parse reports.
struct IPv4NetworkWrittenTests {
  /// The general parse: the network and where its `/` is, or nil when it reports an error.
  static func general(_ bytes: [UInt8]) -> (IPv4Network, Int)? {
    guard let network = try? IPv4Network.parse(bytes[...]) else { return nil }
    return (network, bytes.firstIndex(of: 0x2F) ?? bytes.count)
  }

  static func quick(_ bytes: [UInt8], from start: Int = 0, to end: Int? = nil) -> (IPv4Network, Int)? {
    bytes.withUnsafeBufferPointer { IPv4Network.written(in: $0, from: start, to: end ?? bytes.count) }
      .map { ($0.network, $0.slash) }
  }

  static let accepted: [(text: String, address: UInt32, prefix: Int, slash: Int)] = [
    ("192.0.2.1", 0xC000_0201, 32, 9),
    ("0.0.0.0/0", 0, 0, 7),
    ("255.255.255.255/32", 0xFFFF_FFFF, 32, 15),
    ("10.1.2.3/8", 0x0A01_0203, 8, 8),
  ]

  @Test(arguments: accepted)
  func readsTheCommonForms(_ example: (text: String, address: UInt32, prefix: Int, slash: Int)) throws {
    let (network, slash) = try #require(Self.quick(Array(example.text.utf8)))
    #expect(network.address.value == example.address)
    #expect(network.prefixLength == example.prefix)
    #expect(slash == example.slash)
  }

  static let declined = [
    "", "1.2.3", "1.2.3.4.", "1.2.3.4.5", "01.2.3.4", "1.2.3.256", "1.2.3.1000", "1.2.3.4/", "1.2.3.4/33",
    "1.2.3.4/032", "1.2.3.4/08", "1.2.3.4/1/2", "1.2.3.4/2x", "1.2..4", "a.b.c.d", "1.2.3.4 ", "-1.2.3.4",
  ]

  @Test(arguments: declined)
  func declinesWhatItDoesNotRead(_ text: String) {
    #expect(Self.quick(Array(text.utf8)) == nil)
  }

  @Test func readsOnlyItsRangeOfTheRecord() throws {
    let bytes = Array("v=spf1 ip4:192.0.2.0/24 -all".utf8)
    let (network, slash) = try #require(Self.quick(bytes, from: 11, to: 23))
    #expect(network == IPv4Network("192.0.2.0/24"))
    #expect(slash == 20)
    #expect(Self.quick(bytes, from: 11, to: 22) != nil)
    #expect(Self.quick(bytes, from: 11, to: 21) == nil)
    #expect(Self.quick(bytes, from: 20, to: 40) == nil)
    #expect(Self.quick(bytes, from: -1, to: 5) == nil)
  }

  /// Valid networks with up to three bytes replaced, inserted or removed, over the characters an
  /// address is written with: whatever the quick read accepts, the general parse accepts with the
  /// same value and `/`; an unchanged valid network is always read.
  @Test func agreesWithTheGeneralParse() {
    var random = SplitMix64(seed: 7208)
    let alphabet = Array("0123456789./".utf8)
    var accepted = 0
    var declined = 0
    for _ in 0..<200_000 {
      let network = IPv4Network(
        address: IPv4Address(UInt32(truncatingIfNeeded: random.next())), prefixLength: random.int(0...32))
      // A host is written without a prefix length, or now and then with `/32`.
      let explicitHost = network.prefixLength == 32 && random.chance(0.5)
      var bytes = Array((explicitHost ? network.address.description + "/32" : network.description).utf8)
      let edits = random.int(0...3)
      for _ in 0..<edits {
        let position = random.int(0...bytes.count)
        switch random.int(0...2) {
        case 0 where position < bytes.count: bytes[position] = random.pick(alphabet)
        case 1: bytes.insert(random.pick(alphabet), at: position)
        default: if position < bytes.count { bytes.remove(at: position) }
        }
      }
      let text = String(decoding: bytes, as: UTF8.self)
      guard let (read, slash) = Self.quick(bytes) else {
        declined += 1
        #expect(edits > 0, "\(text)")
        continue
      }
      accepted += 1
      let general = Self.general(bytes)
      #expect(general?.0 == read, "\(text)")
      #expect(general?.1 == slash, "\(text)")
      if edits == 0 { #expect(read == network, "\(text)") }
    }
    // Both sides of the line were tried.
    #expect(accepted > 50_000 && declined > 50_000)
  }
}
