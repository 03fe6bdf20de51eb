/// SPF103: `+all` or a bare `all` (RFC 7208 §5.1).
struct PermissiveAll: Rule {
  static let metadata = RuleMetadata(
    code: "SPF103", slug: "permissive-all", severity: .warning,
    summary: "+all lets every host pass",
    rationale: "'+all' (or 'all' with no qualifier) makes every IP address on the internet an authorized sender: "
      + "the record protects nothing, and spammers use such domains. End the record with '-all' or '~all'.",
    reference: "RFC 7208 §5.1",
    triggering: ["v=spf1 ip4:1.2.3.1 +all"],
    nonTriggering: ["v=spf1 ip4:1.2.3.1 -all"])

  func check(_ context: LintContext, into diagnostics: inout [Diagnostic]) {
    // Only the first 'all' is ever evaluated; a later one is SPF107's concern.
    context.forEachSPFRecord(where: { $0.firstAll?.qualifier == .pass }) { record in
      guard let index = record.facts.firstAll?.index, let term = record.record?.terms[index] else { return }
      diagnostics.append(
        Diagnostic(
          Self.metadata, record.message(quoting: term.span, " lets every host on the internet pass"),
          record: record.index, span: term.span, fix: .replacing(term, in: record, with: "-all")))
    }
  }
}
