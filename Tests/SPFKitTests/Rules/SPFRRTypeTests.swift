import Testing

@testable import SPFKit

extension RuleTests {
  /// SPF113 `spf-rr-type`: zone text, with `↓` before the type of each record it must flag.
  struct SPFRRTypeTests {
    struct Case: Sendable, CustomTestStringConvertible {
      let why: String
      let zone: String
      /// Part of every finding's message, when the case checks it.
      var message: String? = nil
      var testDescription: String { why }
    }

    static let cases: [Case] = [
      Case(
        why: "an SPF record beside its TXT twin", zone: "a 1 TXT \"v=spf1 -all\"\na 1 ↓SPF \"v=spf1 -all\"\n",
        message: "receivers read only the TXT record at 'a.example.com'"),
      Case(
        why: "the only copy of the policy: the name has none", zone: "a 1 ↓SPF \"v=spf1 -all\"\n",
        message: "'a.example.com' has no TXT SPF record: it has no policy"),
      Case(why: "TYPE99 is the SPF type", zone: "a 1 ↓TYPE99 \"v=spf1 -all\"\n"),
      Case(why: "the mnemonic in any case", zone: "a 1 IN ↓spf \"v=spf1 -all\"\n"),
      Case(why: "a type on a later line inside parentheses", zone: "a 1 IN (\n   ↓SPF \"v=spf1 \" \"-all\" )\n"),
      Case(why: "every SPF record", zone: "a 1 ↓SPF \"v=spf1 a -all\"\n  1 ↓SPF \"v=spf1 mx -all\"\n"),
      Case(why: "an SPF record that holds no policy", zone: "a 1 ↓SPF \"hello\"\n"),
      Case(why: "TXT records are what receivers read", zone: "a 1 TXT \"v=spf1 -all\"\nb 1 TYPE16 \"v=spf1 -all\"\n"),
    ]

    @Test(arguments: cases)
    func check(_ c: Case) throws {
      let (zone, marks) = ZoneTestSupport.marked(c.zone)
      let records = try ZoneTestSupport.read(zone)
      let findings = Linter().lint(LintContext(zoneRecords: records)).filter { $0.code == "SPF113" }
      #expect(findings.map { $0.location?.start } == marks)
      for finding in findings {
        let record = try #require(finding.record.map { records[$0] })
        #expect(finding.location?.length == record.typeLength)
        #expect(finding.span == nil, "the type is outside the record's text")
        #expect(finding.severity == .warning && finding.slug == "spf-rr-type")
        if let message = c.message { #expect(finding.message.contains(message), "\(finding.message)") }
      }
    }

    @Test func onlyWithZoneFacts() {
      #expect(!Linter().lint([TXTRecord(text: "v=spf1 -all")]).contains { $0.code == "SPF113" })
    }
  }
}
