import SPFKit

/// Compiler-style text: `SOURCE:LINE:COL: error[SPF001] message`, the record with a caret line under
/// the span, then the fix and notes; at the end, counts per code with `--statistics`, and the
/// summary line. The per-input part is `TextRenderer`'s, which the lint pipeline runs on its workers.
final class TextReporter: LintReporter {
  private let out: OutputBuffer
  private let options: ReportOptions
  private let text: TextRenderer

  init(out: OutputBuffer, color: Bool, options: ReportOptions) {
    self.out = out
    self.options = options
    text = TextRenderer(color: color)
  }

  var renderer: (any LintRenderer)? { text }

  func report(_ result: LintResult) {
    var bytes = OutputBytes()
    text.render(result, into: &bytes)
    out.append(bytes)
  }

  func write(rendered bytes: RenderedBytes) { bytes.withBytes { out.append($0) } }

  func finish(_ summary: LintSummary) {
    if options.statistics { out.append(Self.statistics(summary)) }
    out.append(Self.summaryLine(summary))
    out.append(0x0A)
  }

  /// Counts per code, most frequent first, like `ruff --statistics`: `  1203  SPF109  duplicate-term`.
  static func statistics(_ summary: LintSummary) -> String {
    let rows = summary.codes.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
    let width = rows.map { String($0.value).count }.max() ?? 1
    return rows.map { code, count in
      let number = String(count)
      let slug = RuleCatalog.rule(named: code)?.metadata.slug ?? ""
      return String(repeating: " ", count: width - number.count) + number + "  " + code + "  " + slug + "\n"
    }.joined()
  }

  /// `100 records checked: 2 errors, 5 warnings; 1 input could not be read; 97 infos not shown
  /// (--severity info)`.
  static func summaryLine(_ summary: LintSummary) -> String {
    func counted(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
    let present = [Severity.error, .warning, .info].filter { summary.count($0) > 0 }
    let found = present.filter { $0 >= summary.threshold }.map { counted(summary.count($0), $0.rawValue) }
    var parts = [found.isEmpty && summary.inputErrors == 0 ? "no problems" : found.joined(separator: ", ")]
    if summary.inputErrors > 0 {
      parts.append(counted(summary.inputErrors, "input") + " could not be read")
    }
    let hidden = present.filter { $0 < summary.threshold }
    if let lowest = hidden.last {
      let counts = hidden.map { counted(summary.count($0), $0.rawValue) }.joined(separator: ", ")
      parts.append("\(counts) not shown (--severity \(lowest.rawValue))")
    }
    let checked = counted(summary.records, "record") + " checked: "
    return checked + parts.filter { !$0.isEmpty }.joined(separator: "; ")
  }
}

/// One input's findings as text, written as bytes: this runs once per finding, millions of times on
/// a large zone, on any of the pipeline's threads.
struct TextRenderer: LintRenderer {
  let color: Bool

  /// Replacement records longer than this are left to the JSON output.
  static let longestRecordShown = 2048

  func render(_ result: LintResult, into bytes: inout OutputBytes) {
    guard !result.shown.isEmpty || !result.omitted.isEmpty else { return }
    result.shown.forEach { write($0, in: result, to: &bytes) }
    for omission in result.omitted {
      let start = result.start(ofRecord: omission.record)
      writeLocation(result.source(ofRecord: omission.record), start.line, start.column, to: &bytes)
      styled(StaticString("note"), .cyan, to: &bytes)
      bytes.append(StaticString(": "))
      bytes.append(utf8: omission.message)
      bytes.append(0x0A)
    }
  }

  private func write(_ diagnostic: Diagnostic, in result: LintResult, to bytes: inout OutputBytes) {
    let (source, line, column) = result.location(of: diagnostic)
    writeLocation(source, line, column, to: &bytes)
    switch diagnostic.severity {
    case .error: styled(StaticString("error"), .red, to: &bytes)
    case .warning: styled(StaticString("warning"), .yellow, to: &bytes)
    case .info: styled(StaticString("info"), .cyan, to: &bytes)
    }
    if color { bytes.append(utf8: Style.bold.opening) }
    bytes.append(0x5B)
    bytes.append(utf8: diagnostic.code)
    bytes.append(0x5D)
    if color { bytes.append(Style.closing) }
    bytes.append(0x20)
    bytes.append(utf8: diagnostic.message)
    bytes.append(0x0A)
    if let record = result.record(of: diagnostic), let span = diagnostic.span {
      writeSnippet(Snippet(record.joined, span: span), to: &bytes)
    }
    if let fix = diagnostic.fix {
      bytes.append(StaticString("  = fix: "))
      bytes.append(utf8: fix.title)
      bytes.append(0x0A)
      if let record = fix.record, record.joined.count <= Self.longestRecordShown {
        bytes.append(StaticString("    "))
        bytes.append(utf8: record.presentation)
        bytes.append(0x0A)
      }
    }
    for note in diagnostic.notes {
      bytes.append(StaticString("  = note: "))
      bytes.append(utf8: note)
      bytes.append(0x0A)
    }
  }

  /// `SOURCE:LINE:COL: `
  private func writeLocation(_ source: String, _ line: Int, _ column: Int, to bytes: inout OutputBytes) {
    bytes.append(utf8: source)
    bytes.append(0x3A)
    bytes.append(decimal: line)
    bytes.append(0x3A)
    bytes.append(decimal: column)
    bytes.append(StaticString(": "))
  }

  /// The record's window and the marker line under it.
  private func writeSnippet(_ snippet: Snippet, to bytes: inout OutputBytes) {
    styled(StaticString("  |"), .dim, to: &bytes)
    bytes.append(0x20)
    snippet.write(to: &bytes)
    bytes.append(0x0A)
    styled(StaticString("  |"), .dim, to: &bytes)
    bytes.append(0x20)
    bytes.append(repeating: 0x20, count: snippet.markerStart)
    if color { bytes.append(utf8: Style.green.opening) }
    bytes.append(0x5E)
    bytes.append(repeating: 0x7E, count: snippet.markerWidth - 1)
    if color { bytes.append(Style.closing) }
    bytes.append(0x0A)
  }

  private func styled(_ text: StaticString, _ style: Style, to bytes: inout OutputBytes) {
    guard color else { return bytes.append(text) }
    bytes.append(utf8: style.opening)
    bytes.append(text)
    bytes.append(Style.closing)
  }

}

/// A one-line window of a record with a marker under a span; control and invalid bytes are shown as
/// one visible character each so the marker stays aligned.
struct Snippet: Equatable {
  /// Whether the window starts after the record's start (an ellipsis is shown first).
  let cutBefore: Bool
  /// The shown characters, UTF-8: for printable ASCII the record's own bytes, not a copy (this runs
  /// once per finding).
  let body: ArraySlice<UInt8>
  /// Whether the window ends before the record's end (an ellipsis is shown last).
  let cutAfter: Bool
  /// Visible characters before the marker.
  let markerStart: Int
  /// Characters under the marker (at least 1): `^` then `~` for the rest of the span.
  let markerWidth: Int

  /// The most bytes shown on either side of the span.
  static let context = 60

  init(_ bytes: [UInt8], span: SourceSpan) {
    let window = Window(count: bytes.count, span: span)
    if Snippet.isPrintableASCII(bytes[window.low..<window.high]) {
      self.init(printableASCII: bytes, window)
    } else {
      self.init(characterByCharacter: bytes, window)
    }
  }

  /// The shown part of a record: the span clamped into the record, and up to `context` bytes
  /// either side of it (a long span is cut after `2 * context` bytes).
  struct Window {
    let start: Int
    let end: Int
    let low: Int
    let high: Int

    init(count: Int, span: SourceSpan) {
      start = min(max(span.start, 0), count)
      end = min(max(span.end, start), count)
      low = max(0, start - Snippet.context)
      high = min(count, max(min(end, start + 2 * Snippet.context), start + 1) + Snippet.context)
    }
  }

  /// The shown text, UTF-8.
  var text: [UInt8] { (cutBefore ? Snippet.ellipsis : []) + body + (cutAfter ? Snippet.ellipsis : []) }

  /// Writes the shown text.
  func write(to bytes: inout OutputBytes) {
    if cutBefore { bytes.append(Snippet.ellipsis) }
    bytes.append(body)
    if cutAfter { bytes.append(Snippet.ellipsis) }
  }

  /// The usual window, printable ASCII only: one column per byte, the record's bytes as they are.
  init(printableASCII bytes: [UInt8], _ window: Window) {
    cutBefore = window.low > 0
    body = bytes[window.low..<window.high]
    cutAfter = window.high < bytes.count
    let column = window.low > 0 ? 1 : 0
    markerStart = column + min(window.start, window.high) - window.low
    markerWidth = max(1, column + min(max(window.end, window.low), window.high) - window.low - markerStart)
  }

  /// Any window: control and invalid bytes shown as one visible character each.
  init(characterByCharacter bytes: [UInt8], _ window: Window) {
    var text: [UInt8] = []
    text.reserveCapacity(window.high - window.low + 8)
    var column = window.low > 0 ? 1 : 0
    var markerStart = column
    var markerEnd = column
    var index = window.low
    while index < window.high {
      if index == window.start { markerStart = column }
      let byte = bytes[index]
      if byte >= 0x20 && byte < 0x7F {
        text.append(byte)
        index += 1
      } else {
        let (shown, length) = Snippet.visible(bytes, at: index)
        text += shown.utf8
        index += length
      }
      column += 1
      if index <= window.end { markerEnd = column }
    }
    if window.start >= window.high { markerStart = column }
    cutBefore = window.low > 0
    body = text[...]
    cutAfter = window.high < bytes.count
    self.markerStart = markerStart
    markerWidth = max(1, markerEnd - markerStart)
  }

  private static let ellipsis = Array("…".utf8)

  private static func isPrintableASCII(_ bytes: ArraySlice<UInt8>) -> Bool {
    bytes.withUnsafeBufferPointer { window in window.allSatisfy { $0 >= 0x20 && $0 < 0x7F } }
  }

  /// The visible form of the character at `index` and its byte length.
  private static func visible(_ bytes: [UInt8], at index: Int) -> (String, Int) {
    let byte = bytes[index]
    if byte >= 0x20 && byte < 0x7F { return (String(UnicodeScalar(byte)), 1) }
    if byte < 0x80 { return (byte == 0x09 ? "→" : "·", 1) }
    var length = 0
    switch byte {
    case 0xC2...0xDF: length = 2
    case 0xE0...0xEF: length = 3
    case 0xF0...0xF4: length = 4
    default: return ("\u{FFFD}", 1)
    }
    guard index + length <= bytes.count, let scalar = String(validating: bytes[index..<(index + length)], as: UTF8.self)
    else { return ("\u{FFFD}", 1) }
    return (scalar, length)
  }
}
