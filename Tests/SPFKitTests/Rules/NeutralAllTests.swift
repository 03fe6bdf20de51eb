import Testing

@testable import SPFKit

extension RuleTests {
  /// SPF104 `neutral-all`.
  struct NeutralAllTests {
    static let cases: [RuleCase] = [
      .flags("'?all'", "v=spf1 ip4:192.0.2.1 ↓?all↓", fixed: "v=spf1 ip4:192.0.2.1 ~all"),
      .flags("names are case-insensitive", "v=spf1 mx ↓?ALL↓", fixed: "v=spf1 mx ~all"),
      .flags("in a presentation record", #""v=spf1 mx " "↓?all↓""#),
      .flags("the first all decides: a later one is never evaluated", "v=spf1 mx ↓?all↓ -all"),
      .passes("a '?all' after '~all' is never evaluated: SPF107's concern", "v=spf1 mx ~all ?all"),
      .passes("'~all'", "v=spf1 ip4:192.0.2.1 ~all"),
      .passes("'-all'", "v=spf1 ip4:192.0.2.1 -all"),
      .passes("'+all' is SPF103's concern", "v=spf1 +all"),
      .passes("'?' on other mechanisms", "v=spf1 ?include:_spf.example.com ?mx -all"),
    ]

    @Test(arguments: cases)
    func check(_ c: RuleCase) throws { try RuleTest.check(NeutralAll.self, c) }
  }
}
