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

  /// One finding per repeated mechanism, at its second copy, with the count: pairwise comparison for a
  /// few mechanisms, one pass with a dictionary for many, so this stays linear in the number of terms.
  func check(_ context: LintContext, into diagnostics: inout [Diagnostic]) {
    // Repeated as written covers repeated as parsed: most records repeat no mechanism at all.
    let counted = TermKinds.mechanisms.subtracting(.all)
    context.forEachSPFRecord(where: { !$0.repeatedWrittenKinds.isDisjoint(with: counted) }) { record in
      let tags = record.tags
      let repeated = Self.repeatedKinds(tags)
      guard repeated != 0 else { return }
      // Only networks repeat their kind, and no two are the same network: nothing to report.
      let onlyNetworks = repeated & ~(Self.bit(.ip4) | Self.bit(.ip6)) == 0
      if onlyNetworks, RecordNetwork.anyOverlap(in: record.networks, sameOnly: true) == false { return }
      guard let terms = record.record?.terms else { return }
      let copiesOfEach = Self.repeatedCopies(
        tags: tags, terms: terms, networks: record.networks, text: record.txt.joined)
      for copies in copiesOfEach {
        diagnostics.append(Self.diagnostic(copies.map { terms[$0] }, in: record))
      }
    }
  }

  /// The term indices of every mechanism written more than once, each list in order, first copy first.
  static func repeatedCopies(tags: [TermTag], terms: [Term], networks: [RecordNetwork], text: [UInt8]) -> [[Int]] {
    // Networks compare as plain values; other mechanisms only when their kind repeats, so the key
    // of a lone `mx` is never made.
    var candidates: [(key: Key, index: Int)] = []
    // At most one a term (networks are terms too): one allocation, not one per doubling.
    candidates.reserveCapacity(tags.count)
    for network in networks {
      let first = network.first
      let key = Key.network(
        UInt64(truncatingIfNeeded: first >> 64), UInt64(truncatingIfNeeded: first), network.prefixLength,
        network.isIPv6)
      candidates.append((key, network.index))
    }
    let repeated = repeatedKinds(tags)
    terms.withUnsafeBufferPointer { terms in
      for (index, tag) in tags.enumerated() where index < terms.count {
        guard let kind = tag.mechanismKind, kind != .all, kind != .ip4, kind != .ip6,
          repeated & bit(kind) != 0, let key = key(of: terms[index], in: text)
        else { continue }
        candidates.append((key, index))
      }
    }
    return candidates.count <= smallCount ? groupedByComparing(candidates) : groupedByHashing(candidates)
  }

  /// What two mechanisms other than networks share when they are the same: their text without the
  /// qualifier, ignoring case. A term of printable ASCII with no macro is its written text (the
  /// parser keeps the name as written, and accepts prefix lengths only without leading zeros), compared
  /// in place; any other is `description` lowercased, which folds macro letters and non-ASCII
  /// text. The two kinds of key never meet: a description with a macro holds a '%'.
  private static func key(of term: Term, in text: [UInt8]) -> Key? {
    let written = text[clamped: SourceSpan(start: term.nameSpan.start, end: term.span.end)]
    if !written.contains(0x25), Excerpt.isPrintableASCII(written) { return .written(CaseInsensitiveBytes(written)) }
    guard let mechanism = term.mechanism else { return nil }
    return .mechanism(mechanism.description.lowercased())
  }

  /// Up to this many candidates, comparing every pair beats building a dictionary.
  static let smallCount = 32

  /// Groups of equal keys, in the order of their first copy: pairwise, for a few candidates.
  private static func groupedByComparing(_ candidates: [(key: Key, index: Int)]) -> [[Int]] {
    var groups: [[Int]] = []
    var grouped = 0 as UInt64  // bit i: candidate i is a later copy, already in a group
    for first in candidates.indices where grouped >> UInt64(first) & 1 == 0 {
      var copies: [Int] = []
      for later in candidates.indices.dropFirst(first + 1) where candidates[later].key == candidates[first].key {
        if copies.isEmpty { copies.append(candidates[first].index) }
        copies.append(candidates[later].index)
        grouped |= 1 << UInt64(later)
      }
      if !copies.isEmpty { groups.append(copies) }
    }
    return groups
  }

  /// Groups of equal keys, in the order of their first copy: one pass with a dictionary, linear in
  /// the number of terms however long the record.
  private static func groupedByHashing(_ candidates: [(key: Key, index: Int)]) -> [[Int]] {
    var copies: [Key: [Int]] = [:]
    var order: [Key] = []
    for (key, index) in candidates {
      if copies[key] == nil { order.append(key) }
      copies[key, default: []].append(index)
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
    /// The first address in halves: a `UInt128` payload aligns the candidates to 16 bytes, and the
    /// runtime allocates such arrays with `posix_memalign` rather than `malloc`.
    case network(UInt64, UInt64, Int, Bool)
    case written(CaseInsensitiveBytes)
    case mechanism(String)
  }

  /// ASCII text that equals and hashes ignoring the case of letters.
  struct CaseInsensitiveBytes: Hashable {
    let bytes: ArraySlice<UInt8>
    /// FNV-1a of the folded bytes, computed once: a dictionary hashes a key several times, and
    /// `Hasher` taking the bytes one by one cost ten times the folding (164,875 distinct includes).
    private let foldedHash: UInt64

    init(_ bytes: ArraySlice<UInt8>) {
      self.bytes = bytes
      foldedHash = bytes.withUnsafeBufferPointer { buffer in
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in buffer { hash = (hash ^ UInt64(ZoneName.asciiLower(byte))) &* 0x100_0000_01b3 }
        return hash
      }
    }

    static func == (a: Self, b: Self) -> Bool {
      guard a.foldedHash == b.foldedHash, a.bytes.count == b.bytes.count else { return false }
      return a.bytes.withUnsafeBufferPointer { x in
        b.bytes.withUnsafeBufferPointer { y in
          // Copies are mostly written alike: eight bytes at a time while they are, then byte by byte.
          var index = 0
          if let xBase = x.baseAddress, let yBase = y.baseAddress {
            while x.count - index >= 8,
              UnsafeRawPointer(xBase + index).loadUnaligned(as: UInt64.self)
                == UnsafeRawPointer(yBase + index).loadUnaligned(as: UInt64.self)
            {
              index += 8
            }
          }
          while index < x.count {
            guard ZoneName.asciiLower(x[index]) == ZoneName.asciiLower(y[index]) else { return false }
            index += 1
          }
          return true
        }
      }
    }

    func hash(into hasher: inout Hasher) { hasher.combine(foldedHash) }
  }

  /// The kinds (other than `all`) written twice or more, as bits of `bit(_:)`.
  static func repeatedKinds(_ tags: [TermTag]) -> UInt16 {
    var seen: UInt16 = 0
    var repeated: UInt16 = 0
    for tag in tags {
      guard let kind = tag.mechanismKind, kind != .all else { continue }
      let bit = bit(kind)
      if seen & bit != 0 { repeated |= bit }
      seen |= bit
    }
    return repeated
  }

  /// One bit per mechanism kind.
  private static func bit(_ kind: MechanismKind) -> UInt16 {
    UInt16(1) << UInt16(TermOrder.rank(kind) + (kind == .ip6 ? 7 : 0))
  }
}
