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

  /// One finding per repeated mechanism, at its second copy, with the count: one pass with a dictionary
  /// from the mechanism to its copies keeps this linear in the number of terms.
  func check(_ context: LintContext, into diagnostics: inout [Diagnostic]) {
    for record in context.spfRecords {
      let tags = record.tags
      guard Self.hasRepeatedKind(tags), let terms = record.record?.terms else { continue }
      for copies in Self.repeatedCopies(tags: tags, terms: terms, networks: record.networks) {
        diagnostics.append(Self.diagnostic(copies.map { terms[$0] }, in: record))
      }
    }
  }

  /// The term indices of every mechanism written more than once, each list in order, first copy first.
  static func repeatedCopies(tags: [TermTag], terms: [Term], networks: [RecordNetwork]) -> [[Int]] {
    var copies: [Key: [Int]] = [:]
    var order: [Key] = []
    func add(_ key: Key, _ index: Int) {
      if copies[key] == nil { order.append(key) }
      copies[key, default: []].append(index)
    }
    // Networks compare as plain values; other mechanisms only when their kind repeats.
    for network in networks { add(.network(network.first, network.prefixLength, network.isIPv6), network.index) }
    for (index, tag) in tags.enumerated() {
      guard let kind = tag.mechanismKind, kind != .all, kind != .ip4, kind != .ip6,
        let mechanism = terms[index].mechanism
      else { continue }
      add(.mechanism(mechanism.description.lowercased()), index)
    }
    return order.compactMap { copies[$0]!.count > 1 ? copies[$0] : nil }
  }

  /// The finding for the copies of one mechanism: at the second, removing every copy after the first.
  private static func diagnostic(_ copies: [Term], in record: LintedRecord) -> Diagnostic {
    let first = copies[0]
    let later = Array(copies.dropFirst())
    let costsLookup = first.mechanism?.kind.countsAsLookup ?? false
    let message: String
    if later.count == 1 {
      let cost = costsLookup ? ": the second costs a DNS lookup and adds nothing" : ": it adds nothing"
      message = "'\(record.text(later[0].span))' repeats '\(record.text(first.span))'\(cost)"
    } else {
      let cost = costsLookup ? " cost \(later.count) DNS lookups and" : ""
      message =
        "'\(record.text(first.span))' appears \(copies.count) times: the \(later.count) copies after the first"
        + "\(cost) add nothing"
    }
    let removals = later.map { Fix.removing($0, in: record) }
    let title = later.count == 1 ? removals[0].title : "remove the \(later.count) copies after the first"
    return Diagnostic(
      metadata, message, record: record.index, span: later[0].span,
      fix: Fix(title: title, edits: removals.flatMap(\.edits)), relatedSpans: [first.span])
  }

  /// What makes two mechanisms the same: the masked network, or the canonical text ignoring ASCII case.
  enum Key: Hashable {
    case network(UInt128, Int, Bool)
    case mechanism(String)
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
}
