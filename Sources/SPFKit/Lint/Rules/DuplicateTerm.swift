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
      let repeated = Self.repeatedKinds(record.tags)
      guard !repeated.isEmpty, let terms = record.record?.terms else { continue }
      var copies: [(copy: Int, first: Int)] = []
      if repeated.contains(.ip4) || repeated.contains(.ip6) { copies += Self.networkCopies(record.networks) }
      copies += Self.mechanismCopies(terms, tags: record.tags, kinds: repeated)
      for (copy, first) in copies {
        let term = terms[copy]
        let cost =
          term.mechanism?.kind.countsAsLookup == true
          ? ": the second costs a DNS lookup and adds nothing" : ": it adds nothing"
        diagnostics.append(
          Diagnostic(
            Self.metadata, "'\(record.text(term.span))' repeats '\(record.text(terms[first].span))'\(cost)",
            record: record.index, span: term.span, fix: .removing(term, in: record)))
      }
    }
  }

  /// The mechanism kinds other than `all` that occur twice or more: only those can repeat.
  static func repeatedKinds(_ tags: [TermTag]) -> KindSet {
    var seen = KindSet()
    var repeated = KindSet()
    for tag in tags {
      guard let kind = tag.mechanismKind, kind != .all else { continue }
      if seen.contains(kind) { repeated.insert(kind) }
      seen.insert(kind)
    }
    return repeated
  }

  /// A set of mechanism kinds as bits: cheap enough to build for every record linted.
  struct KindSet {
    private var bits: UInt16 = 0

    var isEmpty: Bool { bits == 0 }
    func contains(_ kind: MechanismKind) -> Bool { bits & Self.bit(kind) != 0 }
    mutating func insert(_ kind: MechanismKind) { bits |= Self.bit(kind) }

    private static func bit(_ kind: MechanismKind) -> UInt16 {
      switch kind {
      case .all: 1
      case .include: 2
      case .a: 4
      case .mx: 8
      case .ptr: 16
      case .ip4: 32
      case .ip6: 64
      case .exists: 128
      }
    }
  }

  /// Every network that repeats an earlier one (compared masked), with the term index of the first copy.
  static func networkCopies(_ networks: [RecordNetwork]) -> [(copy: Int, first: Int)] {
    var copies: [(copy: Int, first: Int)] = []
    var first: RecordNetwork?
    for position in RecordNetwork.blockOrder(networks) {
      let network = networks[position]
      if let first, first.isSame(as: network) {
        copies.append((network.index, first.index))
      } else {
        first = network
      }
    }
    return copies
  }

  /// Every other mechanism of `kinds` that repeats an earlier one (domains ignoring case), with the term
  /// index of the first copy: one pass with a table of the copies seen.
  static func mechanismCopies(_ terms: [Term], tags: [TermTag], kinds: KindSet) -> [(copy: Int, first: Int)] {
    var copies: [(copy: Int, first: Int)] = []
    var firstCopies: [String: Int] = [:]
    for index in tags.indices {
      guard let kind = tags[index].mechanismKind, kind != .ip4, kind != .ip6, kinds.contains(kind),
        let mechanism = terms[index].mechanism
      else { continue }
      // The canonical text names the kind, so the key of an include never equals the key of an a.
      let key = mechanism.description.lowercased()
      if let first = firstCopies[key] {
        copies.append((index, first))
      } else {
        firstCopies[key] = index
      }
    }
    return copies
  }
}
