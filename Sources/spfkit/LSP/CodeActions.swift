import SPFKit

/// The quick fixes of findings in a range (LSP 3.17 `textDocument/codeAction`): each finding's fix
/// as a workspace edit, and in a zone file "disable SPFxxx for this record", which adds the code
/// to a `; spfkit-disable` comment on the line above the record (the zone reader's suppression).
enum CodeActions {
  static func actions(
    in range: LSPRange, lint: DocumentLint, findings: [PublishedFinding], document: TextDocument
  ) -> [JSONValue] {
    var actions: [JSONValue] = []
    for finding in findings where overlaps(finding.range, range) {
      let diagnostic = finding.diagnostic
      let name = lint.names[finding.nameIndex]
      if let fix = diagnostic.fix, let record = name.result.record(of: diagnostic),
        let edits = fixEdits(fix, record: record, kind: lint.kind, document: document)
      {
        actions.append(action("\(fix.title) (\(diagnostic.code))", edits, document: document, preferred: true))
      }
      if lint.kind == .zone {
        let line = name.recordLines[min(diagnostic.record ?? 0, name.recordLines.count - 1)]
        let edit = disableEdit(diagnostic.code, recordLine: line, document: document)
        actions.append(
          action("disable \(diagnostic.code) for this record", [edit], document: document, preferred: false))
      }
    }
    return actions
  }

  /// Whether the finding is on a line of the requested range: an editor asks with the cursor's
  /// position, which need not be inside the finding's span.
  private static func overlaps(_ finding: LSPRange, _ request: LSPRange) -> Bool {
    finding.start.line <= request.end.line && request.start.line <= finding.end.line
  }

  private static func action(_ title: String, _ edits: [JSONValue], document: TextDocument, preferred: Bool)
    -> JSONValue
  {
    [
      "title": .string(title), "kind": "quickfix", "isPreferred": .bool(preferred),
      "edit": ["changes": .object([document.uri: .array(edits)])],
    ]
  }

  /// A fix's edits in the document: in a zone file or a presentation-format line, inside the
  /// quoted strings with zone escapes (as SARIF places them); in a raw record line, as written.
  /// Nil when no exact placement exists (a whole new record in a zone file, an edit across strings).
  static func fixEdits(_ fix: Fix, record: TXTRecord, kind: DocumentKind, document: TextDocument) -> [JSONValue]? {
    let origin = record.strings.first?.origin
    if kind == .records, record.strings.count == 1, let origin, origin.column == 1, origin.escapes.isEmpty {
      let line = origin.line
      let edits = fix.record.map {
        [TextEdit(span: SourceSpan(start: 0, end: record.joined.count), replacement: $0.text)]
      }
      return (edits ?? fix.edits).map { edit in
        textEdit(
          LSPRange(
            start: document.position(line: line, column: edit.span.start + 1),
            end: document.position(line: line, column: edit.span.end + 1)), edit.replacement)
      }
    }
    guard let placed = SARIFReporter.fix(fix, in: record, uri: document.uri) else { return nil }
    return placed.artifactChanges.flatMap(\.replacements).map { replacement in
      let region = replacement.deletedRegion
      return textEdit(
        LSPRange(
          start: document.position(line: region.startLine, column: region.startColumn),
          end: document.position(line: region.endLine ?? region.startLine, column: region.endColumn)),
        replacement.insertedContent.text)
    }
  }

  /// Adds `code` right after the keyword of a `; spfkit-disable` comment on the line above the
  /// record (codes before any reason), or writes that comment on a new line above it.
  static func disableEdit(_ code: String, recordLine: Int, document: TextDocument) -> JSONValue {
    let above = Array(document.lineBytes(recordLine - 2))
    let keyword = Array("; spfkit-disable".utf8)
    if recordLine >= 2, let start = above.firstRange(of: keyword)?.lowerBound,
      above[..<start].allSatisfy({ $0 == 0x20 || $0 == 0x09 })
    {
      let position = document.position(line: recordLine - 1, column: start + keyword.count + 1)
      return textEdit(LSPRange(start: position, end: position), " \(code)")
    }
    let position = LSPPosition(line: recordLine - 1, character: 0)
    return textEdit(LSPRange(start: position, end: position), "; spfkit-disable \(code)\n")
  }

  private static func textEdit(_ range: LSPRange, _ text: String) -> JSONValue {
    ["range": range.json, "newText": .string(text)]
  }
}
