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
  /// Whether the sources are files (a zone file, a `--dns-zone` file), which a location can name
  /// for GitHub or SARIF; `<arg1>`, `<stdin>` and DNS names are not.
  var sourcesAreFiles = false
  /// Whether the input is printed even with nothing to show: true for `<record>` arguments and
  /// `--domain` names, false in bulk and zone modes, whose output is proportional to the problems.
  var listedWhenClean = true
}

/// Where a finding is in its source: the source name and the 1-based line and UTF-8 byte column of
/// its first byte and just past its last.
struct FindingRegion {
  var source: String
  var start: SourceLocation
  var end: SourceLocation
}

/// The findings for one input, and the part of them a reporter prints.
struct LintResult {
  let input: LintInput
  /// Every finding, in the linter's order.
  let diagnostics: [Diagnostic]
  /// The findings printed: at or above the severity threshold, at most `ReportOptions.cap` per
  /// record and code.
  let shown: ShownFindings
  /// For each record and code over the cap, how many findings were left out.
  let omitted: [OmittedFindings]
  /// How many findings were below the severity threshold.
  let hidden: Int

  /// The findings of `input`, selected for printing by `options`.
  init(input: LintInput, diagnostics: [Diagnostic], options: ReportOptions = ReportOptions()) {
    self.input = input
    self.diagnostics = diagnostics
    var selection = FindingSelection(options)
    selection.select(diagnostics)
    shown = ShownFindings(
      diagnostics, kept: selection.kept, hidden: selection.hidden, threshold: options.threshold)
    omitted = selection.omitted
    hidden = selection.hidden
  }

  /// Whether a reporter prints anything for this input: in bulk and zone modes a name with nothing
  /// to show prints nothing.
  var isShown: Bool { !shown.isEmpty || !omitted.isEmpty || input.listedWhenClean }

  /// The source name and 1-based line and column of a diagnostic.
  func location(of diagnostic: Diagnostic) -> (source: String, line: Int, column: Int) {
    let region = region(of: diagnostic)
    return (region.source, region.start.line, region.start.column)
  }

  /// The source of record `index` (the first source when the index is out of range).
  func source(ofRecord index: Int?) -> String {
    let index = index ?? 0
    return input.sources.indices.contains(index) ? input.sources[index] : input.sources.first ?? "<input>"
  }

  /// Where record `index` starts: its first string's origin; else, for a zone record, its type
  /// (`typeRange(ofRecord:)`); else line = the record's 1-based position among the name's records
  /// (records read over DNS carry no source position).
  func start(ofRecord index: Int?) -> SourceLocation {
    let index = index ?? 0
    guard input.records.indices.contains(index), let origin = input.records[index].strings.first?.origin else {
      return typeRange(ofRecord: index)?.start ?? SourceLocation(line: index + 1, column: 1)
    }
    return SourceLocation(line: origin.line, column: origin.column)
  }

  /// The type of zone record `index` when its data has no text to map a span into: data in the
  /// generic form (`TXT \# 12 0b76...`) is hexadecimal, so a finding points at the record's type.
  private func typeRange(ofRecord index: Int) -> SourceRange? {
    guard let zone = input.zone, zone.records.indices.contains(index), input.records.indices.contains(index),
      input.records[index].strings.first?.origin == nil
    else { return nil }
    return zone.records[index].typeRange
  }

  /// Where a diagnostic is: its location outside the record (the type of a zone line), else its
  /// span mapped through the strings' origins (escapes, strings on several lines).
  func region(of diagnostic: Diagnostic) -> FindingRegion {
    let source = source(ofRecord: diagnostic.record)
    if let range = diagnostic.location {
      return FindingRegion(
        source: source, start: range.start, end: SourceLocation(line: range.start.line, column: range.endColumn))
    }
    let index = diagnostic.record ?? 0
    let recordStart = start(ofRecord: index)
    guard input.records.indices.contains(index) else {
      return FindingRegion(source: source, start: recordStart, end: recordStart)
    }
    if let type = typeRange(ofRecord: index) {
      return FindingRegion(
        source: source, start: type.start, end: SourceLocation(line: type.start.line, column: type.endColumn))
    }
    let record = input.records[index]
    let span = diagnostic.span ?? SourceSpan(start: 0, end: 0)
    let start =
      record.location(ofJoinedOffset: span.start) ?? SourceLocation(line: recordStart.line, column: span.start + 1)
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
  /// The file (or `<stdin>`, `<arg1>`, a domain name) and the 1-based line and column of the
  /// problem.
  var source: String
  var line: Int
  var column: Int
  /// What is wrong, lowercase.
  var message: String
  /// Whether `source` names a file.
  var isFile = true

  /// Compiler style, as printed on standard error: `FILE:LINE:COL: error: message`.
  var description: String { "\(source):\(line):\(column): error: \(message)" }
}

extension LintInputError {
  /// The error a zone file stopped at, where it stopped.
  init(_ error: ZoneReadError) {
    self.init(source: error.file, line: error.line, column: error.column, message: error.message)
  }
}

/// Counts of findings by severity and code, and of records read.
struct LintSummary {
  /// Every finding, whatever was shown.
  var errors = 0
  var warnings = 0
  var infos = 0
  var records = 0
  /// Input errors (unreadable lines or files): exit 2.
  var inputErrors = 0
  /// Findings below the severity threshold, not printed.
  var hidden = 0
  /// Findings over the cap per record and code, not printed.
  var omitted = 0
  /// Findings at or above the threshold, by code (`--statistics`).
  var codes: [String: Int] = [:]
  /// The lowest severity printed.
  var threshold = Severity.info

  /// Adds the counts of another part of the run (a pipeline chunk).
  mutating func merge(_ other: LintSummary) {
    errors += other.errors
    warnings += other.warnings
    infos += other.infos
    records += other.records
    inputErrors += other.inputErrors
    hidden += other.hidden
    omitted += other.omitted
    codes.merge(other.codes, uniquingKeysWith: +)
  }

  mutating func add(_ result: LintResult) {
    records += result.input.records.count
    hidden += result.hidden
    for omission in result.omitted { omitted += omission.count }
    // By index, reading two fields: `for … in` copies each finding, a reference count per field.
    for index in result.diagnostics.indices {
      let severity = result.diagnostics[index].severity
      switch severity {
      case .error: errors += 1
      case .warning: warnings += 1
      case .info: infos += 1
      }
      if severity >= threshold { codes[result.diagnostics[index].code, default: 0] += 1 }
    }
  }

  /// The count of one severity.
  func count(_ severity: Severity) -> Int {
    switch severity {
    case .error: errors
    case .warning: warnings
    case .info: infos
    }
  }
}

/// Writes lint results in one format.
protocol LintReporter: AnyObject {
  /// What renders one input's output on a worker thread, for `write(rendered:)`; nil for a format
  /// that must see every result in order (SARIF collects them, GitHub interleaves input errors).
  var renderer: (any LintRenderer)? { get }
  /// Reports one input's findings as soon as they are known.
  func report(_ result: LintResult)
  /// Writes bytes from `renderer`, in input order.
  func write(rendered bytes: RenderedBytes)
  /// Notes an input that could not be read (already printed on standard error); the summary counts
  /// it.
  func reportInputError(_ error: LintInputError)
  /// Ends the report.
  func finish(_ summary: LintSummary)
}

extension LintReporter {
  /// Most formats leave input errors to standard error.
  func reportInputError(_ error: LintInputError) {}
  var renderer: (any LintRenderer)? { nil }
  func write(rendered bytes: RenderedBytes) {}
}

/// Renders one input's findings as a format's bytes; a value, so the pipeline's workers render in
/// parallel and the reporter writes their bytes in input order.
protocol LintRenderer: Sendable {
  func render(_ result: LintResult, into bytes: inout OutputBytes)
}
