/// SPF201: how many DNS lookups the policy uses, and where (RFC 7208 §4.6.4).
struct LookupCount: Rule {
  static let metadata = RuleMetadata(
    code: "SPF201", slug: "lookup-count", severity: .info,
    summary: "how many DNS lookups the policy uses",
    rationale: "Counts the terms that query DNS (include, a, mx, ptr, exists, and redirect when there is no all) "
      + "against the limit of 10. Without DNS the count covers the record's own terms; with --resolve or --domain "
      + "it covers the whole include tree.",
    reference: "RFC 7208 §4.6.4",
    triggering: ["v=spf1 mx include:_spf.example.com -all"],
    nonTriggering: ["v=spf1 ip4:192.0.2.1 -all"])

  func check(_ context: LintContext, into diagnostics: inout [Diagnostic]) {
    guard context.resolution == nil else { return }
    for record in context.selectedRecords {
      guard let spf = record.record, let lookups = record.lookups else { continue }
      guard lookups.count > 0 else { continue }
      let followsOthers = record.tags.contains { $0.mechanismKind == .include || $0 == .redirect }
      let scope = followsOthers ? " in this record, plus what its includes use" : ""
      diagnostics.append(Diagnostic(
        Self.metadata, "the record uses \(lookups.count) of 10 DNS lookups\(scope): \(lookups.summary(of: record.txt.joined))",
        record: record.index, span: spf.versionSpan))
    }
  }
}
