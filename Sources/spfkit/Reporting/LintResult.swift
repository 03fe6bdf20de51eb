import SPFKit

/// One name's records as read from the command line, standard input, a zone file or DNS.
struct LintInput: Sendable {
  /// The owner name, when known.
  var name: String?
  /// The TXT records at the name.
  var records: [TXTRecord]
  /// Where each record came from (`<arg1>`, `<stdin>`, a file name), index-aligned with `records`.
  var sources: [String]
  /// What the zone file says about each record (type, suppression comments), when read from one:
  /// then every source is a file.
  var zone: ZoneFacts? = nil
}

/// Where a finding is in its source: the source name and the 1-based line and UTF-8 byte column of
/// its first byte and just past its last.
struct FindingRegion {
  var source: String
  var start: SourceLocation
  var end: SourceLocation
}

/// The findings for one input.
struct LintResult {
  let input: LintInput
  let diagnostics: [Diagnostic]

  /// The source name and 1-based line and column of a diagnostic.
  func location(of diagnostic: Diagnostic) -> (source: String, line: Int, column: Int) {
    let region = region(of: diagnostic)
    return (region.source, region.start.line, region.start.column)
  }

  /// Where a diagnostic is: its location outside the record (the type of a zone line), else its
  /// span mapped through the strings' origins (escapes, strings on several lines).
  func region(of diagnostic: Diagnostic) -> FindingRegion {
    let index = diagnostic.record ?? 0
    let source = input.sources.indices.contains(index) ? input.sources[index] : input.sources.first ?? "<input>"
    if let range = diagnostic.location {
      return FindingRegion(
        source: source, start: range.start, end: SourceLocation(line: range.start.line, column: range.endColumn))
    }
    let first = SourceLocation(line: 1, column: 1)
    guard input.records.indices.contains(index) else { return FindingRegion(source: source, start: first, end: first) }
    let record = input.records[index]
    let span = diagnostic.span ?? SourceSpan(start: 0, end: 0)
    let fallbackLine = record.strings.first?.origin?.line ?? 1
    let start =
      record.location(ofJoinedOffset: span.start) ?? SourceLocation(line: fallbackLine, column: span.start + 1)
    guard span.length > 0 else { return FindingRegion(source: source, start: start, end: start) }
    let end =
      record.location(ofJoinedEnd: span.end) ?? SourceLocation(line: start.line, column: start.column + span.length)
    return FindingRegion(source: source, start: start, end: end)
  }

  /// The record a diagnostic is about, if any.
  func record(of diagnostic: Diagnostic) -> TXTRecord? {
    guard let index = diagnostic.record, input.records.indices.contains(index) else { return nil }
    return input.records[index]
  }
}

/// A file or line that could not be read: exit 2, the message on standard error.
struct LintInputError: Error, Sendable {
  /// The file (or `<stdin>`) and the 1-based line and column of the problem.
  var source: String
  var line: Int
  var column: Int
  /// What is wrong, lowercase.
  var message: String

  /// Compiler style, as printed on standard error: `FILE:LINE:COL: error: message`.
  var description: String { "\(source):\(line):\(column): error: \(message)" }
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
  /// Notes an input that could not be read (already printed on standard error).
  func reportInputError(_ error: LintInputError)
  /// Ends the report.
  func finish(_ summary: LintSummary)
}

extension LintReporter {
  /// Most formats leave input errors to standard error.
  func reportInputError(_ error: LintInputError) {}
}
