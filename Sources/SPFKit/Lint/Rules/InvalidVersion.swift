/// SPF012: text that looks like SPF but is not selected as SPF (RFC 7208 §4.5).
struct InvalidVersion: SyntaxIssueRule {
  static let issueKind = SyntaxIssue.Kind.invalidVersion
  static let metadata = RuleMetadata(
    code: "SPF012", slug: "invalid-version", severity: .error,
    summary: "text that looks like SPF but is not selected as SPF",
    rationale:
      "Receivers select only TXT records that start with exactly 'v=spf1' followed by a space or the end. 'v=spf2', 'v=spf1.0', a leading space or quotes inside the data make the record invisible: the domain has no policy.",
    reference: "RFC 7208 §4.5",
    triggering: ["v=spf1.0 ip4:1.2.3.1 -all"],
    nonTriggering: ["v=spf1 ip4:1.2.3.1 -all"])

  /// The parser's issues, with the opening and closing quote of quoted record data as one finding:
  /// one mistake, one fix that removes both.
  func check(_ context: LintContext, into diagnostics: inout [Diagnostic]) {
    context.forEachSPFRecord(where: \.hasIssues) { record in
      guard let parsed = record.parsed else { return }
      let issues = parsed.issues.filter { $0.kind == Self.issueKind }
      let quotes = issues.filter { $0.message == SPFParser.quoteMessage }
      for issue in issues where quotes.count != 2 || issue != quotes[1] {
        var diagnostic = Self.diagnostic(for: issue, in: record)
        if quotes.count == 2, issue == quotes[0] {
          let edits = quotes.map { TextEdit(span: $0.span, replacement: "") }
          diagnostic.message = "the record data is wrapped in quotes: receivers ignore it"
          diagnostic.fix = Fix(title: "remove the quotes around the record", edits: edits)
          diagnostic.relatedSpans = [quotes[1].span]
        }
        diagnostics.append(diagnostic)
      }
    }
  }
}
