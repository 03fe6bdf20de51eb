/// SPF201: how many DNS lookups the policy uses, and where (RFC 7208 §4.6.4).
///
/// Without DNS it counts the record's own terms. With DNS it counts through the include tree and
/// prints it, one note per policy: `example.com → include:_spf.example.net (4): a, mx, ...`. DNS
/// failures and targets that could not be queried are notes here too: this is where a lookup that
/// could not be resolved is reported, and the count then reads "at least".
struct LookupCount: Rule {
  static let metadata = RuleMetadata(
    code: "SPF201", slug: "lookup-count", severity: .info,
    summary: "how many DNS lookups the policy uses",
    rationale: "Counts the terms that query DNS (include, a, mx, ptr, exists, and redirect when there is no all) "
      + "against the limit of 10. Without DNS the count covers the record's own terms; with --resolve or --domain "
      + "it covers the whole include tree, printed branch by branch with what each include costs. Lookups DNS "
      + "could not answer (REFUSED, SERVFAIL, timeout) are listed, and the count is then a lower bound.",
    reference: "RFC 7208 §4.6.4",
    triggering: ["v=spf1 mx include:_spf.example.com -all"],
    nonTriggering: ["v=spf1 ip4:1.2.3.1 -all"])

  func check(_ context: LintContext, into diagnostics: inout [Diagnostic]) {
    let resolving = context.isResolving
    guard resolving || context.wantsDetail(Self.metadata.severity) else {
      // Counted but not shown: the summary of every record's lookups is most of this rule's cost.
      return context.forEachFacts(of: .selected) { facts in
        guard facts.lookupCount > 0, facts.isParsed, let span = facts.versionSpan else { return }
        diagnostics.append(Diagnostic(Self.metadata, "", record: facts.index, span: span))
      }
    }
    context.forEachSelectedRecord(where: { resolving || ($0.lookupCount > 0 && $0.isParsed) }) { record in
      guard let spf = record.record, let lookups = record.lookups else { return }
      if let tree = context.resolution?.tree(of: record) {
        return check(tree, record: record, versionSpan: spf.versionSpan, into: &diagnostics)
      }
      guard lookups.count > 0 else { return }
      var message = MessageText()
      message.append("the record uses ")
      message.append(lookups.count)
      message.append(" of 10 DNS lookups")
      if !record.facts.kinds.isDisjoint(with: [.include, .redirect]) {
        message.append(" in this record, plus what its includes use")
      }
      message.append(": ")
      lookups.appendSummary(of: record.txt.joined, in: spf, to: &message)
      diagnostics.append(Diagnostic(Self.metadata, message.string, record: record.index, span: spf.versionSpan))
    }
  }

  private func check(
    _ tree: PolicyTree, record: LintedRecord, versionSpan: SourceSpan,
    into diagnostics: inout [Diagnostic]
  ) {
    let count = tree.lookupCount()
    let unresolved = tree.unresolvedNotes()
    guard count > 0 || !unresolved.isEmpty else { return }
    let own = tree.root.lookups.count
    let message: String
    if !tree.isExact() {
      message = "the policy uses \(tree.countText) of 10 DNS lookups: DNS did not answer for all of them"
    } else if count > own {
      message =
        "the policy uses \(count) of 10 DNS lookups: \(own) in this record, \(count - own) in the policies it "
        + "includes"
    } else {
      message = "the policy uses \(count) of 10 DNS lookups: " + tree.root.lookups.map(\.text).joined(separator: ", ")
    }
    let branches = count > own || !tree.isExact() ? tree.branchLines() : []
    diagnostics.append(
      Diagnostic(
        Self.metadata, message, record: record.index, span: versionSpan, notes: branches + unresolved))
  }
}
