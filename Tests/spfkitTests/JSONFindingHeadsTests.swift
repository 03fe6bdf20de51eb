import SPFKit
import Testing

@testable import spfkit

/// The prewritten code, slug and severity of each catalog rule: the same bytes as writing the three
/// fields, used only when a finding carries exactly what the catalog says of its code.
@Suite struct JSONFindingHeadsTests {
  /// What the heads write for a finding, inside an object with one field before and after.
  static func written(_ diagnostic: Diagnostic, heads: JSONFindingHeads = .catalog) -> String {
    var writer = JSONWriter()
    writer.beginObject()
    writer.field("before", 1)
    heads.write(diagnostic, to: &writer)
    writer.field("after", 2)
    writer.endObject()
    return String(decoding: writer.finish().array, as: UTF8.self)
  }

  static func expected(code: String, slug: String, severity: Severity) -> String {
    #"{"before":1,"code":"\#(code)","slug":"\#(slug)","severity":"\#(severity.rawValue)","after":2}"#
  }

  @Test func everyCatalogRuleWritesItsOwnFields() {
    for rule in RuleCatalog.metadata {
      let finding = Diagnostic(rule, "message")
      #expect(
        Self.written(finding) == Self.expected(code: rule.code, slug: rule.slug, severity: rule.severity),
        "\(rule.code)")
    }
  }

  /// A finding whose slug or severity differs from its code's rule, or whose code is no catalog
  /// code, is written field by field, as it is.
  @Test func aFindingUnlikeItsRuleIsWrittenAsItIs() throws {
    let rule = try #require(RuleCatalog.metadata.first { $0.severity == .warning })
    var otherSeverity = Diagnostic(rule, "message")
    otherSeverity.severity = .error
    var otherSlug = Diagnostic(rule, "message")
    otherSlug.slug = "renamed-\"slug\""
    var unknownCode = Diagnostic(rule, "message")
    unknownCode.code = "SPF999"
    var oddCode = Diagnostic(rule, "message")
    oddCode.code = "X\n1"
    #expect(Self.written(otherSeverity) == Self.expected(code: rule.code, slug: rule.slug, severity: .error))
    #expect(
      Self.written(otherSlug) == Self.expected(code: rule.code, slug: #"renamed-\"slug\""#, severity: .warning))
    #expect(Self.written(unknownCode) == Self.expected(code: "SPF999", slug: rule.slug, severity: .warning))
    #expect(Self.written(oddCode) == Self.expected(code: #"X\n1"#, slug: rule.slug, severity: .warning))
  }

  @Test(
    arguments: [
      ("SPF000", 0), ("SPF102", 102), ("SPF999", 999), ("spf102", nil), ("SPF10", nil), ("SPF1023", nil),
      ("SPF1a2", nil), ("SPF/02", nil), ("SPF:02", nil), ("", nil), ("SPF１02", nil),
    ] as [(String, Int?)])
  func codesAreNumberedOnlyWhenSpelledSPFAndThreeDigits(_ code: String, _ number: Int?) {
    #expect(JSONFindingHeads.number(of: code) == number, "\(code)")
  }
}
