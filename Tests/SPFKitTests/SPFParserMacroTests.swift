import Testing

@testable import SPFKit

/// `domain-spec = macro-string domain-end` and the macro grammar (RFC 7208 §7.1, §12).
struct SPFParserMacroTests {
  /// Every macro letter in both cases: the eight of §7.2 are valid in a domain-spec, `c`, `r`, `t` only in
  /// explanation text.
  static let letters: [(MacroLetter, Bool)] = MacroLetter.allCases.flatMap { [($0, false), ($0, true)] }

  @Test(arguments: letters)
  func letter(_ letter: MacroLetter, uppercase: Bool) {
    let written = uppercase ? String(letter.rawValue).uppercased() : String(letter.rawValue)
    let parsed = SPFParser.parse("v=spf1 exists:%{\(written)}.example.com")
    if letter.isExplanationOnly {
      #expect(parsed.issues.map(\.kind) == [.invalidMacro])
      #expect(parsed.issues.first?.span == SourceSpan(start: 14, end: 18))
    } else {
      #expect(parsed.issues.isEmpty)
      let expansion = MacroExpansion(letter: letter, urlEscaped: uppercase)
      let expected = DomainSpec(MacroString(parts: [.expand(expansion), .literal(".example.com")]))
      #expect(parsed.record.terms.first?.kind == .directive(Directive(.pass, .exists(expected))))
    }
  }

  struct ExpansionCase: Sendable, CustomStringConvertible {
    let text: String
    let part: MacroPart
    let canonical: String?
    let why: String
    var description: String { "\(why): \(text)" }
  }

  static let expansionCases: [ExpansionCase] = [
    ExpansionCase(
      text: "%{d2}", part: .expand(MacroExpansion(letter: .domain, rightParts: 2)), canonical: nil,
      why: "keep two right-hand parts"),
    ExpansionCase(
      text: "%{d10}", part: .expand(MacroExpansion(letter: .domain, rightParts: 10)), canonical: nil,
      why: "several digits"),
    ExpansionCase(
      text: "%{d02}", part: .expand(MacroExpansion(letter: .domain, rightParts: 2)), canonical: "%{d2}",
      why: "*DIGIT allows a leading zero; the value is nonzero, printed without it"),
    ExpansionCase(
      text: "%{dr}", part: .expand(MacroExpansion(letter: .domain, reversed: true)), canonical: nil,
      why: "reverse"),
    ExpansionCase(
      text: "%{d2r}", part: .expand(MacroExpansion(letter: .domain, rightParts: 2, reversed: true)),
      canonical: nil, why: "digits, then reverse (RFC 7208 §7.4 '%{d2r}')"),
    ExpansionCase(
      text: "%{d2R}", part: .expand(MacroExpansion(letter: .domain, rightParts: 2, reversed: true)),
      canonical: "%{d2r}", why: "'r' is case-insensitive (RFC 5234 §2.3)"),
    ExpansionCase(
      text: "%{l-}", part: .expand(MacroExpansion(letter: .localPart, delimiters: "-")), canonical: nil,
      why: "a delimiter (RFC 7208 §7.4 '%{l-}')"),
    ExpansionCase(
      text: "%{l1r+-}",
      part: .expand(
        MacroExpansion(
          letter: .localPart, rightParts: 1, reversed: true,
          delimiters: "+-")),
      canonical: nil, why: "digits, reverse and two delimiters (RFC 7208 §5.7)"),
    ExpansionCase(
      text: "%{i.-+,/_=}", part: .expand(MacroExpansion(letter: .ip, delimiters: ".-+,/_=")),
      canonical: nil, why: "all seven delimiters"),
    ExpansionCase(
      text: "%{IR}", part: .expand(MacroExpansion(letter: .ip, urlEscaped: true, reversed: true)),
      canonical: "%{Ir}", why: "uppercase letter: URL-escaped"),
    ExpansionCase(text: "%%", part: .percent, canonical: nil, why: "a percent sign"),
    ExpansionCase(text: "%_", part: .space, canonical: nil, why: "a space"),
    ExpansionCase(text: "%-", part: .urlEncodedSpace, canonical: nil, why: "a URL-encoded space"),
  ]

  @Test(arguments: expansionCases)
  func expansion(_ c: ExpansionCase) {
    let parsed = SPFParser.parse("v=spf1 exists:x\(c.text).example.com")
    #expect(parsed.issues.isEmpty)
    let expected = DomainSpec(MacroString(parts: [.literal("x"), c.part, .literal(".example.com")]))
    #expect(parsed.record.terms.first?.kind == .directive(Directive(.pass, .exists(expected))))
    #expect(parsed.record.description == "v=spf1 exists:x\(c.canonical ?? c.text).example.com")
  }

  static let validCases: [ValidCase] = [
    ValidCase(
      "v=spf1 a:macro%%percent%_%_space%-url-space.example.com -all",
      why: "literal macros in a domain (OpenSPF macro-mania-in-domain)"),
    ValidCase("v=spf1 exists:%{i}.%{l2r-}.user.%{d2}", why: "OpenSPF macro-reverse-split-on-dash"),
    ValidCase("v=spf1 exists:%{l2r+-}.user.%{d2}", why: "OpenSPF macro-multiple-delimiters"),
    ValidCase("v=spf1 exists:%{ir}.%{l1r+-}._spf.%{d}", why: "RFC 7208 §5.7"),
    ValidCase("v=spf1 exists:%{ir}.%{v}._spf.%{d2}", why: "RFC 7208 §7.4"),
    ValidCase("v=spf1 exists:%{lr-}.lp.%{ir}.%{v}._spf.%{d2}", why: "RFC 7208 §7.4"),
    ValidCase("v=spf1 exists:%{ir}.%{v}.%{l1r-}.lp._spf.%{d2}", why: "RFC 7208 §7.4"),
    ValidCase("v=spf1 include:%{d2}.trusted-domains.example.net", why: "RFC 7208 §7.4"),
    ValidCase("v=spf1 a:%{H}.bar -all", why: "a short literal top label (OpenSPF invalid-domain-long-via-macro)"),
    ValidCase("v=spf1 -all exp=msg8.%{D2}", why: "exp ending in an uppercase macro (OpenSPF upper-macro)"),
    ValidCase("v=spf1 redirect=%{d}.d.spf.example.com.", why: "a trailing dot (OpenSPF trailing-dot-domain)"),
    ValidCase("v=spf1 a:%{d}", why: "domain-end may be a macro-expand"),
    ValidCase("v=spf1 a:%{d}/24", why: "a macro, then a prefix"),
    ValidCase("v=spf1 a:%{d}/24%{d}", why: "'/24' between macros is literal text, not a prefix"),
    ValidCase("v=spf1 exists:x.%{d}%%", why: "'%%' is a macro-expand, so it may end a domain-spec (ABNF)"),
    ValidCase("v=spf1 a:foo.example.xn--zckzah -all", why: "a dash inside the top label (OpenSPF a-dash-in-toplabel)"),
    ValidCase("v=spf1 a:example.123-456", why: "an all-digit top label is valid with a dash (toplabel 2nd form)"),
    ValidCase("v=spf1 a:example.1a", why: "a top label with one letter"),
    ValidCase("v=spf1 a:example.com.", why: "a trailing dot"),
    ValidCase("v=spf1 a:_spf.EXAMPLE.COM", why: "'_' and uppercase in the labels"),
    ValidCase(
      "v=spf1 a:mail.example...com -all",
      why: "empty labels are lint's concern, not syntax (OpenSPF invalid-domain-empty-label)"),
    ValidCase(
      "v=spf1 a:a123456789012345678901234567890123456789012345678901234567890123.example.com -all",
      why: "a 64-octet label is lint's concern (OpenSPF invalid-domain-long)"),
  ]

  @Test(arguments: validCases)
  func valid(_ c: ValidCase) { c.check() }

  static let macroIssueCases: [IssueCase] = [
    IssueCase("v=spf1 a:⟨%{a}⟩.example.com -all", .invalidMacro, why: "an undefined letter (OpenSPF undef-macro)"),
    IssueCase(
      "v=spf1 -exists:⟨%(⟩ir).sbl.example.com ?all", .invalidMacro,
      why: "parentheses for braces (OpenSPF invalid-macro-char)"),
    IssueCase(
      "v=spf1 exists:foo⟨%(⟩ir).sbl.example.com ?all", .invalidMacro,
      why: "inside a label (OpenSPF invalid-embedded-macro-char)"),
    IssueCase(
      "v=spf1 exists:foo⟨%.⟩sbl.example.com ?all", .invalidMacro,
      why: "'%' before a dot (OpenSPF invalid-trailing-macro-char)"),
    IssueCase("v=spf1 exists:⟨%x⟩.example.com", .invalidMacro, why: "'%x' is no macro"),
    IssueCase("v=spf1 exists:example.com⟨%⟩", .invalidMacro, suggestion: "%%", why: "a '%' at the end"),
    IssueCase(
      "v=spf1 exists:⟨%{d.example.com⟩", .invalidMacro, why: "an unterminated '%{': to the end of the argument"),
    IssueCase("v=spf1 exists:⟨%{d⟩ -all", .invalidMacro, why: "unterminated at the end of the term"),
    IssueCase("v=spf1 exists:⟨%{}⟩.example.com", .invalidMacro, why: "no letter"),
    IssueCase("v=spf1 exists:⟨%{d0}⟩.example.com", .invalidMacro, why: "the digit transformer must be nonzero"),
    IssueCase("v=spf1 exists:⟨%{d00}⟩.example.com", .invalidMacro, why: "zero written twice is still zero"),
    IssueCase("v=spf1 exists:⟨%{d2r2}⟩.example.com", .invalidMacro, why: "digits come before 'r'"),
    IssueCase("v=spf1 exists:⟨%{d;}⟩.example.com", .invalidMacro, why: "';' is no delimiter"),
    IssueCase("v=spf1 exists:⟨%{dd}⟩.example.com", .invalidMacro, why: "one letter per macro"),
    IssueCase("v=spf1 exists:⟨%{c}⟩.example.com", .invalidMacro, why: "'c' only in explanation text (RFC 7208 §7.2)"),
    IssueCase("v=spf1 a:⟨%{R}⟩.example.com", .invalidMacro, why: "'R' only in explanation text"),
    IssueCase("v=spf1 include:⟨%{t}⟩.example.com", .invalidMacro, why: "'t' only in explanation text"),
    IssueCase(
      "v=spf1 -all exp=⟨%{r}⟩.example.com", .invalidMacro,
      why: "exp= names a domain, so 'r' is not allowed there (OpenSPF exp-only-macro-char)"),
  ]

  @Test(arguments: macroIssueCases)
  func macroIssue(_ c: IssueCase) { c.check() }

  static let domainIssueCases: [IssueCase] = [
    IssueCase("v=spf1 a:⟨111.222.33.44⟩", .invalidDomainSpec, why: "an all-numeric top label (OpenSPF a-numeric)"),
    IssueCase("v=spf1 a:⟨abc.123⟩", .invalidDomainSpec, why: "OpenSPF a-numeric-toplabel"),
    IssueCase("v=spf1 mx:⟨abc.123⟩", .invalidDomainSpec, why: "OpenSPF mx-numeric-top-label"),
    IssueCase("v=spf1 a:⟨example.-com⟩", .invalidDomainSpec, why: "a leading dash (OpenSPF a-bad-toplabel)"),
    IssueCase("v=spf1 mx:⟨example.-com⟩", .invalidDomainSpec, why: "OpenSPF mx-bad-toplab"),
    IssueCase("v=spf1 a:⟨example.com-⟩", .invalidDomainSpec, why: "a trailing dash"),
    IssueCase("v=spf1 a:⟨example.-⟩", .invalidDomainSpec, why: "a dash alone"),
    IssueCase("v=spf1 a:⟨museum⟩", .invalidDomainSpec, why: "a single label (OpenSPF a-only-toplabel)"),
    IssueCase("v=spf1 a:⟨museum.⟩", .invalidDomainSpec, why: "OpenSPF a-only-toplabel-trailing-dot"),
    IssueCase("v=spf1 a:⟨foo-bar⟩ -all", .invalidDomainSpec, why: "OpenSPF invalid-domain"),
    IssueCase("v=spf1 a:⟨example.com..⟩", .invalidDomainSpec, why: "two trailing dots"),
    IssueCase("v=spf1 a:⟨.⟩", .invalidDomainSpec, why: "a dot alone"),
    IssueCase("v=spf1 a:⟨example._com⟩", .invalidDomainSpec, why: "'_' in the top label"),
    IssueCase("v=spf1 a:⟨%{d}com⟩", .invalidDomainSpec, why: "text after the last macro needs '.' and a top label"),
    IssueCase("v=spf1 a:⟨%{d}.⟩", .invalidDomainSpec, why: "a dot after a macro is no domain-end"),
    IssueCase("v=spf1 redirect=⟨-all⟩ ?all", .invalidDomainSpec, why: "OpenSPF redirect-syntax-error"),
    IssueCase("v=spf1 exp=⟨-all⟩", .invalidDomainSpec, why: "OpenSPF exp-syntax-error"),
  ]

  @Test(arguments: domainIssueCases)
  func domainIssue(_ c: IssueCase) { c.check() }

  @Test(arguments: [
    ("%{c} is queried as %{ir}.%{v}.arpa", true), ("Connections from %{c} not authorized.", true),
    ("http://example.com/why.html?l=%{L}", true), ("%{t} %{r} %{p}", true), ("The %{x}-files.", false),
    ("50%", false), ("%{i", false),
  ])
  func explanation(_ text: String, valid: Bool) {
    #expect((MacroString.parseExplanation(Array(text.utf8)) != nil) == valid)
  }
}
