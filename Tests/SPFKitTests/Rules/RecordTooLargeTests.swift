import Testing

@testable import SPFKit

extension RuleTests {
  /// SPF101 `record-too-large`: owner name plus TXT data over 450 octets (RFC 7208 §3.4).
  ///
  /// On the wire the name takes its length plus 2 octets and each character-string its length plus 1.
  struct RecordTooLargeTests {
    /// A presentation-format SPF record of two strings that take `size` octets on the wire.
    static func record(size: Int) -> String {
      let first = "↓v=spf1↓ " + String(repeating: "ip4:192.0.2.1 ", count: 14)
      let firstLength = first.utf8.count - 6  // without the markers
      let second = "x=" + String(repeating: "a", count: size - firstLength - 2 - 2 - 5) + " -all"
      return "\"\(first)\" \"\(second)\""
    }

    static func unmarked(_ text: String) -> String { String(text.filter { $0 != "↓" }) }

    static let cases: [RuleCase] = [
      .flags("451 octets without a name", record(size: 451)),
      .flags("the owner name counts: 13 + 442 octets", record(size: 442), name: "example.com"),
      .flags(
        "every TXT record at the name counts: 226 + 240 octets",
        "google-site-verification=" + String(repeating: "x", count: 200), record(size: 240)),
      .flags("the largest SPF record carries the finding: 12 + 440 octets", "v=spf1 -all", record(size: 440)),
      .passes("450 octets without a name", unmarked(record(size: 450))),
      .passes("437 + 13 octets with a name", unmarked(record(size: 437)), name: "example.com"),
      .passes("a final dot adds no octet on the wire", unmarked(record(size: 437)), name: "example.com."),
      .flags("a fully qualified name over the limit", record(size: 438), name: "example.com."),
      .passes("without the name, 442 octets fit", unmarked(record(size: 442))),
      .passes("a small record", "v=spf1 ip4:192.0.2.1 -all", name: "example.com"),
    ]

    @Test(arguments: cases)
    func check(_ c: RuleCase) throws { try RuleTest.check(RecordTooLarge.self, c) }
  }
}
