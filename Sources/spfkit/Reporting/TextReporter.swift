import SPFKit

/// Compiler-style text: `SOURCE:LINE:COL: error[SPF001] message`, the record with a caret line under
/// the span, then the fix and notes.
final class TextReporter: LintReporter {
  private let console: Console
  private let color: Bool

  init(console: Console) {
    self.console = console
    color = console.colorsOutput
  }

  func report(_ result: LintResult) {
    for diagnostic in result.diagnostics { write(diagnostic, in: result) }
  }

  private func write(_ diagnostic: Diagnostic, in result: LintResult) {
    let (source, line, column) = result.location(of: diagnostic)
    let severity: String
    switch diagnostic.severity {
    case .error: severity = Style.red.apply("error", color)
    case .warning: severity = Style.yellow.apply("warning", color)
    case .info: severity = Style.cyan.apply("info", color)
    }
    let code = Style.bold.apply("[\(diagnostic.code)]", color)
    console.line("\(source):\(line):\(column): \(severity)\(code) \(diagnostic.message)")
    if let record = result.record(of: diagnostic), let span = diagnostic.span {
      let snippet = Snippet(record.joined, span: span)
      let gutter = Style.dim.apply("  |", color)
      console.line("\(gutter) \(snippet.text)")
      console.line("\(gutter) \(snippet.padding)\(Style.green.apply(snippet.marker, color))")
    }
    if let fix = diagnostic.fix {
      console.line("  = fix: \(fix.title)")
      if let record = fix.record, record.joined.count <= TextReporter.longestRecordShown {
        console.line("    \(record.presentation)")
      }
    }
    for note in diagnostic.notes { console.line("  = note: \(note)") }
  }

  /// Replacement records longer than this are left to the JSON output.
  static let longestRecordShown = 2048

  func finish(_ summary: LintSummary) {
    var parts: [String] = []
    func count(_ n: Int, _ noun: String) { if n > 0 { parts.append("\(n) \(noun)\(n == 1 ? "" : "s")") } }
    count(summary.errors, "error")
    count(summary.warnings, "warning")
    count(summary.infos, "info")
    let records = "\(summary.records) record\(summary.records == 1 ? "" : "s") checked"
    console.line(parts.isEmpty ? "\(records): no problems" : "\(records): \(parts.joined(separator: ", "))")
  }
}

/// A one-line window of a record with a marker under a span; control and invalid bytes are shown as
/// one visible character each so the marker stays aligned.
struct Snippet {
  /// The shown text.
  let text: String
  /// Spaces up to the marker.
  let padding: String
  /// `^` then `~` for the rest of the span.
  let marker: String

  /// The most bytes shown on either side of the span.
  static let context = 60

  init(_ bytes: [UInt8], span: SourceSpan) {
    let start = min(max(span.start, 0), bytes.count)
    let end = min(max(span.end, start), bytes.count)
    let low = max(0, start - Snippet.context)
    let high = min(bytes.count, max(min(end, start + 2 * Snippet.context), start + 1) + Snippet.context)
    // Built as UTF-8 bytes, one visible character per step: this runs once per finding.
    var text: [UInt8] = []
    text.reserveCapacity(high - low + 8)
    if low > 0 { text += Snippet.ellipsis }
    var column = low > 0 ? 1 : 0
    var markerStart = column
    var markerEnd = column
    var index = low
    while index < high {
      if index == start { markerStart = column }
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
      if index <= end { markerEnd = column }
    }
    if start >= high { markerStart = column }
    if high < bytes.count { text += Snippet.ellipsis }
    self.text = String(decoding: text, as: UTF8.self)
    padding = String(repeating: " ", count: markerStart)
    marker = "^" + String(repeating: "~", count: max(0, markerEnd - markerStart - 1))
  }

  private static let ellipsis = Array("…".utf8)

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
