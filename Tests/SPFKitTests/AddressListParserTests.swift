import SPFKitTestSupport
import Testing

@testable import SPFKit

struct AddressListParserTests {
  struct Case: Sendable, CustomStringConvertible {
    let text: String
    /// The aggregated list, or nil when the text is refused.
    let expected: String?
    /// `line:column` of the refusal.
    let position: String?
    let why: String
    var description: String { why }
  }

  static let cases: [Case] = [
    Case(text: "", expected: "", position: nil, why: "empty file"),
    Case(text: "192.0.2.1\n192.0.2.0\n", expected: "192.0.2.0/31\n", position: nil, why: "one address per line"),
    Case(text: "192.0.2.1", expected: "192.0.2.1\n", position: nil, why: "no final newline"),
    Case(
      text: "\n  \n# senders\n192.0.2.1  # mail1\n\t2001:db8::1\t\n", expected: "192.0.2.1\n2001:db8::1\n",
      position: nil, why: "blank lines, comments, blanks around entries"),
    Case(
      text: "192.0.2.1\r\n198.51.100.0/24\r\n", expected: "192.0.2.1\n198.51.100.0/24\n", position: nil,
      why: "CRLF line ends"),
    Case(text: "192.0.2.9/24\n", expected: "192.0.2.0/24\n", position: nil, why: "host bits are cleared"),
    Case(text: "192.0.2.1\n\n300.1.1.1\n", expected: nil, position: "3:1", why: "octet over 255, third line"),
    Case(text: "  192.0.2.01\n", expected: nil, position: "1:11", why: "leading zero: column of the octet"),
    Case(text: "192.0.2.0/33\n", expected: nil, position: "1:11", why: "prefix too long"),
    Case(text: "2001:db8::g\n", expected: nil, position: "1:11", why: "bad IPv6"),
    Case(text: "mail.example.com\n", expected: nil, position: "1:1", why: "a name is no address"),
    Case(text: "192.0.2.1 192.0.2.2\n", expected: nil, position: "1:10", why: "two entries on one line"),
  ]

  @Test(arguments: cases)
  func parse(_ c: Case) {
    do {
      let result = try AddressListParser.parse(Array(c.text.utf8)).aggregated()
      #expect(String(decoding: result.listText, as: UTF8.self) == c.expected)
    } catch {
      #expect(c.expected == nil, "refused: \(error)")
      #expect("\(error.line):\(error.column)" == c.position)
    }
  }

  @Test func messageNamesTheEntry() {
    #expect(
      throws: AddressListError(
        line: 2, column: 9,
        message: "'192.0.2.256' is not an IPv4 address or network: octet is greater than 255")
    ) {
      try AddressListParser.parse(Array("192.0.2.1\n192.0.2.256\n".utf8))
    }
  }

  @Test func longEntriesAreCutInMessages() {
    let long = String(repeating: "1", count: 200)
    #expect(throws: AddressListError.self) { try AddressListParser.parse(Array(long.utf8)) }
    do {
      _ = try AddressListParser.parse(Array(long.utf8))
    } catch {
      #expect(error.message.hasPrefix("'" + String(repeating: "1", count: 64) + "...'"))
    }
  }

  /// Printed output reads back as the same blocks.
  @Test func listTextRoundTrips() throws {
    var random = SplitMix64(seed: 7)
    var aggregator = CIDRAggregator()
    for _ in 0..<2000 {
      aggregator.insert(
        IPv4Network(
          address: IPv4Address(UInt32(truncatingIfNeeded: random.next())),
          prefixLength: Int.random(in: 8...32, using: &random)))
    }
    let first = aggregator.aggregated()
    let second = try AddressListParser.parse(first.listText).aggregated()
    #expect(first == second)
    #expect(
      first.ipv4.map(\.description).joined(separator: "\n") + "\n" == String(decoding: first.listText, as: UTF8.self))
  }
}
