import SPFKit

/// The fields every JSON finding of one rule starts with, `"code":"SPF102","slug":"ptr-deprecated",
/// "severity":"warning"`, written once per catalog rule and copied per finding: three keys and
/// three escaped strings become one copy, on a path that runs for every finding of a large zone.
struct JSONFindingHeads: Sendable {
  /// One rule's head and what it was written from.
  private struct Head: Sendable {
    let slug: String
    let severity: Severity
    let bytes: [UInt8]
  }

  /// Heads by the number of the code (`SPF102` at 102).
  private let heads: [Head?]

  static let catalog = JSONFindingHeads(RuleCatalog.metadata)

  init(_ rules: [RuleMetadata]) {
    var heads = [Head?](repeating: nil, count: 1000)
    for rule in rules {
      guard let number = Self.number(of: rule.code) else { continue }
      var writer = JSONWriter()
      writer.beginObject()
      Self.writeFields(code: rule.code, slug: rule.slug, severity: rule.severity, to: &writer)
      // The head is the fields alone: drop the `{` the writer needed to write keys.
      let bytes = Array(writer.finish().array.dropFirst())
      heads[number] = Head(slug: rule.slug, severity: rule.severity, bytes: bytes)
    }
    self.heads = heads
  }

  /// Writes a finding's code, slug and severity fields: the rule's head when the finding carries
  /// exactly what the catalog says of that code, else field by field.
  func write(_ diagnostic: Diagnostic, to writer: inout JSONWriter) {
    if let number = Self.number(of: diagnostic.code), let head = heads[number], head.slug == diagnostic.slug,
      head.severity == diagnostic.severity
    {
      writer.fields(raw: head.bytes)
    } else {
      Self.writeFields(code: diagnostic.code, slug: diagnostic.slug, severity: diagnostic.severity, to: &writer)
    }
  }

  private static func writeFields(code: String, slug: String, severity: Severity, to writer: inout JSONWriter) {
    writer.field("code", code)
    writer.field("slug", slug)
    writer.field("severity", plain: severity.jsonName)
  }

  /// The number of a code spelled `SPF` and three digits, else nil.
  static func number(of code: String) -> Int? {
    var code = code
    return code.withUTF8 { bytes -> Int? in
      guard bytes.count == 6, bytes[0] == 0x53, bytes[1] == 0x50, bytes[2] == 0x46 else { return nil }
      var number = 0
      for byte in bytes[3...] {
        guard byte >= 0x30, byte <= 0x39 else { return nil }
        number = number * 10 + Int(byte - 0x30)
      }
      return number
    }
  }
}

extension Severity {
  /// The name as JSON writes it (`rawValue` as a literal, copied without an escape check).
  var jsonName: StaticString {
    switch self {
    case .error: "error"
    case .warning: "warning"
    case .info: "info"
    }
  }
}
