import SPFKit

/// How a document is read: a BIND zone file (as `lint --zone`) or one record per line (as `lint -`).
enum DocumentKind: String, Sendable {
  case zone
  case records

  /// The kind chosen by file name as the pre-commit hook's `files` pattern does (`db.NAME`,
  /// `NAME.zone`, `NAME.db`), or by an editor language meaning a zone file; records otherwise.
  static func detect(path: String?, languageID: String) -> DocumentKind {
    if ["bindzone", "zone", "dns", "bind"].contains(languageID) { return .zone }
    let name = (path ?? "").split(separator: "/").last.map(String.init) ?? ""
    let zoneName = (name.hasPrefix("db.") && name.count > 3) || name.hasSuffix(".zone") || name.hasSuffix(".db")
    return zoneName && name != ".zone" && name != ".db" ? .zone : .records
  }
}

/// One name's records of a document and their findings, with each record's first line.
struct LintedName: Sendable {
  let result: LintResult
  /// The 1-based line where each record starts (its owner's line in a zone file).
  let recordLines: [Int]
}

/// The findings of one document version: every name's lint result, and the problem that stopped
/// reading, if any (a zone syntax error, a bad line of a record file).
struct DocumentLint: Sendable {
  /// How the document was read.
  let kind: DocumentKind
  /// The source name findings in the document carry (its path, or its URI).
  let source: String
  var names: [LintedName] = []
  var inputErrors: [LintInputError] = []

  /// Lints a document as `kind`; `$INCLUDE` paths are taken relative to the document's file.
  init(_ document: TextDocument, kind: DocumentKind, linter: Linter) {
    self.kind = kind
    source = document.path ?? document.uri
    switch kind {
    case .zone: lintZone(document, linter: linter)
    case .records: lintLines(document, linter: linter)
    }
  }

  private mutating func lintZone(_ document: TextDocument, linter: Linter) {
    let origin = ZoneLintInputs.origin(forFile: document.path ?? "")
    // Without a file there is no directory for `$INCLUDE` paths: then `$INCLUDE` is an error.
    var opener: ZoneIncludeOpener?
    if document.path != nil {
      opener = { path, includingFile in try ZoneFileInput.openInclude(path, from: includingFile) }
    }
    var reader = ZoneReader(
      source: ZoneSource(name: source, input: ZoneBytesInput(document.bytes)), origin: origin, opener: opener)
    reader.requiresUTF8Names = true
    var owners: [ZoneName: Int] = [:]
    var groups: [[ZoneRecord]] = []
    do throws(ZoneReadError) {
      while let record = try reader.next() {
        if let index = owners[record.owner] {
          groups[index].append(record)
        } else {
          owners[record.owner] = groups.count
          groups.append([record])
        }
      }
    } catch {
      inputErrors.append(LintInputError(error))
    }
    for records in groups {
      let input = ZoneLintInputs.input(records)
      let diagnostics = linter.lint(LintContext(records: input.records, name: input.name, zone: input.zone))
      names.append(
        LintedName(result: LintResult(input: input, diagnostics: diagnostics), recordLines: records.map(\.line)))
    }
  }

  private mutating func lintLines(_ document: TextDocument, linter: Linter) {
    for line in 0..<document.lineCount {
      let bytes = Array(document.lineBytes(line))
      guard let first = bytes.first(where: { $0 != 0x20 && $0 != 0x09 }), first != 0x23 else { continue }
      do {
        let record = try RecordArgument.parse(bytes, line: line + 1)
        let input = LintInput(records: [record], sources: [source])
        let result = LintResult(input: input, diagnostics: linter.lint([record]))
        names.append(LintedName(result: result, recordLines: [line + 1]))
      } catch {
        inputErrors.append(LintInputError(source: source, line: line + 1, column: error.column, message: error.message))
      }
    }
  }
}
