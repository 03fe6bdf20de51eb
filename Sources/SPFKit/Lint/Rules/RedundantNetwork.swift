/// SPF108: an ip4/ip6 network covered by another in the record (RFC 7208 §5.6).
struct RedundantNetwork: Rule {
  static let metadata = RuleMetadata(
    code: "SPF108", slug: "redundant-network", severity: .warning,
    summary: "an ip4/ip6 network covered by another in the record",
    rationale: "A network inside another network of the record never changes the result: either the wider one is "
      + "evaluated first, or both give the same result. It only makes the record longer. Remove it ('spfkit merge' "
      + "aggregates a whole list exactly).",
    reference: "RFC 7208 §5.6",
    triggering: ["v=spf1 ip4:1.2.3.0/24 ip4:1.2.3.5 -all"],
    nonTriggering: ["v=spf1 ip4:1.2.3.0/25 ip4:1.2.3.128/25 -all"])

  func check(_ context: LintContext, into diagnostics: inout [Diagnostic]) {
    context.forEachSPFRecord(where: { $0.networkCount > 1 }) { record in
      let networks = record.networks
      guard RecordNetwork.anyOverlap(in: networks) != false, let terms = record.record?.terms else { return }
      let runs = Self.qualifierRuns(record.tags)
      for (position, container) in RecordNetwork.earliestContainers(of: networks).enumerated() {
        let inner = networks[position].index
        guard let cover = container, cover < inner || runs[cover] == runs[inner] else { continue }
        let term = terms[inner]
        diagnostics.append(
          Diagnostic(
            Self.metadata, "'\(record.text(term.span))' is covered by '\(record.text(terms[cover].span))'",
            record: record.index, span: term.span, fix: .removing(term, in: record)))
      }
    }
  }

  /// For each term, the number of the run of consecutive directives with one qualifier it belongs to
  /// (modifiers and invalid terms join the current run).
  ///
  /// The earliest network containing another decides for it when it comes first. When it comes later it
  /// decides the same way only if it and every directive between them have the inner network's qualifier:
  /// exactly when both are in one run. A later container in another run means none is in the inner's run.
  static func qualifierRuns(_ tags: [TermTag]) -> [Int] {
    var runs: [Int] = []
    runs.reserveCapacity(tags.count)
    var run = 0
    var current: Qualifier?
    for tag in tags {
      if case .directive(_, let qualifier) = tag {
        if let current, current != qualifier { run += 1 }
        current = qualifier
      }
      runs.append(run)
    }
    return runs
  }
}
