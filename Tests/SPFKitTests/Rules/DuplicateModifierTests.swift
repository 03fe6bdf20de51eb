import Testing

@testable import SPFKit

extension RuleTests {
  /// SPF011 `duplicate-modifier`.
  struct DuplicateModifierTests {
    static let cases: [RuleCase] = [
      .flags(
        "redirect twice: the second", "v=spf1 redirect=_spf.example.com ↓redirect=_spf.example.net↓",
        fixed: "v=spf1 redirect=_spf.example.com"),
      .flags("exp twice", "v=spf1 -all exp=a.example.com ↓exp=b.example.com↓", fixed: "v=spf1 -all exp=a.example.com"),
      .flags("the same redirect twice", "v=spf1 redirect=_spf.example.com ↓redirect=_spf.example.com↓"),
      .flags("names are case-insensitive", "v=spf1 redirect=_spf.example.com ↓REDIRECT=_spf.example.net↓"),
      .flags(
        "three redirects: the second and third",
        "v=spf1 redirect=a.example.com ↓redirect=b.example.com↓ "
          + "redirect=c.example.com", findings: 2),
      .flags(
        "a second redirect with a malformed value is still a second one (SPF009 reports the value)",
        "v=spf1 mx redirect=foo.bar exp=baz ↓redirect=qux↓", fixed: "v=spf1 mx redirect=foo.bar exp=baz"),
      .flags(
        "an empty first redirect still counts", "v=spf1 redirect= ↓redirect=a.example.com↓",
        fixed: "v=spf1 redirect="),
      .flags("a malformed second exp", "v=spf1 -all exp=a.example.com ↓exp=%{z}↓"),
      .passes("one redirect", "v=spf1 redirect=_spf.example.com"),
      .passes("one malformed redirect", "v=spf1 redirect=qux"),
      .passes("one redirect and one exp", "v=spf1 redirect=_spf.example.com exp=explain._spf.%{d}"),
      .passes("an unknown modifier twice is SPF112's concern", "v=spf1 foo=a foo=b -all"),
      .passes(
        "one exp per record, in two records (SPF001's concern)",
        "v=spf1 -all exp=a.example.com", "v=spf1 -all exp=b.example.com"),
    ]

    @Test(arguments: cases)
    func check(_ c: RuleCase) throws { try RuleTest.check(DuplicateModifier.self, c) }
  }
}
