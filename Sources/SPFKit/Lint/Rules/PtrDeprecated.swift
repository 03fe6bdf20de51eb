/// SPF102: `ptr` used (RFC 7208 §5.5).
struct PtrDeprecated: Rule {
  static let metadata = RuleMetadata(
    code: "SPF102", slug: "ptr-deprecated", severity: .warning,
    summary: "the ptr mechanism is used",
    rationale: "RFC 7208 §5.5 says ptr SHOULD NOT be published: it is slow, puts load on the reverse DNS of the "
      + "sender's network, and fails whenever reverse DNS is missing. Some receivers skip it. List the networks "
      + "with ip4/ip6, or use a.",
    reference: "RFC 7208 §5.5",
    triggering: ["v=spf1 ptr -all"],
    nonTriggering: ["v=spf1 a -all"])

  func check(_ context: LintContext, into diagnostics: inout [Diagnostic]) {
    context.forEachTerm(of: .ptr, where: { $0.mechanismKind == .ptr }) { record, term in
      diagnostics.append(
        Diagnostic(
          Self.metadata,
          record.message(
            quoting: term.span, " is deprecated: it is slow and unreliable, and receivers may skip it"),
          record: record.index, span: term.span))
    }
  }
}
