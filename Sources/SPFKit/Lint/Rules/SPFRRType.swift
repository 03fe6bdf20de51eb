/// SPF113: an SPF (type 99) resource record in a zone file (RFC 7208 §3.1, §14.1).
///
/// The record's text is linted like any other; only SPF001 and SPF101 leave it out, since they are
/// about the TXT answer receivers get.
struct SPFRRType: Rule {
  static let metadata = RuleMetadata(
    code: "SPF113", slug: "spf-rr-type", severity: .warning,
    summary: "an SPF (type 99) resource record",
    rationale: "RFC 7208 retired the SPF record type (§3.1, §14.1): receivers query TXT records only, so an SPF-type "
      + "record is never read. It is dead data that drifts away from the TXT record, and where it is the only copy "
      + "of the policy the domain has no SPF policy at all. Publish the policy as TXT and delete the SPF record.",
    reference: "RFC 7208 §3.1, §14.1",
    triggering: ["example.com. 3600 IN SPF \"v=spf1 mx -all\""],
    nonTriggering: ["example.com. 3600 IN TXT \"v=spf1 mx -all\""],
    requirement: .zone)

  func check(_ context: LintContext, into diagnostics: inout [Diagnostic]) {
    // Almost every name has no SPF-type record: nothing is built for it.
    guard let zone = context.zone, context.records.contains(where: { !zone.isTXT($0.index) }) else { return }
    let owner = context.name.map { "'\($0)'" } ?? "the name"
    let hasTXTPolicy = context.selectedRecords.contains { zone.isTXT($0.index) }
    for record in context.records where !zone.isTXT(record.index) {
      let message: String
      let note: String
      if hasTXTPolicy {
        message = "record type 'SPF' (99) is never queried: receivers read only the TXT record at \(owner)"
        note = "delete the SPF record"
      } else {
        message = "record type 'SPF' (99) is never queried, and \(owner) has no TXT SPF record: it has no policy"
        note = "publish the text as a TXT record, then delete the SPF record"
      }
      diagnostics.append(
        Diagnostic(
          Self.metadata, message, record: record.index, notes: [note], location: zone.records[record.index].typeRange))
    }
  }
}
