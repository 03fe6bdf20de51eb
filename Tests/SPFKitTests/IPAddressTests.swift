import SPFKitTestSupport
import Testing

@testable import SPFKit

struct IPAddressTests {
  struct Case: Sendable, CustomStringConvertible {
    let text: String
    let canonical: String?
    let why: String
    var description: String { "\(text) (\(why))" }
  }

  static let ipv4Cases: [Case] = [
    Case(text: "192.0.2.1", canonical: "192.0.2.1", why: "plain address"),
    Case(text: "0.0.0.0", canonical: "0.0.0.0", why: "all zeros"),
    Case(text: "255.255.255.255", canonical: "255.255.255.255", why: "all ones"),
    Case(text: "192.0.2.01", canonical: nil, why: "leading zero"),
    Case(text: "192.0.2.256", canonical: nil, why: "octet over 255"),
    Case(text: "192.0.2", canonical: nil, why: "three octets"),
    Case(text: "192.0.2.1.5", canonical: nil, why: "five octets"),
    Case(text: "192.0.2.", canonical: nil, why: "trailing dot"),
    Case(text: "", canonical: nil, why: "empty"),
    Case(text: "1234.0.0.1", canonical: nil, why: "four digits"),
    Case(text: "::1", canonical: nil, why: "IPv6"),
  ]

  @Test(arguments: ipv4Cases)
  func ipv4(_ c: Case) {
    #expect(IPv4Address(c.text)?.description == c.canonical)
  }

  static let ipv6Cases: [Case] = [
    Case(text: "::", canonical: "::", why: "unspecified"),
    Case(text: "::1", canonical: "::1", why: "loopback"),
    Case(text: "2001:DB8:0:0:0:0:0:1", canonical: "2001:db8::1", why: "RFC 5952 lowercase and compression"),
    Case(text: "2001:db8:0:0:1:0:0:1", canonical: "2001:db8::1:0:0:1", why: "first longest run"),
    Case(text: "2001:0db8::0001", canonical: "2001:db8::1", why: "leading zeros dropped"),
    Case(text: "2001:db8:0:1:1:1:1:1", canonical: "2001:db8:0:1:1:1:1:1", why: "single zero group not compressed"),
    Case(text: "::ffff:192.0.2.1", canonical: "::ffff:192.0.2.1", why: "mapped IPv4"),
    Case(text: "64:ff9b::192.0.2.1", canonical: "64:ff9b::c000:201", why: "embedded IPv4"),
    Case(text: "1:2:3:4:5:6:7:8", canonical: "1:2:3:4:5:6:7:8", why: "full"),
    Case(text: "1:2:3:4:5:6:7:8:9", canonical: nil, why: "nine groups"),
    Case(text: "1::2::3", canonical: nil, why: "two gaps"),
    Case(text: ":1::", canonical: nil, why: "single leading colon"),
    Case(text: "1:", canonical: nil, why: "single trailing colon"),
    Case(text: "12345::", canonical: nil, why: "five hex digits"),
    Case(text: "1:2:3:4:5:6:7::8", canonical: nil, why: "gap in a full address"),
    Case(text: "::192.0.2.01", canonical: nil, why: "embedded leading zero"),
    Case(text: "g::", canonical: nil, why: "not hex"),
  ]

  @Test(arguments: ipv6Cases)
  func ipv6(_ c: Case) {
    #expect(IPv6Address(c.text)?.description == c.canonical)
  }

  /// Dotted quads and networks written as bytes read as the interpolated text did: the octet
  /// boundaries (0, 9, 10, 99, 100, 255) in every position, random addresses, and prefix lengths
  /// a network built in code may carry (any `Int`).
  @Test func ipv4TextMatchesInterpolation() {
    func reference(_ value: UInt32) -> String {
      "\(value >> 24).\(value >> 16 & 0xFF).\(value >> 8 & 0xFF).\(value & 0xFF)"
    }
    let edges: [UInt32] = [0, 9, 10, 99, 100, 199, 200, 255]
    var values: [UInt32] = []
    for a in edges { for b in edges { values.append(a << 24 | b << 16 | a << 8 | b) } }
    var random = SplitMix64(seed: 4)
    for _ in 0..<20_000 { values.append(UInt32(truncatingIfNeeded: random.next())) }
    for value in values {
      #expect(IPv4Address(value).description == reference(value))
    }
    for prefix in [0, 1, 9, 10, 31, 32, 33, 99, 100, -1, -32, Int.max, Int.min] {
      var network = IPv4Network(address: IPv4Address(0xFFFF_FFFF))
      network.prefixLength = prefix
      let expected = prefix == 32 ? "255.255.255.255" : "255.255.255.255/\(prefix)"
      #expect(network.description == expected, "prefix \(prefix)")
    }
  }

  @Test func networks() {
    let net = IPv4Network("192.0.2.5/24")!
    #expect(net.hasHostBits)
    #expect(net.masked.description == "192.0.2.0/24")
    #expect(net.contains(IPv4Address("192.0.2.255")!))
    #expect(!net.contains(IPv4Address("192.0.3.0")!))
    #expect(IPv4Network("192.0.2.0/33") == nil)
    #expect(IPv4Network("192.0.2.0/024") == nil)
    #expect(IPv4Network("192.0.2.0/") == nil)
    #expect(IPv4Network("0.0.0.0/0")!.contains(IPv4Address("255.1.2.3")!))
    #expect(IPv6Network("2001:db8::/32")!.contains(IPv6Address("2001:db8:ffff::1")!))
    #expect(IPv6Network("2001:db8::/129") == nil)
    #expect(IPv6Network("::/0")!.mask == 0)
  }
}
