import Testing

@testable import SPFKit

extension RuleTests {
  /// SPF118 `sender-id-record`: Sender ID records, obsolete (RFC 4406) and ignored (RFC 7208 §4.5).
  struct SenderIDRecordTests {
    static let cases: [RuleCase] = [
      .flags("the PRA and mfrom scopes", "↓spf2.0/mfrom,pra↓ ip4:192.0.2.1 -all", "v=spf1 ip4:192.0.2.1 -all"),
      .flags("written with 'v=', as some publish it", "↓v=spf2.0/pra↓ ip4:192.0.2.1 -all"),
      .flags("any case", "↓SPF2.0/PRA↓ -all"),
      .flags("the record index", "v=spf1 -all", "google-site-verification=abc", "↓spf2.0/pra↓ -all"),
      .flags("two Sender ID records: one each", "↓spf2.0/pra↓ -all", "spf2.0/mfrom -all", findings: 2),
      .passes("an SPF record", "v=spf1 ip4:192.0.2.1 -all"),
      .passes("'v=spf2' is a misspelt version: SPF012's concern", "v=spf2 ip4:192.0.2.1 -all"),
      .passes("other TXT records", "google-site-verification=abc", "v=DMARC1; p=none"),
    ]

    @Test(arguments: cases)
    func check(_ c: RuleCase) throws { try RuleTest.check(SenderIDRecord.self, c) }

    /// The message says when the name has no SPF policy at all, and no SPF012 tells the user to
    /// rewrite the record (which would give a second record).
    @Test(arguments: [
      (["spf2.0/mfrom,pra mx -all"], true), (["spf2.0/mfrom,pra mx -all", "v=spf1 mx -all"], false),
    ])
    func saysWhenTheNameHasNoPolicy(_ records: [String], _ hasNoPolicy: Bool) throws {
      let findings = Linter().lint(records.map { TXTRecord(text: $0) })
      let finding = try #require(findings.first { $0.code == "SPF118" })
      #expect(finding.message.contains("the name has no SPF policy") == hasNoPolicy, "\(finding.message)")
      #expect(!findings.contains { $0.code == "SPF012" || $0.code == "SPF001" })
      #expect(finding.notes.contains { $0.hasPrefix("delete this TXT record") })
    }
  }
}
