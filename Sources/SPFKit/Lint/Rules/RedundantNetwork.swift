/// SPF108: an ip4/ip6 network covered by another in the record (RFC 7208 §5.6).
struct RedundantNetwork: Rule {
  static let metadata = RuleMetadata(
    code: "SPF108", slug: "redundant-network", severity: .warning,
    summary: "an ip4/ip6 network covered by another in the record",
    rationale: "A network inside another network of the record never changes the result: either the wider one is "
      + "evaluated first, or both give the same result. It only makes the record longer. Remove it ('spfkit merge' "
      + "aggregates a whole list exactly).",
    reference: "RFC 7208 §5.6",
    triggering: ["v=spf1 ip4:192.0.2.0/24 ip4:192.0.2.5 -all"],
    nonTriggering: ["v=spf1 ip4:192.0.2.0/25 ip4:192.0.2.128/25 -all"])

  func check(_ context: LintContext, into diagnostics: inout [Diagnostic]) {
    for record in context.spfRecords {
      let terms = record.record?.terms ?? []
      let networks = record.tags.indices.filter {
        record.tags[$0].mechanismKind == .ip4 || record.tags[$0].mechanismKind == .ip6
      }
      guard networks.count > 1 else { continue }
      for index in networks {
        let term = terms[index]
        guard let cover = Self.coveringTerm(of: index, among: networks, in: terms) else { continue }
        diagnostics.append(Diagnostic(
          Self.metadata, "'\(record.text(term.span))' is covered by '\(record.text(cover.span))'",
          record: record.index, span: term.span, fix: .removing(term, in: record)))
      }
    }
  }

  /// The term whose network strictly contains the network of `terms[index]` and decides first or
  /// the same way, if any.
  static func coveringTerm(of index: Int, among networks: [Int], in terms: [Term]) -> Term? {
    guard let inner = terms[index].directive else { return nil }
    for other in networks where other != index {
      let term = terms[other]
      guard let outer = term.directive, covers(outer.mechanism, inner.mechanism) else { continue }
      if other < index { return term }
      let between = terms[(index + 1)..<other].compactMap(\.directive)
      if outer.qualifier == inner.qualifier, between.allSatisfy({ $0.qualifier == inner.qualifier }) { return term }
    }
    return nil
  }

  /// Whether `outer` is an ip network strictly containing the ip network `inner`.
  static func covers(_ outer: Mechanism, _ inner: Mechanism) -> Bool {
    switch (outer, inner) {
    case (.ip4(let a), .ip4(let b)): a.masked != b.masked && a.contains(b.masked)
    case (.ip6(let a), .ip6(let b)): a.masked != b.masked && a.contains(b.masked)
    default: false
    }
  }
}
