import Testing

@testable import SPFKit

extension RuleTests {
  /// SPF201 `lookup-count`: information on the version of each selected record.
  struct LookupCountTests {
    static let cases: [RuleCase] = [
      .flags("mx and an include", "↓v=spf1↓ mx include:_spf.example.com -all"),
      .flags("a redirect without all", "↓v=spf1↓ redirect=_spf.example.com"),
      .flags("one a", "↓V=SPF1↓ a -all"),
      .flags("the record index", "google-site-verification=abc", "↓v=spf1↓ a -all"),
      .flags("every selected record", "↓v=spf1↓ mx -all", "v=spf1 a -all", findings: 2),
      .flags(
        "over the limit too", "↓v=spf1↓ " + (1...11).map { "a:h\($0).example.com" }.joined(separator: " ") + " -all"),
      .passes("no lookups", "v=spf1 ip4:192.0.2.1 ip6:2001:db8::/32 -all"),
      .passes("a redirect with all does not count", "v=spf1 -all redirect=_spf.example.com"),
      .passes("terms after all do not count", "v=spf1 -all mx include:_spf.example.com"),
      .passes("exp does not count", "v=spf1 ip4:192.0.2.1 -all exp=explain._spf.%{d}"),
      .passes("a near miss is not evaluated", "v=spf2 mx -all"),
      .passes("other TXT records", "google-site-verification=abc"),
    ]

    @Test(arguments: cases)
    func check(_ c: RuleCase) throws { try RuleTest.check(LookupCount.self, c) }

    /// Hidden infos are found and placed as before; only their text is left out.
    @Test func belowTheDetailThresholdTheFindingStaysWithoutText() {
      let record = TXTRecord(text: "v=spf1 mx include:_spf.example.com -all")
      var brief = Linter(rules: [LookupCount()])
      brief.detailThreshold = .warning
      let shown = Linter(rules: [LookupCount()]).lint([record])
      let hidden = brief.lint([record])
      #expect(shown.count == 1 && !(shown.first?.message.isEmpty ?? true))
      #expect(hidden.map(\.code) == shown.map(\.code))
      #expect(hidden.map(\.span) == shown.map(\.span))
      #expect(hidden.map(\.record) == shown.map(\.record))
      #expect(hidden.first?.message == "")
    }
  }
}
