import SPFKit
import SPFKitTestSupport
import Testing

@testable import SPFKitDNS

struct DNSMessageTests {
  /// `example.test` on the wire: 14 octets.
  static let exampleTest: [UInt8] = [7] + Array("example".utf8) + [4] + Array("test".utf8) + [0]

  static func header(flags: UInt16 = 0x8180, counts: [UInt16]) -> [UInt8] {
    [0x12, 0x34, UInt8(flags >> 8), UInt8(flags & 0xFF)] + counts.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
  }

  /// A response for `example.test A` whose answer owner is a pointer to the question name (offset 12).
  static let compressedResponse: [UInt8] =
    header(counts: [1, 1, 0, 0]) + exampleTest + [0, 1, 0, 1]
    + [0xC0, 0x0C, 0, 1, 0, 1, 0, 0, 0x01, 0x2C, 0, 4, 192, 0, 2, 1]

  @Test func queryBytes() throws {
    let question = DNSMessage.Question(name: try DNSName(parsing: "Example.Test."), type: .a)
    let query = DNSMessage.query(id: 0xABCD, question: question, udpPayloadSize: 1232)
    let expected: [UInt8] =
      [0xAB, 0xCD, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 1] + [7] + Array("Example".utf8) + [4] + Array("Test".utf8)
      + [0, 0, 1, 0, 1] + [0, 0, 0x29, 0x04, 0xD0, 0, 0, 0, 0, 0, 0]
    #expect(try query.encoded() == expected)
  }

  @Test func roundTripOfEveryDataKind() throws {
    let owner = try DNSName(parsing: "example.test")
    var message = DNSMessage(id: 7)
    message.isResponse = true
    message.isAuthoritative = true
    message.isTruncated = true
    message.recursionDesired = true
    message.recursionAvailable = true
    message.authenticData = true
    message.checkingDisabled = true
    message.opcode = 2
    message.responseCode = 3
    message.questions = [.init(name: owner, type: .txt)]
    message.answers = [
      DNSResourceRecord(name: owner, type: .a, ttl: 300, data: .a(IPv4Address(192, 0, 2, 1))),
      DNSResourceRecord(name: owner, type: .aaaa, ttl: 300, data: .aaaa(IPv6Address("2001:db8::1")!)),
      DNSResourceRecord(name: owner, type: .mx, data: .mx(preference: 10, exchange: try DNSName(parsing: "mx.test"))),
      DNSResourceRecord(name: owner, type: .txt, data: .txt([Array("v=spf1 ".utf8), Array("-all".utf8), []])),
      DNSResourceRecord(name: owner, type: .spf, data: .txt([Array("v=spf1 -all".utf8)])),
      DNSResourceRecord(name: owner, type: .ptr, data: .ptr(try DNSName(parsing: "host.test"))),
      DNSResourceRecord(name: owner, type: .cname, data: .cname(try DNSName(parsing: "target.test"))),
      DNSResourceRecord(name: owner, type: DNSType(rawValue: 65_000), data: .other([1, 2, 3])),
    ]
    message.authorities = [DNSResourceRecord(name: owner, type: .soa, data: .other(Array(repeating: 9, count: 22)))]
    message.additionals = [.opt(udpPayloadSize: 1232)]
    #expect(try DNSMessage(decoding: message.encoded()) == message)
  }

  @Test func compressedNamesAreFollowed() throws {
    let message = try DNSMessage(decoding: Self.compressedResponse)
    #expect(message.answers.first?.name == (try DNSName(parsing: "EXAMPLE.test")))
    #expect(message.answers.first?.data == .a(IPv4Address(192, 0, 2, 1)))
  }

  struct HostileCase: Sendable, CustomStringConvertible {
    let why: String
    let bytes: [UInt8]
    let reason: DNSWireError.Reason
    var description: String { why }
  }

  static let question: [UInt8] = exampleTest + [0, 1, 0, 1]

  static let hostileCases: [HostileCase] = [
    HostileCase(why: "header cut short", bytes: [0x12, 0x34, 0x81], reason: .truncated),
    HostileCase(
      why: "pointer to itself", bytes: header(counts: [1, 0, 0, 0]) + [0xC0, 0x0C, 0, 1, 0, 1],
      reason: .compressionLoop),
    HostileCase(
      why: "pointer back to the start of its own name",
      bytes: header(counts: [1, 0, 0, 0]) + [1, 0x61, 0xC0, 0x0C, 0, 1, 0, 1], reason: .compressionLoop),
    HostileCase(
      why: "two pointers to each other (the first hidden in opaque rdata at 23, the second at 25)",
      bytes: header(counts: [0, 2, 0, 0]) + [0, 0xFD, 0xE8, 0, 1, 0, 0, 0, 0, 0, 2, 0xC0, 25]
        + [0xC0, 23, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0],
      reason: .pointerForward),
    HostileCase(
      why: "pointer forward", bytes: header(counts: [1, 0, 0, 0]) + [0xC0, 0x10, 0, 1, 0, 1, 0, 0],
      reason: .pointerForward),
    HostileCase(
      why: "pointer past the end", bytes: header(counts: [1, 0, 0, 0]) + [0xC0, 0xFF, 0, 1, 0, 1],
      reason: .pointerOutOfRange),
    HostileCase(why: "pointer cut short", bytes: header(counts: [2, 0, 0, 0]) + question + [0xC0], reason: .truncated),
    HostileCase(
      why: "extended label type", bytes: header(counts: [1, 0, 0, 0]) + [0x41, 0, 0, 1, 0, 1],
      reason: .unknownLabelType),
    HostileCase(
      why: "label runs past the end", bytes: header(counts: [1, 0, 0, 0]) + [9, 0x61, 0, 0, 0, 0], reason: .truncated),
    HostileCase(
      why: "name of 257 octets",
      bytes: header(counts: [1, 0, 0, 0]) + Array(repeating: [1, 0x61], count: 128).flatMap { $0 } + [0, 0, 1, 0, 1],
      reason: .nameTooLong),
    HostileCase(
      why: "answer count larger than the data",
      bytes: header(counts: [1, 0xFFFF, 0, 0]) + question + [0xC0, 0x0C, 0, 1, 0, 1, 0, 0, 0, 0, 0, 4, 1, 2, 3, 4],
      reason: .countExceedsData),
    HostileCase(
      why: "question count larger than the data", bytes: header(counts: [0xFFFF, 0, 0, 0]) + question,
      reason: .countExceedsData),
    HostileCase(
      why: "rdata length past the end",
      bytes: header(counts: [1, 1, 0, 0]) + question + [0xC0, 0x0C, 0, 1, 0, 1, 0, 0, 0, 0, 0, 16, 1, 2, 3, 4],
      reason: .truncated),
    HostileCase(
      why: "A record of 5 octets",
      bytes: header(counts: [1, 1, 0, 0]) + question + [0xC0, 0x0C, 0, 1, 0, 1, 0, 0, 0, 0, 0, 5, 1, 2, 3, 4, 5],
      reason: .badRecordData(type: 1)),
    HostileCase(
      why: "AAAA record of 4 octets",
      bytes: header(counts: [1, 1, 0, 0]) + question + [0xC0, 0x0C, 0, 28, 0, 1, 0, 0, 0, 0, 0, 4, 1, 2, 3, 4],
      reason: .badRecordData(type: 28)),
    HostileCase(
      why: "TXT string longer than its rdata",
      bytes: header(counts: [1, 1, 0, 0]) + question + [0xC0, 0x0C, 0, 16, 0, 1, 0, 0, 0, 0, 0, 3, 5, 0x61, 0x62],
      reason: .truncated),
    HostileCase(
      why: "empty TXT rdata",
      bytes: header(counts: [1, 1, 0, 0]) + question + [0xC0, 0x0C, 0, 16, 0, 1, 0, 0, 0, 0, 0, 0],
      reason: .badRecordData(type: 16)),
    HostileCase(
      why: "PTR name longer than its rdata",
      bytes: header(counts: [1, 1, 0, 0]) + question + [0xC0, 0x0C, 0, 12, 0, 1, 0, 0, 0, 0, 0, 2, 1, 0x61, 0],
      reason: .badRecordData(type: 12)),
    HostileCase(
      why: "MX without an exchange",
      bytes: header(counts: [1, 1, 0, 0]) + question + [0xC0, 0x0C, 0, 15, 0, 1, 0, 0, 0, 0, 0, 2, 0, 10],
      reason: .badRecordData(type: 15)),
    HostileCase(
      why: "record cut inside its TTL", bytes: header(counts: [1, 1, 0, 0]) + question + [0xC0, 0x0C, 0, 1, 0, 1, 0],
      reason: .truncated),
  ]

  @Test(arguments: hostileCases)
  func hostilePacket(_ c: HostileCase) {
    #expect(throws: DNSWireError.self) { try DNSMessage(decoding: c.bytes) }
    do {
      _ = try DNSMessage(decoding: c.bytes)
    } catch {
      #expect(error.reason == c.reason)
      #expect(error.offset >= 0 && error.offset <= c.bytes.count)
    }
  }

  @Test func randomBytesNeverTrap() {
    var random = SplitMix64(seed: 0x5EED_D15C)
    for _ in 0..<20_000 {
      let length = Int(random.next() % 600)
      var bytes = random.bytes(length)
      if bytes.count >= 12, random.next() % 2 == 0 {
        // Small counts reach the section parsers instead of failing the count check at once.
        for index in 4..<12 { bytes[index] = index % 2 == 0 ? 0 : UInt8(random.next() % 4) }
      }
      _ = try? DNSMessage(decoding: bytes)
    }
  }

  @Test func mutatedResponsesNeverTrap() throws {
    var random = SplitMix64(seed: 42)
    var original = try DNSMessage(decoding: Self.compressedResponse)
    original.answers.append(
      DNSResourceRecord(name: try DNSName(parsing: "example.test"), type: .txt, data: .txt([Array("v=spf1 -all".utf8)]))
    )
    original.additionals = [.opt(udpPayloadSize: 1232)]
    let base = try original.encoded()
    var decoded = 0
    for _ in 0..<20_000 {
      var bytes = base
      for _ in 0..<(1 + random.next() % 4) {
        bytes[Int(random.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: random.next())
      }
      if random.next() % 8 == 0 { bytes.removeLast(Int(random.next() % UInt64(bytes.count))) }
      if let message = try? DNSMessage(decoding: bytes) {
        decoded += 1
        _ = try? message.encoded()
      }
    }
    #expect(decoded > 0)
  }
}
