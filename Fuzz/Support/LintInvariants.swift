/// Invariants of a lint run over one name's TXT records, shared by the record and zone targets.
enum LintInvariants {
  /// Lints `records` and checks the findings: each names a record of the input and a span inside
  /// its text, a fix's edits lie inside the text without overlapping, and applying a fix gives text
  /// that re-parses (with no syntax issue if the record had none) and re-lints with the finding gone.
  static func check(_ context: LintContext, linter: Linter) {
    let records = context.records.map(\.txt)
    let diagnostics = linter.lint(context)
    // One fix per rule is re-linted: every fix re-lints the whole name, and a record of 200 stray
    // bytes holds 200 fixes of one kind.
    var fixedCodes: Set<String> = []
    for diagnostic in diagnostics {
      guard let index = diagnostic.record else {
        FuzzCheck.require(diagnostic.span == nil && diagnostic.fix == nil, "\(diagnostic.code): span without record")
        continue
      }
      FuzzCheck.require(records.indices.contains(index), "\(diagnostic.code) names record \(index) of \(records.count)")
      let text = records[index].joined
      if let span = diagnostic.span {
        FuzzCheck.require(
          FuzzCheck.isInside(span, count: text.count), "\(diagnostic.code) span \(span) of \(text.count)")
      }
      if let fix = diagnostic.fix, fixedCodes.insert(diagnostic.code).inserted {
        checkFix(fix, of: diagnostic, among: diagnostics, in: context, linter: linter)
      }
    }
  }

  private static func checkFix(
    _ fix: Fix, of diagnostic: Diagnostic, among diagnostics: [Diagnostic], in context: LintContext, linter: Linter
  ) {
    let index = diagnostic.record!
    var records = context.records.map(\.txt)
    let original = records[index]
    let edits = fix.edits.sorted { $0.span.start < $1.span.start }
    for edit in edits {
      FuzzCheck.require(
        FuzzCheck.isInside(edit.span, count: original.joined.count), "\(diagnostic.code) edit \(edit.span)")
    }
    for (earlier, later) in zip(edits, edits.dropFirst()) {
      FuzzCheck.require(earlier.span.end <= later.span.start, "\(diagnostic.code) edits overlap")
    }
    for string in fix.record?.strings ?? [] {
      FuzzCheck.require(string.bytes.count <= CharacterString.maximumLength, "\(diagnostic.code) fix string too long")
    }
    let fixed = fix.applied(to: original.joined)
    let reparsed = SPFParser.parse(fixed)
    RecordInvariants.checkSpans(reparsed, count: fixed.count)
    if SPFParser.parse(original.joined).isValid {
      FuzzCheck.require(reparsed.isValid, "\(diagnostic.code) fix '\(fix.title)' broke the syntax: \(reparsed.issues)")
    }
    // Edits of a record of several strings would need to be cut back into strings: re-lint only
    // whole new records and records of one string.
    guard fix.record != nil || original.strings.count == 1 else { return }
    records[index] = fix.record ?? TXTRecord(strings: [CharacterString(bytes: fixed)])
    let relinted = linter.lint(LintContext(records: records, name: context.name))
    let same = { (found: [Diagnostic]) in
      found.filter { $0.code == diagnostic.code && $0.record == index && $0.message == diagnostic.message }.count
    }
    FuzzCheck.require(same(relinted) < same(diagnostics), "\(diagnostic.code) still reported after '\(fix.title)'")
  }
}
