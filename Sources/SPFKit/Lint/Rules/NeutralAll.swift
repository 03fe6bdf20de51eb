/// SPF104: `?all` (RFC 7208 §5.1, §8.2).
struct NeutralAll: Rule {
  static let metadata = RuleMetadata(
    code: "SPF104", slug: "neutral-all", severity: .warning,
    summary: "?all gives no protection",
    rationale: "'?all' makes every unlisted sender neutral, which receivers treat like no policy at all. Use "
      + "'~all' while testing and '-all' once the record lists every sender.",
    reference: "RFC 7208 §5.1, §8.2",
    triggering: ["v=spf1 ip4:1.2.3.1 ?all"],
    nonTriggering: ["v=spf1 ip4:1.2.3.1 ~all"])

  func check(_ context: LintContext, into diagnostics: inout [Diagnostic]) {
    // Only the first 'all' is ever evaluated; a later one is SPF107's concern.
    context.forEachSPFRecord(where: { $0.firstAll?.qualifier == .neutral }) { record in
      guard let index = record.facts.firstAll?.index, let term = record.record?.terms[index] else { return }
      diagnostics.append(
        Diagnostic(
          Self.metadata, record.message(quoting: term.span, " makes every unlisted host neutral: it protects nothing"),
          record: record.index, span: term.span, fix: .replacing(term, in: record, with: "~all")))
    }
  }
}
