import Foundation
import SPFKit

/// One JSON document for the whole run; the schema is in the README ("JSON output").
final class JSONReporter: LintReporter {
  private let console: Console
  private var results: [JSONReport.Input] = []

  init(console: Console) { self.console = console }

  func report(_ result: LintResult) {
    let records = zip(result.input.records, result.input.sources).map { record, source in
      JSONReport.Record(
        source: source, line: record.strings.first?.origin?.line ?? 1, text: record.text,
        strings: record.strings.map { String(decoding: $0.bytes, as: UTF8.self) })
    }
    let diagnostics = result.diagnostics.map { diagnostic in
      let (source, line, column) = result.location(of: diagnostic)
      return JSONReport.Finding(
        code: diagnostic.code, slug: diagnostic.slug, severity: diagnostic.severity.rawValue,
        message: diagnostic.message, source: source, line: line, column: column, record: diagnostic.record,
        start: diagnostic.span?.start, end: diagnostic.span?.end, notes: diagnostic.notes,
        fix: diagnostic.fix.map { fix in
          JSONReport.FixValue(
            title: fix.title,
            edits: fix.edits.map {
              JSONReport.Edit(start: $0.span.start, end: $0.span.end, replacement: $0.replacement)
            },
            strings: fix.record.map { $0.strings.map { String(decoding: $0.bytes, as: UTF8.self) } })
        })
    }
    results.append(JSONReport.Input(name: result.input.name, records: records, diagnostics: diagnostics))
  }

  func finish(_ summary: LintSummary) {
    let report = JSONReport(
      version: 1, tool: .init(name: "spfkit", version: SPFKitCommand.version), inputs: results,
      summary: .init(
        records: summary.records, errors: summary.errors, warnings: summary.warnings,
        infos: summary.infos, inputErrors: summary.inputErrors))
    console.line(JSONOutput.string(report))
  }
}

/// The JSON document of `spfkit lint --format json` (schema version 1).
struct JSONReport: Encodable {
  let version: Int
  let tool: Tool
  let inputs: [Input]
  let summary: Summary

  struct Tool: Encodable {
    let name: String
    let version: String
  }

  struct Input: Encodable {
    let name: String?
    let records: [Record]
    let diagnostics: [Finding]
  }

  struct Record: Encodable {
    let source: String
    let line: Int
    let text: String
    let strings: [String]
  }

  struct Finding: Encodable {
    let code: String
    let slug: String
    let severity: String
    let message: String
    let source: String
    let line: Int
    let column: Int
    let record: Int?
    let start: Int?
    let end: Int?
    let notes: [String]
    let fix: FixValue?
  }

  struct FixValue: Encodable {
    let title: String
    let edits: [Edit]
    let strings: [String]?
  }

  struct Edit: Encodable {
    let start: Int
    let end: Int
    let replacement: String
  }

  struct Summary: Encodable {
    let records: Int
    let errors: Int
    let warnings: Int
    let infos: Int
    let inputErrors: Int
  }
}
