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
      let tags = record.tags
      guard Self.hasRepeatedKind(tags), let terms = record.record?.terms else { continue }
      // Networks compare as plain values; other mechanisms only when their kind repeats.
      let networks = record.networks
      for index in tags.indices {
        guard let kind = tags[index].mechanismKind, kind != .all,
          tags[..<index].contains(where: { $0.mechanismKind == kind }),
          let firstIndex = Self.earlierCopy(of: index, kind: kind, terms: terms, networks: networks)
        else { continue }
        let term = terms[index]
        let first = terms[firstIndex]
        let mechanism = kind
        let cost = mechanism.countsAsLookup ? ": the second costs a DNS lookup and adds nothing" : ": it adds nothing"
        diagnostics.append(
          Diagnostic(
            Self.metadata, "'\(record.text(term.span))' repeats '\(record.text(first.span))'\(cost)",
            record: record.index, span: term.span, fix: .removing(term, in: record)))
      }
    }
  }

  /// Whether two mechanisms of one kind (other than `all`) occur: only then can one repeat another.
  static func hasRepeatedKind(_ tags: [TermTag]) -> Bool {
    var seen: UInt16 = 0
    for tag in tags {
      guard let kind = tag.mechanismKind, kind != .all else { continue }
      let bit = UInt16(1) << UInt16(TermOrder.rank(kind) + (kind == .ip6 ? 7 : 0))
      if seen & bit != 0 { return true }
      seen |= bit
    }
    return false
  }

  /// The index of an earlier term with the same mechanism as `terms[index]`, if any.
  static func earlierCopy(of index: Int, kind: MechanismKind, terms: [Term], networks: [RecordNetwork])
    -> Int?
  {
    if kind == .ip4 || kind == .ip6 {
      guard let mine = networks.first(where: { $0.index == index }) else { return nil }
      return networks.first { $0.index < index && $0.isSame(as: mine) }?.index
    }
    guard let mechanism = terms[index].mechanism else { return nil }
    return terms[..<index].firstIndex { $0.mechanism.map { same($0, mechanism) } ?? false }
  }

  /// Whether two mechanisms are the same: networks compared masked, domains ignoring ASCII case.
  static func same(_ a: Mechanism, _ b: Mechanism) -> Bool {
    switch (a, b) {
    case (.ip4(let x), .ip4(let y)): return x.masked == y.masked
    case (.ip6(let x), .ip6(let y)): return x.masked == y.masked
    default:
      guard a.kind == b.kind else { return false }
      return a == b || a.description.lowercased() == b.description.lowercased()
    }
  }
}
