/// SPF001: more than one `v=spf1` record at one name (RFC 7208 §4.5).
struct MultipleRecords: Rule {
  static let metadata = RuleMetadata(
    code: "SPF001", slug: "multiple-records", severity: .error,
    summary: "more than one SPF record at one name",
    rationale: "A receiver that finds two records starting with 'v=spf1' at a name returns permerror and ignores "
      + "both: the domain has no working policy. Merge them into one record ('spfkit merge').",
    reference: "RFC 7208 §4.5",
    triggering: ["v=spf1 ip4:1.2.3.1 -all", "v=spf1 ip4:4.5.6.1 -all"],
    nonTriggering: ["v=spf1 ip4:1.2.3.1 ip4:4.5.6.1 -all", "google-site-verification=abc"],
    scope: .name)

  /// Counts TXT records only: in a zone file, SPF (type 99) records are SPF113's concern, since
  /// receivers read TXT alone (RFC 7208 §4.5).
  func check(_ context: LintContext, into diagnostics: inout [Diagnostic]) {
    guard context.selectedRecords.count > 1 else { return }
    let selected = context.selectedRecords.filter { context.zone?.isTXT($0.index) ?? true }
    guard selected.count > 1 else { return }
    let owner = context.name.map { "'\($0)' publishes" } ?? "the name publishes"
    var notes = ["merge them into one record: spfkit merge RECORD RECORD ..."]
    if context.name == nil, context.zone == nil {
      // Records without an owner are the RECORD arguments of one run: say why they count as one name.
      notes.append(
        "the RECORD arguments of one 'spfkit lint' are the TXT records of one name; to lint records on their "
          + "own, give one per run or one per line on standard input ('-')")
    }
    for record in selected.dropFirst() {
      diagnostics.append(
        Diagnostic(
          Self.metadata, "\(owner) \(selected.count) SPF records: receivers return permerror and ignore all of them",
          record: record.index, span: record.record?.versionSpan, notes: notes))
    }
  }
}
