/// SPF114: 9 or 10 DNS lookups: one more include breaks the policy (RFC 7208 §4.6.4).
struct LookupLimitNear: Rule {
  static let metadata = RuleMetadata(
    code: "SPF114", slug: "lookup-limit-near", severity: .warning,
    summary: "9 or 10 DNS lookups",
    rationale: "At 9 or 10 of the 10 allowed lookups, one more include (or a provider adding one to its own "
      + "record) pushes the policy into permerror. Flatten or drop unused includes while there is room.",
    reference: "RFC 7208 §4.6.4",
    triggering: ["v=spf1 " + (1...9).map { "include:s\($0).example.com" }.joined(separator: " ") + " -all"],
    nonTriggering: ["v=spf1 " + (1...8).map { "include:s\($0).example.com" }.joined(separator: " ") + " -all"])

  func check(_ context: LintContext, into diagnostics: inout [Diagnostic]) {
    guard context.resolution == nil else { return }
    for record in context.spfRecords {
      guard let spf = record.record, let lookups = record.lookups else { continue }
      guard lookups.count >= RecordLookups.limit - 1, lookups.count <= RecordLookups.limit,
        let last = lookups.terms.last
      else { continue }
      diagnostics.append(Diagnostic(
        Self.metadata,
        "the record uses \(lookups.count) of the 10 DNS lookups (not counting its includes): one more breaks it",
        record: record.index, span: last.span, notes: ["lookups in order: \(lookups.summary(of: record.txt.joined))"]))
    }
  }
}
