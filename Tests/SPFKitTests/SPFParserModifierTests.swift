import Testing

@testable import SPFKit

/// `modifier = redirect / explanation / unknown-modifier` (RFC 7208 §6, §12).
struct SPFParserModifierTests {
  static func modifier(_ modifier: Modifier) -> Term.Kind { .modifier(modifier) }

  static func unknown(_ name: String, _ parts: [MacroPart]) -> Term.Kind {
    .modifier(.unknown(name: name, value: MacroString(parts: parts)))
  }

  static let termCases: [TermCase] = [
    TermCase(
      "", "redirect", argument: "_spf.example.com", modifier(.redirect(spec("_spf.example.com"))),
      why: "redirect"),
    TermCase(
      "", "ReDirect", argument: "example.com", modifier(.redirect(spec("example.com"))),
      why: "modifier names are case-insensitive"),
    TermCase(
      "", "exp", argument: "explain._spf.example.com", modifier(.explanation(spec("explain._spf.example.com"))),
      why: "exp"),
    TermCase(
      "", "exp", argument: "msg.example.com.", modifier(.explanation(spec("msg.example.com."))),
      why: "a trailing dot (OpenSPF trailing-dot-exp)"),
    TermCase(
      "", "exp", argument: "explain._spf.%{d}",
      modifier(
        .explanation(
          DomainSpec(
            MacroString(parts: [
              .literal("explain._spf."),
              .expand(MacroExpansion(letter: .domain)),
            ])))),
      why: "exp ending in a macro (RFC 7208 §6.2)"),
    TermCase(
      "", "moo.cow-far_out", argument: "man:dog/cat", unknown("moo.cow-far_out", [.literal("man:dog/cat")]),
      why: "'.', '-' and '_' in a name (OpenSPF modifier-charset-good)"),
    TermCase(
      "", "default", argument: "pass", unknown("default", [.literal("pass")]),
      why: "an obsolete modifier is an unknown one (OpenSPF default-modifier-obsolete)"),
    TermCase(
      "", "default", argument: "+", unknown("default", [.literal("+")]),
      why: "OpenSPF default-modifier-obsolete2"),
    TermCase("", "foo", argument: "", unknown("foo", []), why: "an unknown modifier may have an empty value"),
    TermCase(
      "", "x9", argument: "%{i}%%%_%-",
      unknown("x9", [.expand(MacroExpansion(letter: .ip)), .percent, .space, .urlEncodedSpace]),
      why: "a value is a macro-string"),
    TermCase(
      "", "v", argument: "spf1", unknown("v", [.literal("spf1")]),
      why: "a second 'v=spf1' is an unknown modifier (lint SPF117)"),
    TermCase(
      "", "Foo", argument: "a=b", unknown("Foo", [.literal("a=b")]),
      why: "'=' in the value; the name keeps its case"),
    TermCase(
      "", "include", argument: "example.com", unknown("include", [.literal("example.com")]),
      why: "a mechanism name with '=' is an unknown modifier per the ABNF (lint SPF112)"),
  ]

  @Test(arguments: termCases)
  func term(_ c: TermCase) { c.check() }

  static let validCases: [ValidCase] = [
    ValidCase("v=spf1 REDIRECT=example.com", canonical: "v=spf1 redirect=example.com", why: "canonical name"),
    ValidCase(
      "v=spf1 EXP=explain.example.com -all", canonical: "v=spf1 exp=explain.example.com -all",
      why: "canonical name"),
    ValidCase("v=spf1 Moo=Cow", why: "an unknown name prints as written"),
    ValidCase(
      "v=spf1 exp=e13msg.example.com -all exp=e11msg.example.com",
      why: "a duplicate modifier is lint's concern (SPF011), not syntax (OpenSPF exp-twice)"),
    ValidCase("v=spf1 redirect=a.example.com redirect=b.example.com", why: "a duplicate redirect is lint's concern"),
    ValidCase("v=spf1 redirect=t5.example.com ~all", why: "redirect before a mechanism (redirect-after-mechanisms1)"),
  ]

  @Test(arguments: validCases)
  func valid(_ c: ValidCase) { c.check() }

  static let issueCases: [IssueCase] = [
    IssueCase("v=spf1 ?all ⟨redirect=⟩", .invalidDomainSpec, why: "an empty redirect (OpenSPF redirect-empty-domain)"),
    IssueCase("v=spf1 ⟨exp=⟩ -all", .invalidDomainSpec, why: "an empty exp (OpenSPF exp-empty-domain)"),
    IssueCase("v=spf1 redirect=⟨example.com:8080⟩", .invalidDomainSpec, why: "redirect names a domain"),
    IssueCase("v=spf1 redirect=⟨%{d}/24⟩", .invalidDomainSpec, why: "redirect takes no prefix"),
    IssueCase("v=spf1 -all foo=⟨%a⟩bc", .invalidMacro, why: "an unknown modifier's value is a macro-string"),
    IssueCase("v=spf1 foo=⟨%{i⟩", .invalidMacro, why: "an unterminated macro in a value"),
    IssueCase("v=spf1 foo=⟨%{c}⟩", .invalidMacro, why: "'c' is exp-only: a modifier value is no explanation text"),
    IssueCase("v=spf1 ⟨~⟩foo=bar", .invalidQualifier, suggestion: "", why: "a qualifier on an unknown modifier"),
  ]

  @Test(arguments: issueCases)
  func issue(_ c: IssueCase) { c.check() }
}
