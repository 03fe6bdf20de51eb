/// SPF003: more than 10 DNS-querying terms (RFC 7208 §4.6.4).
///
/// Without DNS this counts the record's own terms. With DNS (`--resolve`, `--domain`) it counts
/// through the include tree (`ResolutionFacts`), the worst case over every client: every term before
/// `all` evaluated, every include and redirect followed. The finding points at the record's term that
/// leads to the 11th lookup and names the path to it. When DNS fails for an include target, the
/// count covers what could be read: a tree that stays within 10 then is not reported, and SPF201
/// names the failed question.
struct TooManyLookups: Rule {
  static let metadata = RuleMetadata(
    code: "SPF003", slug: "too-many-lookups", severity: .error,
    summary: "more than 10 DNS lookups",
    rationale: "RFC 7208 §4.6.4 allows at most 10 terms that query DNS: include, a, mx, ptr, exists and redirect "
      + "(redirect only when there is no 'all'). Past the 10th, receivers return permerror. Lookups made by the "
      + "included records count too; the address lookups behind one mx or ptr (at most 10) do not, nor does exp, "
      + "nor any term after 'all'. Lint reports the worst case: every term evaluated, through the whole "
      + "include tree when resolving (--resolve, --domain). When DNS fails for an include, the count covers what "
      + "could be read, and SPF201 names the failed question. At 9 or 10 lookups SPF114 warns that one more include breaks the "
      + "policy.",
    reference: "RFC 7208 §4.6.4",
    triggering: ["v=spf1 " + (1...11).map { "include:s\($0).example.com" }.joined(separator: " ") + " -all"],
    nonTriggering: ["v=spf1 " + (1...8).map { "include:s\($0).example.com" }.joined(separator: " ") + " -all"])

  func check(_ context: LintContext, into diagnostics: inout [Diagnostic]) {
    let resolving = context.isResolving
    context.forEachSPFRecord(where: { resolving || $0.lookupCount > RecordLookups.limit }) { record in
      if let tree = context.resolution?.tree(of: record) {
        return check(tree, record: record, into: &diagnostics)
      }
      guard let lookups = record.lookups, lookups.count > RecordLookups.limit, let spf = record.record else { return }
      let crossing = spf.terms[lookups.indices[RecordLookups.limit]]
      diagnostics.append(
        Diagnostic(
          Self.metadata,
          "the record needs \(lookups.count) DNS lookups: '\(record.text(crossing.span))' is lookup 11, past the limit "
            + "of 10, so receivers return permerror",
          record: record.index, span: crossing.span,
          notes: ["lookups in order: \(lookups.summary(of: record.txt.joined, in: spf))"]))
    }
  }

  /// The tree's count: the 11th lookup in evaluation order, and the path to it.
  private func check(_ tree: PolicyTree, record: LintedRecord, into diagnostics: inout [Diagnostic]) {
    let steps = tree.steps
    guard steps.count > RecordLookups.limit else { return }
    let crossing = steps[RecordLookups.limit]
    diagnostics.append(
      Diagnostic(
        Self.metadata,
        "the policy needs \(tree.countText) DNS lookups: '\(tree[crossing.reference].text)'\(tree.place(of: crossing)) "
          + "is lookup 11, past the limit of 10, so receivers return permerror",
        record: record.index, span: tree[crossing.entry].term.span,
        notes: ["path: \(tree.path(to: crossing))", "lookups by branch: \(tree.branchLine(of: 0))"]))
  }
}
