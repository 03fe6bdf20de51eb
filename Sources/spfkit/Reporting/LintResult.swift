import SPFKit

/// One name's records as read from the command line, standard input, a zone file or DNS.
struct LintInput {
  /// The owner name, when known.
  var name: String?
  /// The TXT records at the name.
  var records: [TXTRecord]
  /// Where each record came from (`<arg1>`, `<stdin>`, a file name), index-aligned with `records`.
  var sources: [String]
  /// Codes suppressed for each record (`; spfkit-disable ...` in zone files), index-aligned.
  var suppressed: [Set<String>] = []
}

/// The findings for one input.
struct LintResult {
  let input: LintInput
  let diagnostics: [Diagnostic]

  /// The source name and 1-based line and column of a diagnostic.
  func location(of diagnostic: Diagnostic) -> (source: String, line: Int, column: Int) {
    let index = diagnostic.record ?? 0
    let source = input.sources.indices.contains(index) ? input.sources[index] : input.sources.first ?? "<input>"
    guard input.records.indices.contains(index) else { return (source, 1, 1) }
    let record = input.records[index]
    let offset = diagnostic.span?.start ?? 0
    if let location = record.location(ofJoinedOffset: offset) { return (source, location.line, location.column) }
    return (source, record.strings.first?.origin?.line ?? 1, offset + 1)
  }

  /// The record a diagnostic is about, if any.
  func record(of diagnostic: Diagnostic) -> TXTRecord? {
    guard let index = diagnostic.record, input.records.indices.contains(index) else { return nil }
    return input.records[index]
  }
}

/// Counts of findings by severity, and of records read.
struct LintSummary {
  var errors = 0
  var warnings = 0
  var infos = 0
  var records = 0
  /// Input errors (unreadable lines or files): exit 2.
  var inputErrors = 0

  mutating func add(_ result: LintResult) {
    records += result.input.records.count
    for diagnostic in result.diagnostics {
      switch diagnostic.severity {
      case .error: errors += 1
      case .warning: warnings += 1
      case .info: infos += 1
      }
    }
  }
}

/// Writes lint results in one format.
protocol LintReporter: AnyObject {
  /// Reports one input's findings as soon as they are known.
  func report(_ result: LintResult)
  /// Ends the report.
  func finish(_ summary: LintSummary)
}
