import Testing

@testable import SPFKit

extension RuleTests {
  /// SPF001 `multiple-records`.
  struct MultipleRecordsTests {
    static let cases: [RuleCase] = [
      .flags(
        "two v=spf1 records at one name: the second is reported",
        "v=spf1 ip4:192.0.2.1 -all", "↓v=spf1↓ ip4:198.51.100.1 -all"),
      .flags(
        "three records: every one after the first is reported",
        "v=spf1 ip4:192.0.2.1 -all", "↓v=spf1↓ a -all", "v=spf1 mx -all", findings: 2),
      .flags(
        "other TXT records between them keep their index",
        "google-site-verification=abc", "v=spf1 -all", "↓v=spf1↓ mx -all"),
      .flags("the version is case-insensitive (RFC 5234 strings)", "v=spf1 -all", "↓V=SPF1↓ -all"),
      .flags("a bare 'v=spf1' is a record", "v=spf1 -all", "↓v=spf1↓"),
      .flags("presentation-format records", #""v=spf1 " "-all""#, #""↓v=spf1↓ a" " -all""#),
      .flags("the owner name does not change the finding", "v=spf1 -all", "↓v=spf1↓ mx -all", name: "example.com"),
      .passes(
        "one SPF record among other TXT records",
        "google-site-verification=abc", "v=spf1 ip4:192.0.2.1 ip4:198.51.100.1 -all", "v=DMARC1; p=none"),
      .passes("'v=spf2' is not selected: SPF012's concern", "v=spf1 -all", "v=spf2 -all"),
      .passes("'v=spf10' is not selected", "v=spf1 -all", "v=spf10 -all"),
      .passes("a leading space is not selected: SPF012's concern", "v=spf1 -all", " v=spf1 a -all"),
      .passes("quotes inside the data are not selected", "v=spf1 -all", #""\"v=spf1 a -all\"""#),
      .passes("one record split into strings is one record", #""v=spf1 ip4:192.0.2.1 " "v=spf1 -all""#),
    ]

    @Test(arguments: cases)
    func check(_ c: RuleCase) throws { try RuleTest.check(MultipleRecords.self, c) }
  }
}
