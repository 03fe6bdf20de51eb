/// A rule that reports the parser's syntax issues of one kind, with the parser's suggestion as fix.
protocol SyntaxIssueRule: Rule {
  /// The kind of issue the rule reports.
  static var issueKind: SyntaxIssue.Kind { get }
}

extension SyntaxIssueRule {
  func check(_ context: LintContext, into diagnostics: inout [Diagnostic]) {
    context.forEachSPFRecord(where: \.hasIssues) { record in
      guard let parsed = record.parsed else { return }
      for issue in parsed.issues where issue.kind == Self.issueKind {
        diagnostics.append(Self.diagnostic(for: issue, in: record))
      }
    }
  }

  /// The diagnostic for one issue: the parser's message, its suggestion as a replacement.
  static func diagnostic(for issue: SyntaxIssue, in record: LintedRecord) -> Diagnostic {
    let fix = issue.suggestion.map { suggestion in
      let original = record.text(issue.span)
      let title = suggestion.isEmpty ? "remove '\(original)'" : "replace '\(original)' with '\(suggestion)'"
      return Fix(title: title, edits: [TextEdit(span: issue.span, replacement: suggestion)])
    }
    return Diagnostic(metadata, issue.message, record: record.index, span: issue.span, fix: fix)
  }
}

extension Array where Element == UInt8 {
  /// The bytes of a span, clamped to the array.
  subscript(clamped span: SourceSpan) -> ArraySlice<UInt8> { self[span.clamped(toCount: count)] }
}

extension UnsafeBufferPointer where Element == UInt8 {
  /// The bytes of a span, clamped to the buffer, indexed from zero.
  subscript(clamped span: SourceSpan) -> UnsafeBufferPointer<UInt8> {
    UnsafeBufferPointer(rebasing: self[span.clamped(toCount: count)])
  }
}
