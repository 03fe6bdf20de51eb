/// SPF109: the same mechanism twice (RFC 7208 §4.6.4 for the wasted lookup).
struct DuplicateTerm: Rule {
  static let metadata = RuleMetadata(
    code: "SPF109", slug: "duplicate-term", severity: .warning,
    summary: "the same mechanism twice",
    rationale: "The second copy of a mechanism never matches anything the first did not. For include, a, mx, ptr "
      + "and exists it still costs one of the 10 DNS lookups.",
    reference: "RFC 7208 §4.6.4",
    triggering: ["v=spf1 include:_spf.example.com include:_spf.example.com -all"],
    nonTriggering: ["v=spf1 include:_spf.example.com include:_spf.example.net -all"])

  func check(_ context: LintContext, into diagnostics: inout [Diagnostic]) {
    for record in context.spfRecords {
      var seen: [String: Term] = [:]
      for term in record.record?.terms ?? [] {
        guard let mechanism = term.mechanism, mechanism != .all else { continue }
        let key = Self.key(mechanism)
        guard let first = seen[key] else {
          seen[key] = term
          continue
        }
        let cost = mechanism.countsAsLookup ? ": the second costs a DNS lookup and adds nothing" : ": it adds nothing"
        diagnostics.append(Diagnostic(
          Self.metadata, "'\(record.text(term.span))' repeats '\(record.text(first.span))'\(cost)",
          record: record.index, span: term.span, fix: .removing(term, in: record)))
      }
    }
  }

  /// Mechanisms compare with domains folded to lowercase and networks masked.
  static func key(_ mechanism: Mechanism) -> String {
    switch mechanism {
    case .ip4(let network): "ip4:\(network.masked)"
    case .ip6(let network): "ip6:\(network.masked)"
    default: mechanism.description.lowercased()
    }
  }
}
