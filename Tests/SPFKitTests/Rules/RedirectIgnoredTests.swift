import Testing

@testable import SPFKit

extension RuleTests {
  /// SPF106 `redirect-ignored` (RFC 7208 §6.1).
  struct RedirectIgnoredTests {
    static let cases: [RuleCase] = [
      .flags("redirect after all", "v=spf1 -all ↓redirect=_spf.example.com↓", fixed: "v=spf1 -all"),
      .flags(
        "redirect before all: all anywhere wins", "v=spf1 mx ↓redirect=_spf.example.com↓ ~all",
        fixed: "v=spf1 mx ~all"),
      .flags("'?all' is an all too", "v=spf1 ?all ↓redirect=_spf.example.com↓"),
      .flags("redirect in the second string", #""v=spf1 mx -all " "↓redirect=_spf.example.com↓""#),
      .passes("redirect alone", "v=spf1 redirect=example.org"),
      .passes("redirect after mechanisms", "v=spf1 mx include:_spf.example.net redirect=_spf.example.com"),
      .passes("'all' inside a domain is no all", "v=spf1 include:all.example.com redirect=_spf.example.com"),
      .passes("exp with all", "v=spf1 mx -all exp=explain._spf.%{d}"),
    ]

    @Test(arguments: cases)
    func check(_ c: RuleCase) throws { try RuleTest.check(RedirectIgnored.self, c) }
  }
}
