/// SPF114: 9 or 10 DNS lookups: one more include breaks the policy (RFC 7208 §4.6.4).
///
/// Counts the record's own terms without DNS, and through the include tree with DNS (see SPF003).
struct LookupLimitNear: Rule {
  static let metadata = RuleMetadata(
    code: "SPF114", slug: "lookup-limit-near", severity: .warning,
    summary: "9 or 10 DNS lookups",
    rationale: "At 9 or 10 of the 10 allowed lookups, one more include (or a provider adding one to its own "
      + "record) pushes the policy into permerror. Flatten or drop unused includes while there is room. When "
      + "resolving, the count runs through the whole include tree.",
    reference: "RFC 7208 §4.6.4",
    triggering: ["v=spf1 " + (1...9).map { "include:s\($0).example.com" }.joined(separator: " ") + " -all"],
    nonTriggering: ["v=spf1 " + (1...8).map { "include:s\($0).example.com" }.joined(separator: " ") + " -all"])

  static let near = (RecordLookups.limit - 1)...RecordLookups.limit

  func check(_ context: LintContext, into diagnostics: inout [Diagnostic]) {
    let resolving = context.isResolving
    context.forEachSPFRecord(where: { resolving || Self.near.contains($0.lookupCount) }) { record in
      if let tree = context.resolution?.tree(of: record) {
        return check(tree, record: record, into: &diagnostics)
      }
      guard let lookups = record.lookups, Self.near.contains(lookups.count), let spf = record.record,
        let last = lookups.indices.last.map({ spf.terms[$0] })
      else {
        return
      }
      diagnostics.append(
        Diagnostic(
          Self.metadata,
          "the record uses \(lookups.count) of the 10 DNS lookups (not counting its includes): one more breaks it",
          record: record.index, span: last.span,
          notes: ["lookups in order: \(lookups.summary(of: record.txt.joined, in: spf))"])
      )
    }
  }

  /// The tree's count; the finding points at the record's term that leads to the last lookup.
  private func check(_ tree: PolicyTree, record: LintedRecord, into diagnostics: inout [Diagnostic]) {
    let steps = tree.steps
    guard Self.near.contains(steps.count), let last = steps.last else { return }
    let own = tree.root.lookups.count
    let share = steps.count > own ? " (\(own) in this record, \(steps.count - own) in the policies it includes)" : ""
    diagnostics.append(
      Diagnostic(
        Self.metadata, "the policy uses \(tree.countText) of the 10 DNS lookups\(share): one more breaks it",
        record: record.index, span: tree[last.entry].term.span,
        notes: ["lookups by branch: \(tree.branchLine(of: 0))"]))
  }
}
