/// An ip4 or ip6 network of a record with its term index and qualifier: a plain value, so the rules
/// that compare a record's networks pairwise (SPF108, SPF109) or read them one by one (SPF110, SPF111,
/// SPF115) copy no terms.
struct RecordNetwork: Sendable {
  let index: Int
  let qualifier: Qualifier
  /// The masked first address (IPv4 widened to 128 bits) and the prefix; `isIPv6` keeps families apart.
  let first: UInt128
  let prefixLength: Int
  let isIPv6: Bool
  /// Whether the written address has bits set past the prefix (SPF110).
  let hasHostBits: Bool

  /// The network receivers match, masked: `ip4:1.2.3.5/24` gives 1.2.3.0/24.
  var mechanism: Mechanism {
    isIPv6
      ? .ip6(IPv6Network(address: IPv6Address(first), prefixLength: prefixLength))
      : .ip4(IPv4Network(address: IPv4Address(UInt32(truncatingIfNeeded: first)), prefixLength: prefixLength))
  }

  /// Whether this network strictly contains `other`.
  func strictlyContains(_ other: RecordNetwork) -> Bool {
    guard isIPv6 == other.isIPv6, prefixLength < other.prefixLength else { return false }
    let width = isIPv6 ? 128 : 32
    let shift = UInt128(width - prefixLength)
    return shift >= 128 || first >> shift == other.first >> shift
  }

  /// Whether both are the same network.
  func isSame(as other: RecordNetwork) -> Bool {
    isIPv6 == other.isIPv6 && first == other.first && prefixLength == other.prefixLength
  }

  /// Whether two of `networks` are the same network, or one holds another: when neither, no network
  /// repeats or covers another, which most records with several networks show. Pairwise, allocating
  /// nothing, for a few networks; `nil` (not known) for many, where the sorting algorithms are cheaper.
  static func anyOverlap(in networks: [RecordNetwork], sameOnly: Bool = false) -> Bool? {
    guard networks.count <= 16 else { return nil }
    // Each pair once, both ways round: sameness is symmetric, and containment is tested each way.
    for first in networks.indices {
      for second in networks.indices where second > first {
        let (a, b) = (networks[first], networks[second])
        if a.isSame(as: b) || (!sameOnly && (a.strictlyContains(b) || b.strictlyContains(a))) { return true }
      }
    }
    return false
  }

  /// The networks of a record's terms, in order: SPF108 and SPF109 compare them pairwise, SPF110,
  /// SPF111 and SPF115 read them one by one, and none of them copies a term.
  static func networks(of terms: [Term], tags: [TermTag]) -> [RecordNetwork] {
    let count = tags.lazy.filter({ $0.mechanismKind == .ip4 || $0.mechanismKind == .ip6 }).count
    guard count > 0 else { return [] }
    var networks: [RecordNetwork] = []
    // At its size at once: growing by doubling reallocated a record of eight networks three times.
    networks.reserveCapacity(count)
    // Through a buffer pointer and a method of the term: `terms[index].mechanism`, or matching the
    // term's kind here, copies the whole term (and counts its references) to read its network.
    terms.withUnsafeBufferPointer { terms in
      for (index, tag) in tags.enumerated() where index < terms.count {
        guard case .directive(let kind, let qualifier) = tag, kind == .ip4 || kind == .ip6,
          let network = terms[index].recordNetwork(index: index, qualifier: qualifier)
        else { continue }
        networks.append(network)
      }
    }
    return networks
  }
}

extension Term {
  /// The term's ip4 or ip6 network as a `RecordNetwork`, read in place.
  fileprivate func recordNetwork(index: Int, qualifier: Qualifier) -> RecordNetwork? {
    guard case .directive(let directive) = kind else { return nil }
    switch directive.mechanism {
    case .ip4(let network):
      return RecordNetwork(
        index: index, qualifier: qualifier, first: UInt128(network.first.value),
        prefixLength: network.prefixLength, isIPv6: false, hasHostBits: network.hasHostBits)
    case .ip6(let network):
      return RecordNetwork(
        index: index, qualifier: qualifier, first: network.first.value,
        prefixLength: network.prefixLength, isIPv6: true, hasHostBits: network.hasHostBits)
    default: return nil
    }
  }
}

extension RecordNetwork {
  /// The positions of `networks` sorted by family, first address and prefix length, equal networks by
  /// term index: a network sorts before every network inside it, and copies of one network sit together
  /// with the earliest first. Sorting once keeps SPF108 and SPF109 at O(n log n) on a record of any length.
  static func blockOrder(_ networks: [RecordNetwork]) -> [Int] {
    networks.indices.sorted { a, b in
      let x = networks[a]
      let y = networks[b]
      return (x.isIPv6 ? 1 : 0, x.first, x.prefixLength, x.index) < (y.isIPv6 ? 1 : 0, y.first, y.prefixLength, y.index)
    }
  }

  /// For each network (by position in `networks`), the earliest term index of a network that strictly
  /// contains it, or nil.
  ///
  /// Networks are nested or disjoint, so one sweep in `blockOrder` with a stack of the networks holding
  /// the current one finds every container; each stack entry carries the earliest term index of itself and
  /// of everything below it.
  static func earliestContainers(of networks: [RecordNetwork]) -> [Int?] {
    let order = blockOrder(networks)
    var containers = [Int?](repeating: nil, count: networks.count)
    var stack: [(network: RecordNetwork, earliest: Int)] = []
    var position = 0
    while position < order.count {
      let network = networks[order[position]]
      while let top = stack.last, !top.network.strictlyContains(network) { stack.removeLast() }
      let earliest = stack.last?.earliest
      while position < order.count, networks[order[position]].isSame(as: network) {
        containers[order[position]] = earliest
        position += 1
      }
      // The first of the copies has the lowest term index.
      stack.append((network, min(earliest ?? network.index, network.index)))
    }
    return containers
  }
}
