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
    for record in context.spfRecords {
      let networks = record.networks
      guard networks.count > 1, let terms = record.record?.terms else { continue }
      for inner in networks.indices {
        guard let cover = Self.covering(inner, in: networks, tags: record.tags) else { continue }
        let term = terms[networks[inner].index]
        diagnostics.append(
          Diagnostic(
            Self.metadata,
            "'\(record.text(term.span))' is covered by '\(record.text(terms[networks[cover].index].span))'",
            record: record.index, span: term.span, fix: .removing(term, in: record)))
      }
    }
  }

  /// The network that strictly contains `networks[inner]` and decides first, or decides the same way
  /// with nothing between them deciding otherwise.
  static func covering(_ inner: Int, in networks: [RecordNetwork], tags: [TermTag]) -> Int? {
    let network = networks[inner]
    for outer in networks.indices where outer != inner && networks[outer].strictlyContains(network) {
      if networks[outer].index < network.index { return outer }
      let between = tags[(network.index + 1)..<networks[outer].index]
      let sameWay = between.allSatisfy { tag in
        if case .directive(_, let qualifier) = tag { qualifier == network.qualifier } else { true }
      }
      if networks[outer].qualifier == network.qualifier, sameWay { return outer }
    }
    return nil
  }
}
