import Testing

@testable import SPFKit

extension RuleTests {
  /// SPF010 `invalid-macro`.
  struct InvalidMacroTests {
    static let cases: [RuleCase] = [
      .flags("'c' is for explanation text only", "v=spf1 exists:↓%{c}↓.example.com -all"),
      .flags("'r' is for explanation text only", "v=spf1 exists:%{i}.↓%{r}↓.example.com -all"),
      .flags("'t' is for explanation text only, even in exp=", "v=spf1 -all exp=↓%{t}↓.example.com"),
      .flags("an unknown macro letter", "v=spf1 exists:↓%{x}↓.example.com -all"),
      .flags("RFC 7208 §7.1: '%(ir)' is a syntax error", "v=spf1 -exists:↓%(↓ir).sbl.example.org -all"),
      .flags("no closing brace: to the end of the argument", "v=spf1 exists:↓%{i.example.com↓ -all"),
      .flags("'%' at the end", "v=spf1 foo=bar↓%↓ -all", fixed: "v=spf1 foo=bar%% -all"),
      .flags("a zero digit transformer", "v=spf1 exists:↓%{d0}↓.example.com -all"),
      .flags("a bad delimiter", "v=spf1 exists:↓%{l;}↓.example.com -all"),
      .flags("an empty macro", "v=spf1 exists:↓%{}↓.example.com -all"),
      .passes(
        "RFC 7208 §7.4 examples",
        "v=spf1 exists:%{ir}.%{v}._spf.%{d2} exists:%{lr-}.lp._spf.%{d2} "
          + "exists:%{lr-}.lp.%{ir}.%{v}._spf.%{d2} exists:%{ir}.%{v}.%{l1r-}.lp._spf.%{d2} "
          + "exists:%{d2}.trusted-domains.example.net -all"),
      .passes(
        "RFC 7208 §7.4: transformers and delimiters",
        "v=spf1 exists:%{d4}.%{d3}.%{dr}.%{d2r}.%{l-}.%{lr}.x.example.com -all"),
      .passes(
        "every term letter, uppercase for URL escaping",
        "v=spf1 exists:%{s}.%{L}.%{o}.%{D}.%{i}.%{p}.%{h}.%{v}.example.com -all"),
      .passes("'%%', '%_' and '%-'", "v=spf1 foo=a%%b%_c%-d -all"),
      .passes("a macro in the exp= domain", "v=spf1 mx -all exp=explain._spf.%{d}"),
    ]

    @Test(arguments: cases)
    func check(_ c: RuleCase) throws { try RuleTest.check(InvalidMacro.self, c) }
  }
}
