import Testing

@testable import SPFKit

/// A parsed literal name is kept as the record's bytes, a built one as a `String`: the two must be
/// the same value however each was made (equal, hashed alike, read alike).
struct MacroStringStorageTests {
  /// The domain-spec of the record's first term, as the parser made it.
  static func parsedSpec(_ record: String) -> DomainSpec? {
    SPFParser.parse(record).record.terms.first?.mechanism?.domainSpec
  }

  static let names = ["_spf.example.com", "a.b.example.org.", "spf.protection.outlook.com", "x.co"]

  @Test(arguments: names)
  func parsedAndBuiltAreOneValue(_ name: String) throws {
    let parsed = try #require(Self.parsedSpec("v=spf1 include:\(name) -all"))
    let built = DomainSpec(domain: name)
    #expect(parsed == built)
    #expect(built == parsed)
    #expect(parsed.hashValue == built.hashValue)
    #expect(Set([parsed, built]).count == 1)
    #expect(parsed.literalName == name)
    #expect(parsed.description == name)
    #expect(parsed.macroString.parts == [.literal(name)])
    #expect(parsed.macroString.lastPart == .literal(name))
    #expect(!parsed.macroString.hasMacros)
  }

  @Test func writtenLiteralsCompareByTheirBytes() throws {
    let first = try #require(Self.parsedSpec("v=spf1 include:_spf.example.com -all"))
    // The same name at another offset of another record, and a name that differs in one byte.
    let same = try #require(Self.parsedSpec("v=spf1   include:_spf.example.com ~all"))
    let other = try #require(Self.parsedSpec("v=spf1 include:_spf.example.net -all"))
    #expect(first == same)
    #expect(first.hashValue == same.hashValue)
    #expect(first != other)
    // Case is kept, as String equality keeps it.
    let upper = try #require(Self.parsedSpec("v=spf1 include:_SPF.example.com -all"))
    #expect(first != upper)
  }

  @Test func aLiteralIsNeverEqualToParts() throws {
    let parsed = try #require(Self.parsedSpec("v=spf1 exists:example.com -all"))
    let macro = try #require(Self.parsedSpec("v=spf1 exists:%{i}.example.com -all"))
    #expect(macro.macroString.hasMacros)
    #expect(parsed != macro)
    #expect(parsed.macroString != MacroString(parts: [.literal("example"), .literal(".com")]))
    #expect(MacroString(literal: "") == MacroString(parts: []))
  }

  @Test func aNonASCIIRecordKeepsItsNamesAsStrings() throws {
    // Not printable ASCII as a whole: the parser decodes the name, as it always did.
    let parsed = try #require(Self.parsedSpec("v=spf1 include:_spf.example.com -all caf\u{E9}"))
    #expect(parsed == DomainSpec(domain: "_spf.example.com"))
    #expect(parsed.literalName == "_spf.example.com")
  }

  @Test func parsedTermsEqualTermsBuiltInCode() {
    let parsed = SPFParser.parse("v=spf1 include:_spf.example.com redirect=_spf.example.net").record.terms
    let built: [Term.Kind] = [
      .directive(Directive(.pass, .include(DomainSpec(domain: "_spf.example.com")))),
      .modifier(.redirect(DomainSpec(domain: "_spf.example.net"))),
    ]
    #expect(parsed.map(\.kind) == built)
  }
}
