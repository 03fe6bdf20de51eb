import Testing

@testable import SPFKit

extension RuleTests {
  /// SPF107 `unreachable-terms`.
  struct UnreachableTermsTests {
    static let cases: [RuleCase] = [
      .flags("a network after all", "v=spf1 -all ↓ip4:192.0.2.1↓", fixed: "v=spf1 -all"),
      .flags(
        "two mechanisms after all: both", "v=spf1 mx ~all ↓include:_spf.example.com↓ a", findings: 2,
        fixed: "v=spf1 mx ~all a"),
      .flags("a second all", "v=spf1 mx ~all ↓-all↓", fixed: "v=spf1 mx ~all"),
      .flags("after all and a modifier", "v=spf1 -all exp=explain.example.com ↓mx↓"),
      .flags("after all in the next string", #""v=spf1 -all" " ↓mx↓""#),
      .passes("mechanisms before all", "v=spf1 ip4:192.0.2.1 mx -all"),
      .passes("exp after all is a modifier", "v=spf1 mx -all exp=explain._spf.%{d}"),
      .passes("redirect after all is SPF106's concern", "v=spf1 -all redirect=_spf.example.com"),
      .passes("a term with a syntax error after all is SPF006's concern", "v=spf1 -all ipv4:192.0.2.1"),
      .passes("no all", "v=spf1 mx a"),
    ]

    @Test(arguments: cases)
    func check(_ c: RuleCase) throws { try RuleTest.check(UnreachableTerms.self, c) }
  }
}
