import Testing

@testable import SPFKit

extension RuleTests {
  /// SPF112 `unknown-modifier` (RFC 7208 §6).
  struct UnknownModifierTests {
    static let cases: [RuleCase] = [
      .flags("a misspelt redirect", "v=spf1 ↓redirct=_spf.example.com↓", fixed: "v=spf1 redirect=_spf.example.com"),
      .flags("transposed letters", "v=spf1 ↓rediretc=_spf.example.com↓", fixed: "v=spf1 redirect=_spf.example.com"),
      .flags(
        "a misspelt exp", "v=spf1 mx -all ↓expl=explain._spf.%{d}↓", fixed: "v=spf1 mx -all exp=explain._spf.%{d}"),
      .flags(
        "the case of a typo does not matter", "v=spf1 ↓Redirekt=_spf.example.com↓",
        fixed: "v=spf1 redirect=_spf.example.com"),
      .flags(
        "include written with '='", "v=spf1 ↓include=_spf.example.com↓ -all",
        fixed: "v=spf1 include:_spf.example.com -all"),
      .flags("ip4 written with '='", "v=spf1 ↓ip4=192.0.2.1↓ -all", fixed: "v=spf1 ip4:192.0.2.1 -all"),
      .flags("a mechanism name in upper case", "v=spf1 ↓MX=example.com↓ -all", fixed: "v=spf1 mx:example.com -all"),
      .flags("an unknown name with no likely meaning: no fix", "v=spf1 mx ↓moo=bar↓ -all"),
      .flags("near 'exp', but 'exp=foo' would not parse: no fix", "v=spf1 mx -all ↓exx=foo↓"),
      .flags("an unknown modifier after all", "v=spf1 -all ↓foo=%{d}↓"),
      .passes("redirect", "v=spf1 redirect=_spf.example.com"),
      .passes("exp", "v=spf1 mx -all exp=explain._spf.%{d}"),
      .passes("modifier names are case-insensitive", "v=spf1 Redirect=_spf.example.com EXP=explain.example.com"),
      .passes("an embedded 'v=spf1' is SPF117's concern", "v=spf1 -all v=spf1 mx -all"),
      .passes("a mechanism with ':'", "v=spf1 include:_spf.example.com -all"),
    ]

    @Test(arguments: cases)
    func check(_ c: RuleCase) throws { try RuleTest.check(UnknownModifier.self, c) }

    /// Found by the `record` fuzz target (and `zone`, as 'a=-all'): the fix of 'pedirect=_sm' was
    /// 'redirect=_sm', which has no domain (SPF009), in a record without a syntax error. The finding
    /// stays, without a fix.
    @Test(arguments: ["v=spf1 pedirect=_sm redirect=_spf-example.net", "v=spf1 a=-all", "v=spf1 include=_sm -all"])
    func noFixThatBreaksTheSyntax(_ record: String) {
      let finding = Linter().lint([TXTRecord(text: record)]).first { $0.code == UnknownModifier.metadata.code }
      #expect(finding != nil)
      #expect(finding?.fix == nil, "fix: \(finding?.fix?.title ?? "")")
    }
  }
}
