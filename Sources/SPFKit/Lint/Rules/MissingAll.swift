/// SPF105: neither `all` nor `redirect` (RFC 7208 §4.7).
struct MissingAll: Rule {
  static let metadata = RuleMetadata(
    code: "SPF105", slug: "missing-all", severity: .warning,
    summary: "no all and no redirect",
    rationale: "When no mechanism matches and there is no redirect, the result is neutral (RFC 7208 §4.7): mail "
      + "from anywhere is neither passed nor failed. End the record with '-all' or '~all', or hand the decision to another "
      + "record with 'redirect=_spf.example.com'.",
    reference: "RFC 7208 §4.7",
    triggering: ["v=spf1 ip4:1.2.3.1"],
    nonTriggering: ["v=spf1 ip4:1.2.3.1 -all"])

  func check(_ context: LintContext, into diagnostics: inout [Diagnostic]) {
    context.forEachSelectedRecord(where: Self.lacksAll) { record in
      var end = record.txt.joined.count
      while end > 0, record.txt.joined[end - 1] == 0x20 { end -= 1 }
      diagnostics.append(
        Diagnostic(
          Self.metadata, "the record has no 'all' and no 'redirect': unlisted hosts get neutral",
          record: record.index, span: SourceSpan(start: end, end: end),
          fix: Fix(
            title: "add '~all' at the end",
            edits: [TextEdit(span: SourceSpan(start: end, end: end), replacement: " ~all")])))
    }
  }

  /// A parsed record without syntax issues, with neither 'all' nor 'redirect'.
  private static func lacksAll(_ facts: RecordFacts) -> Bool {
    facts.kinds.isDisjoint(with: [.all, .redirect]) && facts.isParsed && !facts.hasIssues
  }
}
