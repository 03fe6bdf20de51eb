import Testing

@testable import SPFKit

extension RuleTests {
  /// SPF002 `string-too-long`.
  struct StringTooLongTests {
    /// A record of exactly `length` octets: networks, then an unknown modifier padded to fit.
    static func record(length: Int) -> String {
      let head = "v=spf1 " + String(repeating: "ip4:192.0.2.1 ", count: (length - 40) / 14) + "x="
      return head + String(repeating: "a", count: length - head.utf8.count - 5) + " -all"
    }

    /// A presentation-format argument of the given strings.
    static func presentation(_ strings: String...) -> String {
      strings.map { "\"\($0)\"" }.joined(separator: " ")
    }

    static let long = "v=spf1 " + (1...20).map { "ip4:192.0.2.\($0)" }.joined(separator: " ") + " -all"
    static let head = String(repeating: "ip4:198.51.100.1 ", count: 10)

    static let cases: [RuleCase] = [
      .flags(
        "one raw string over 255 octets: the span is the excess",
        MarkedInput.marking(long, at: 255, long.utf8.count)),
      .flags("256 octets is one too many", MarkedInput.marking(record(length: 256), at: 255, 256)),
      .flags(
        "the second string is too long: the offset is in the joined text",
        "\"v=spf1 \(head)\" \"" + MarkedInput.marking(String(long.dropFirst(7)), at: 255) + "\""),
      .flags(
        "two long strings: one finding each",
        MarkedInput.marking(
          presentation(String(long.dropLast(5)), " " + String(long.dropFirst(7))), at: 256), findings: 2),
      .flags("a near miss is still meant to be published", MarkedInput.marking("v=spf2" + long.dropFirst(6), at: 255)),
      .passes("exactly 255 octets", record(length: 255)),
      .passes("two strings of 255 octets", presentation(record(length: 255), String(repeating: " mx", count: 85))),
      .passes(
        "a '\\DDD' escape is one octet",
        "\"" + record(length: 255).utf8.map { "\\" + String(Int($0) + 1000).dropFirst() }.joined() + "\""),
      .passes("a short record", "v=spf1 ip4:192.0.2.1 -all"),
    ]

    @Test(arguments: cases)
    func check(_ c: RuleCase) throws { try RuleTest.check(StringTooLong.self, c) }

    /// The fix is a new TXT record: every string at most 255 octets, the joined text unchanged, each
    /// break after a space so no term is split (no SPF014 either).
    @Test(arguments: cases.filter(\.isFlagged))
    func fixSplitsIntoStrings(_ c: RuleCase) throws {
      let input = try MarkedInput(c.arguments)
      let findings = Linter().lint(input.records).filter { $0.code == StringTooLong.metadata.code }
      try #require(!findings.isEmpty)
      for finding in findings {
        let fix = try #require(finding.fix)
        let record = try #require(fix.record)
        let index = try #require(finding.record)
        let original = input.records[index]
        #expect(record.joined == original.joined)
        #expect(fix.applied(to: original.joined) == original.joined)
        #expect(record.strings.allSatisfy { $0.bytes.count <= CharacterString.maximumLength })
        #expect(record.strings.dropLast().allSatisfy { $0.bytes.last == 0x20 })
        let after = Linter().lint([record]).filter { $0.code == "SPF002" || $0.code == "SPF014" }
        #expect(after.isEmpty, "\(after.map(\.message))")
      }
    }
  }
}
