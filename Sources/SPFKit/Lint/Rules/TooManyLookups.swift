/// SPF003: more than 10 DNS-querying terms (RFC 7208 §4.6.4).
///
/// Without DNS this counts the record's own terms; when resolving, the resolver counts through
/// includes and redirects and reports instead (`ResolutionFacts`).
struct TooManyLookups: Rule {
  static let metadata = RuleMetadata(
    code: "SPF003", slug: "too-many-lookups", severity: .error,
    summary: "more than 10 DNS lookups",
    rationale: "RFC 7208 §4.6.4 allows at most 10 terms that query DNS: include, a, mx, ptr, exists and redirect "
      + "(redirect only when there is no 'all'). Past the 10th, receivers return permerror. Lookups made by the "
      + "included records count too; the address lookups behind one mx or ptr (at most 10) do not, nor does exp. "
      + "Lint reports the worst case: every term evaluated, through the whole include tree.",
    reference: "RFC 7208 §4.6.4",
    triggering: ["v=spf1 " + (1...11).map { "include:s\($0).example.com" }.joined(separator: " ") + " -all"],
    nonTriggering: ["v=spf1 " + (1...10).map { "include:s\($0).example.com" }.joined(separator: " ") + " -all"])

  func check(_ context: LintContext, into diagnostics: inout [Diagnostic]) {
    guard context.resolution == nil else { return }
    for record in context.spfRecords {
      guard let spf = record.record, let lookups = record.lookups else { continue }
      guard lookups.count > RecordLookups.limit else { continue }
      let crossing = lookups.terms[RecordLookups.limit]
      diagnostics.append(Diagnostic(
        Self.metadata,
        "the record needs \(lookups.count) DNS lookups: '\(crossing)' is lookup 11, past the limit of 10, "
          + "so receivers return permerror",
        record: record.index, span: crossing.span,
        notes: ["lookups in order: \(lookups.summary(of: record.txt.joined))"]))
    }
  }
}
