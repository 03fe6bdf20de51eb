import SPFKit

/// `--format json` and `--format jsonl`; the schema is in the README ("JSON output") and in
/// `docs/lint-output.schema.json`.
///
/// `json` is one document whose `inputs` array is written element by element as each name is
/// linted, so memory stays bounded however many names a zone or a bulk file has: the header comes
/// first, one input object per line, then `inputErrors` and `summary` at the end. `jsonl` writes the
/// same input objects, one per line, and nothing else.
final class JSONReporter: LintReporter {
  /// How the input objects are framed.
  enum Framing {
    /// One JSON document (`--format json`).
    case document
    /// One object per line (`--format jsonl`, JSON Lines).
    case lines
  }

  private let out: OutputBuffer
  /// Writes the header and the end, so it knows the document's nesting between them.
  private var writer = JSONWriter()
  private let framing: Framing
  private var inputErrors: [LintInputError] = []
  private var wroteInput = false

  init(out: OutputBuffer, framing: Framing) {
    self.out = out
    self.framing = framing
    guard framing == .document else { return }
    write { writer in Self.writeHeader(to: &writer) }
  }

  /// Runs `body` on the writer, then hands its bytes to the output (for the header and the end).
  private func write(_ body: (inout JSONWriter) -> Void) {
    body(&writer)
    writer.flush(to: out)
  }

  private static func writeHeader(to writer: inout JSONWriter) {
    writer.beginObject()
    writer.field("version", 1)
    writer.key("tool")
    writer.beginObject()
    writer.field("name", "spfkit")
    writer.field("version", SPFKitCommand.version)
    writer.endObject()
    writer.key("inputs")
    writer.beginArray()
  }

  var renderer: (any LintRenderer)? { JSONRenderer(framing: framing) }

  func report(_ result: LintResult) {
    var bytes = OutputBytes()
    renderer?.render(result, into: &bytes)
    write(rendered: bytes.takeRendered())
  }

  /// Input objects from `JSONRenderer`. In a document each starts with the comma that separates it
  /// from the one before: the first object written drops its comma.
  func write(rendered bytes: RenderedBytes) {
    guard !bytes.isEmpty else { return }
    bytes.withBytes { bytes in
      out.append(framing == .document && !wroteInput ? UnsafeBufferPointer(rebasing: bytes.dropFirst()) : bytes)
    }
    wroteInput = true
  }

  func reportInputError(_ error: LintInputError) { inputErrors.append(error) }

  func finish(_ summary: LintSummary) {
    guard framing == .document else { return }
    let (wroteInput, inputErrors) = (wroteInput, inputErrors)
    write { writer in Self.writeEnd(summary, inputErrors: inputErrors, afterInputs: wroteInput, to: &writer) }
  }

  /// `]`, the input errors, the summary and `}`.
  private static func writeEnd(
    _ summary: LintSummary, inputErrors: [LintInputError], afterInputs: Bool, to writer: inout JSONWriter
  ) {
    if afterInputs { writer.bytes.append(0x0A) }
    writer.endArray()
    writer.key("inputErrors")
    writer.beginArray()
    for error in inputErrors {
      writer.element()
      writer.beginObject()
      writer.field("source", error.source)
      writer.field("line", error.line)
      writer.field("column", error.column)
      writer.field("message", error.message)
      writer.endObject()
    }
    writer.endArray()
    writer.key("summary")
    writeSummary(summary, to: &writer)
    writer.endObject()
    writer.bytes.append(0x0A)
  }

  /// One name: its records, the findings shown, and the counts the cap left out.
  static func writeInput(_ result: LintResult, to writer: inout JSONWriter) {
    writer.beginObject()
    if let name = result.input.name { writer.field("name", name) }
    writer.key("records")
    writer.beginArray()
    for index in result.input.records.indices { writeRecord(index, of: result, to: &writer) }
    writer.endArray()
    writer.key("diagnostics")
    writer.beginArray()
    result.shown.forEach { writeFinding($0, in: result, to: &writer) }
    writer.endArray()
    if !result.omitted.isEmpty {
      writer.key("omitted")
      writer.beginArray()
      for omission in result.omitted {
        writer.element()
        writer.beginObject()
        writer.field("record", ifPresent: omission.record)
        writer.field("code", omission.code)
        writer.field("count", omission.count)
        writer.field("message", omission.message)
        writer.endObject()
      }
      writer.endArray()
    }
    writer.endObject()
  }

  /// A record as published: its text, its strings, and `invalidUTF8` when bytes were replaced.
  private static func writeRecord(_ index: Int, of result: LintResult, to writer: inout JSONWriter) {
    let record = result.input.records[index]
    writer.element()
    writer.beginObject()
    writer.field("source", result.source(ofRecord: index))
    writer.field("line", result.start(ofRecord: index).line)
    writer.key("text")
    let textStart = writer.bytes.count
    var replaced = JSONWriter.string(bytes: record.joined, to: &writer.bytes)
    let textEnd = writer.bytes.count
    writer.key("strings")
    writer.beginArray()
    if record.strings.count == 1 {
      // One string is the text: its JSON is the text's, copied rather than escaped again.
      writer.element()
      writer.bytes.append(copyOf: textStart..<textEnd)
    } else {
      for string in record.strings {
        if writer.element(bytes: string.bytes) { replaced = true }
      }
    }
    writer.endArray()
    if replaced { writer.field("invalidUTF8", true) }
    writer.endObject()
  }

  private static func writeFinding(_ diagnostic: Diagnostic, in result: LintResult, to writer: inout JSONWriter) {
    let region = result.region(of: diagnostic)
    writer.element()
    writer.beginObject()
    JSONFindingHeads.catalog.write(diagnostic, to: &writer)
    writer.field("message", diagnostic.message)
    writer.field("source", region.source)
    writer.field("line", region.start.line)
    writer.field("column", region.start.column)
    writer.field("endLine", region.end.line)
    writer.field("endColumn", region.end.column)
    writer.field("record", ifPresent: diagnostic.record)
    writer.field("start", ifPresent: diagnostic.span?.start)
    writer.field("end", ifPresent: diagnostic.span?.end)
    writer.key("notes")
    writer.beginArray()
    for note in diagnostic.notes { writer.element(note) }
    writer.endArray()
    if let fix = diagnostic.fix { writeFix(fix, to: &writer) }
    writer.endObject()
  }

  private static func writeFix(_ fix: Fix, to writer: inout JSONWriter) {
    writer.key("fix")
    writer.beginObject()
    writer.field("title", fix.title)
    writer.key("edits")
    writer.beginArray()
    for edit in fix.edits {
      writer.element()
      writer.beginObject()
      writer.field("start", edit.span.start)
      writer.field("end", edit.span.end)
      writer.field("replacement", edit.replacement)
      writer.endObject()
    }
    writer.endArray()
    if let record = fix.record {
      writer.key("strings")
      writer.beginArray()
      for string in record.strings { writer.element(bytes: string.bytes) }
      writer.endArray()
    }
    writer.endObject()
  }

  private static func writeSummary(_ summary: LintSummary, to writer: inout JSONWriter) {
    writer.beginObject()
    writer.field("records", summary.records)
    writer.field("errors", summary.errors)
    writer.field("warnings", summary.warnings)
    writer.field("infos", summary.infos)
    writer.field("inputErrors", summary.inputErrors)
    writer.field("severity", summary.threshold.rawValue)
    writer.field("hidden", summary.hidden)
    writer.field("omitted", summary.omitted)
    writer.key("codes")
    writer.beginObject()
    for (code, count) in summary.codes.sorted(by: { $0.key < $1.key }) {
      writer.key(text: code)
      writer.bytes.append(decimal: count)
    }
    writer.endObject()
    writer.endObject()
  }
}

/// One name's JSON object, on any of the pipeline's threads: `,\n{…}` in a document (the reporter
/// drops the first comma), `{…}\n` in JSON Lines; nothing for a name with nothing to show.
struct JSONRenderer: LintRenderer {
  let framing: JSONReporter.Framing

  func render(_ result: LintResult, into bytes: inout OutputBytes) {
    guard result.isShown else { return }
    if framing == .document { bytes.append(StaticString(",\n")) }
    var writer = JSONWriter(bytes: bytes)
    JSONReporter.writeInput(result, to: &writer)
    bytes = writer.finish()
    if framing == .lines { bytes.append(0x0A) }
  }
}
