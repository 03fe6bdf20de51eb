import SPFKit

/// A finding as the editor sees it: the lint diagnostic, the name it belongs to, and its range in
/// the document in UTF-16 positions (LSP 3.17 "Diagnostic").
struct PublishedFinding: Sendable {
  let diagnostic: Diagnostic
  /// Index into `DocumentLint.names`.
  let nameIndex: Int
  let range: LSPRange

  /// The most findings published for one document: an editor slows down long before.
  static let maximumCount = 2000

  /// The findings at or above `threshold` located in the document itself (not in a file it
  /// includes), in lint order.
  static func all(in lint: DocumentLint, document: TextDocument, threshold: Severity = .info) -> [PublishedFinding] {
    var findings: [PublishedFinding] = []
    for (index, name) in lint.names.enumerated() {
      for diagnostic in name.result.diagnostics where diagnostic.severity >= threshold {
        guard findings.count < maximumCount else { return findings }
        let region = name.result.region(of: diagnostic)
        guard region.source == lint.source else { continue }
        let range = LSPRange(
          start: document.position(line: region.start.line, column: region.start.column),
          end: document.position(line: region.end.line, column: region.end.column))
        findings.append(PublishedFinding(diagnostic: diagnostic, nameIndex: index, range: range))
      }
    }
    return findings
  }

  /// The LSP `Diagnostic` object; with `strict`, warnings show as errors (as `--strict` fails on them).
  func json(in lint: DocumentLint, document: TextDocument, strict: Bool) -> JSONValue {
    var message = diagnostic.message
    if let fix = diagnostic.fix { message += "\nfix: \(fix.title)" }
    for note in diagnostic.notes { message += "\nnote: \(note)" }
    var object: [String: JSONValue] = [
      "range": range.json, "severity": .int(Self.severity(diagnostic.severity, strict: strict)),
      "code": .string(diagnostic.code), "source": "spfkit", "message": .string(message),
    ]
    if let metadata = RuleCatalog.rule(named: diagnostic.code)?.metadata {
      object["codeDescription"] = ["href": .string(Self.documentationURL(metadata))]
    }
    let related = relatedInformation(in: lint, document: document)
    if !related.isEmpty { object["relatedInformation"] = .array(related) }
    return .object(object)
  }

  /// Where a rule is documented: the RFC section its reference names (as SARIF's `helpUri`).
  static func documentationURL(_ metadata: RuleMetadata) -> String {
    SARIFReporter.helpURI(metadata.reference) ?? SARIFReporter.informationURI
  }

  /// 1 error, 2 warning, 3 information (LSP `DiagnosticSeverity`).
  static func severity(_ severity: Severity, strict: Bool) -> Int {
    switch severity {
    case .error: 1
    case .warning: strict ? 1 : 2
    case .info: 3
    }
  }

  /// For a finding about the whole name (SPF001, SPF101): the name's other records.
  private func relatedInformation(in lint: DocumentLint, document: TextDocument) -> [JSONValue] {
    guard RuleCatalog.rule(named: diagnostic.code)?.metadata.scope == .name else { return [] }
    let input = lint.names[nameIndex].result.input
    var related: [JSONValue] = []
    for (index, record) in input.records.enumerated() where index != diagnostic.record {
      guard SPFRecord.isSelected(record.joined) || record.joined.starts(with: Array("v=spf".utf8)),
        let start = record.location(ofJoinedOffset: 0), let end = record.location(ofJoinedEnd: record.joined.count)
      else { continue }
      let source = input.sources[index]
      let inDocument = source == lint.source
      let range =
        inDocument
        ? LSPRange(
          start: document.position(line: start.line, column: start.column),
          end: document.position(line: end.line, column: end.column))
        : LSPRange(
          start: LSPPosition(line: start.line - 1, character: start.column - 1),
          end: LSPPosition(line: end.line - 1, character: end.column - 1))
      let uri = inDocument ? document.uri : TextDocument.uri(ofPath: source)
      related.append([
        "location": ["uri": .string(uri), "range": range.json],
        "message": .string(
          "another record at '\(input.name ?? "this name")': \(String(decoding: record.joined.prefix(80), as: UTF8.self))"
        ),
      ])
    }
    return related
  }

  /// A problem that stopped reading the document, as an error diagnostic at its place (at the
  /// top when it is in an included file).
  static func inputErrorJSON(_ error: LintInputError, lint: DocumentLint, document: TextDocument) -> JSONValue {
    let inDocument = error.source == lint.source
    let start =
      inDocument ? document.position(line: error.line, column: error.column) : LSPPosition(line: 0, character: 0)
    let end = inDocument ? document.position(line: error.line, column: error.column + 1) : start
    let message = inDocument ? error.message : "\(error.source):\(error.line):\(error.column): \(error.message)"
    return [
      "range": LSPRange(start: start, end: end).json, "severity": 1, "source": "spfkit",
      "message": .string(message),
    ]
  }
}
