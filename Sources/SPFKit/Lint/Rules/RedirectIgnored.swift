/// SPF106: `redirect` with `all`: the redirect is never used (RFC 7208 §6.1).
struct RedirectIgnored: Rule {
  static let metadata = RuleMetadata(
    code: "SPF106", slug: "redirect-ignored", severity: .warning,
    summary: "redirect in a record that has all",
    rationale: "A redirect is followed only when no mechanism matched; 'all' always matches, so the redirect is "
      + "dead. Remove one of them.",
    reference: "RFC 7208 §6.1",
    triggering: ["v=spf1 -all redirect=_spf.example.com"],
    nonTriggering: ["v=spf1 redirect=_spf.example.com"])

  func check(_ context: LintContext, into diagnostics: inout [Diagnostic]) {
    context.forEachSPFRecord(where: { $0.kinds.isSuperset(of: [.redirect, .all]) }) { record in
      guard let spf = record.record else { return }
      for (index, tag) in record.tags.enumerated() where tag == .redirect {
        let term = spf.terms[index]
        diagnostics.append(
          Diagnostic(
            Self.metadata, "'\(record.text(term.span))' is never followed: the record has 'all', which always matches",
            record: record.index, span: term.span, fix: .removing(term, in: record)))
      }
    }
  }
}
