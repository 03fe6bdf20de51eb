import Testing

@testable import SPFKit

/// `record = version terms *SP`, `terms = *( 1*SP ( directive / modifier ) )` (RFC 7208 §4.5, §12) and the
/// characters a record may hold.
struct SPFParserVersionTests {
  static let validCases: [ValidCase] = [
    ValidCase("v=spf1", why: "a version alone is a record with no terms (OpenSPF empty)"),
    ValidCase("v=spf1 -all", why: "version, one space, one term"),
    ValidCase("V=SPF1 -all", canonical: "v=spf1 -all", why: "ABNF strings are case-insensitive (RFC 5234 §2.3)"),
    ValidCase("v=SpF1 ~all", canonical: "v=spf1 ~all", why: "mixed case (OpenSPF case-insensitive)"),
    ValidCase(
      "v=spf1 a  -all", canonical: "v=spf1 a -all", why: "1*SP: two spaces separate terms (OpenSPF two-spaces)"),
    ValidCase("v=spf1     a", canonical: "v=spf1 a", why: "1*SP after the version"),
    ValidCase("v=spf1 a -all ", canonical: "v=spf1 a -all", why: "*SP: a trailing space (OpenSPF trailing-space)"),
    ValidCase("v=spf1   ", canonical: "v=spf1", why: "trailing spaces and no term"),
  ]

  @Test(arguments: validCases)
  func valid(_ c: ValidCase) { c.check() }

  static let versionCases: [IssueCase] = [
    IssueCase("⟨v=spf10⟩", .invalidVersion, suggestion: "v=spf1", why: "a digit after 'v=spf1' (OpenSPF nospace2)"),
    IssueCase("⟨v=spf1.0⟩ -all", .invalidVersion, suggestion: "v=spf1", why: "a version number that does not exist"),
    IssueCase("⟨v=spf2⟩ -all", .invalidVersion, suggestion: "v=spf1", why: "SPF has only version 1"),
    IssueCase("⟨v=spf2.0/pra⟩ -all", .invalidVersion, why: "Sender ID is not SPF"),
    IssueCase(
      "⟨v=spf1-all⟩", .invalidVersion, suggestion: "v=spf1 -all",
      why: "no space between version and term: the span is the fused token, the term is kept"),
    IssueCase("⟨spf1⟩ -all", .invalidVersion, why: "'v=' missing"),
    IssueCase("⟨⟩", .invalidVersion, why: "empty text: the version is missing at offset 0"),
    IssueCase("⟨ ⟩v=spf1 -all", .invalidVersion, suggestion: "", why: "a leading space: receivers ignore the record"),
    IssueCase("⟨   ⟩v=spf1 -all", .invalidVersion, suggestion: "", why: "every leading space is in the span"),
    IssueCase(
      "⟨\"⟩v=spf1 -all⟨\"⟩", .invalidVersion, .invalidVersion, suggestion: "",
      why: "surrounding quotes are data, not presentation"),
    IssueCase("⟨'⟩v=spf1 -all⟨'⟩", .invalidVersion, .invalidVersion, why: "single quotes too"),
    IssueCase("⟨\"⟩v=spf1 -all", .invalidVersion, why: "an opening quote alone"),
    IssueCase(
      "⟨'' ''⟩v=spf1 -all", .invalidVersion, suggestion: "",
      why: "runs of quotes with spaces between them are one opening (the record fuzzer's)"),
    IssueCase(
      "⟨ ⟩⟨\"⟩v=spf1 a⟨\"⟩", .invalidVersion, .invalidVersion, .invalidVersion,
      why: "a leading space and quotes: three issues in source order"),
    IssueCase(
      "⟨v=spf3⟩ ⟨!⟩a:yahoo.com -all", .invalidVersion, .invalidQualifier,
      why: "a bad version does not stop the terms being checked"),
    IssueCase("v=spf1⟨\t⟩-all", .invalidCharacter, suggestion: " ", why: "a tab after the version is no separator"),
    IssueCase("v=spf1⟨\t⟩⟨\t⟩-all", .invalidCharacter, .invalidCharacter, why: "two tabs: the second starts a term"),
  ]

  @Test(arguments: versionCases)
  func version(_ c: IssueCase) { c.check() }

  @Test func tabAfterVersionKeepsTheTerms() {
    let parsed = SPFParser.parse("v=spf1\tip4:192.0.2.1 -all")
    #expect(parsed.record.directives == [Directive(.pass, .ip4(IPv4Network("192.0.2.1")!)), Directive(.fail, .all)])
    #expect(parsed.record.versionSpan == SourceSpan(start: 0, end: 6))
  }

  @Test func versionSpanOfQuotedRecord() {
    let parsed = SPFParser.parse("\"v=spf1 -all\"")
    #expect(parsed.record.versionSpan == SourceSpan(start: 1, end: 7))
    #expect(parsed.record.terms.map(\.span) == [SourceSpan(start: 8, end: 12)])
  }

  static let characterCases: [IssueCase] = [
    IssueCase("v=spf1 a⟨\t⟩-all", .invalidCharacter, suggestion: " ", why: "a tab between terms"),
    IssueCase("v=spf1 a:foo.example.com⟨\u{0}⟩", .invalidCharacter, why: "NUL (OpenSPF a-null)"),
    IssueCase("v=spf1 mx:foo.example.com⟨\u{0}⟩", .invalidCharacter, why: "NUL (OpenSPF mx-null)"),
    IssueCase(
      "v=spf1 a:ctrl.example.com⟨\r⟩ptr -all", .invalidCharacter,
      why: "carriage return (OpenSPF control-char-policy)"),
    IssueCase(
      "v=spf1 ip4:192.0.2.5⟨\n⟩ include:spf.protection.outlook.com ~all", .invalidCharacter,
      why: "line feed (OpenSPF badip4)"),
    IssueCase("v=spf1 a⟨\u{7F}⟩", .invalidCharacter, why: "DEL is a control character"),
    IssueCase(
      "v=spf1 a:⟨\u{FEFF}⟩garbage.example.net -all", .invalidCharacter, suggestion: .some(nil),
      why: "a byte-order mark: the whole UTF-8 sequence (OpenSPF non-ascii-policy)"),
    IssueCase("v=spf1 ⟨⟦80⟧⟩a:example.net -all", .invalidCharacter, why: "a lone continuation byte (non-ascii-mech)"),
    IssueCase(
      "v=spf1 a:example.net ⟨⟦96⟧⟩all", .invalidCharacter, why: "a Windows-1252 en dash byte (non-ascii-result)"),
    IssueCase("v=spf1 a:example.com⟨⟦E2⟧⟦80⟧⟩", .invalidCharacter, why: "a truncated sequence is one issue"),
    IssueCase("v=spf1 a:⟨⟦C0⟧⟦AF⟧⟩example.com", .invalidCharacter, why: "an overlong encoding is no character"),
    IssueCase("v=spf1 a:⟨⟦ED⟧⟦A0⟧⟦80⟧⟩example.com", .invalidCharacter, why: "an encoded surrogate is no character"),
    IssueCase("v=spf1 ⟨😀⟩", .invalidCharacter, suggestion: .some(nil), why: "a four-byte character, whole"),
    IssueCase("v=spf1 ⟨\u{2013}⟩all", .invalidCharacter, suggestion: "-", why: "an en dash typed for '-'"),
    IssueCase("v=spf1 ⟨\u{2014}⟩all", .invalidCharacter, suggestion: "-", why: "an em dash typed for '-'"),
    IssueCase("v=spf1 ⟨\u{2212}⟩all", .invalidCharacter, suggestion: "-", why: "a minus sign typed for '-'"),
    IssueCase("v=spf1 a⟨\u{A0}⟩-all", .invalidCharacter, suggestion: " ", why: "a no-break space between terms"),
    IssueCase("v=spf1⟨\u{A0}⟩-all", .invalidCharacter, suggestion: " ", why: "a no-break space after the version"),
    IssueCase(
      "v=spf1 include:⟨\u{201C}⟩example.com⟨\u{201D}⟩ -all", .invalidCharacter, .invalidCharacter, suggestion: "",
      why: "typographic quotes: SPF has no quotes, so the fix deletes both"),
    IssueCase(
      "v=spf1 include:example.com⟨\u{2019}⟩ -all", .invalidCharacter, suggestion: "",
      why: "a typographic apostrophe is deleted too"),
    IssueCase(
      "⟨\u{201C}⟩v=spf1 -all⟨\u{201D}⟩", .invalidVersion, .invalidVersion,
      why: "a record in typographic quotes: both quotes, like ASCII ones"),
    IssueCase(
      "v=spf1 ⟨\u{0}⟩ ⟨\t⟩ ⟨é⟩", .invalidCharacter, .invalidCharacter, .invalidCharacter,
      why: "one issue per term, every term checked"),
  ]

  @Test(arguments: characterCases)
  func character(_ c: IssueCase) { c.check() }

  @Test func oneBadTermLeavesTheOthers() {
    let parsed = SPFParser.parse("v=spf1 ip4:192.0.2.1 a\u{0}b -all")
    #expect(parsed.record.terms.count == 3)
    #expect(parsed.record.directives == [Directive(.pass, .ip4(IPv4Network("192.0.2.1")!)), Directive(.fail, .all)])
    #expect(parsed.record.description == "v=spf1 ip4:192.0.2.1 a\u{0}b -all")
  }
}
