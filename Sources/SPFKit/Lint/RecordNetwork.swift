/// An ip4 or ip6 network of a record with its term index and qualifier: a plain value, so the rules
/// that compare a record's networks pairwise (SPF108, SPF109) copy no terms.
struct RecordNetwork: Sendable {
  let index: Int
  let qualifier: Qualifier
  /// The masked first address (IPv4 widened to 128 bits) and the prefix; `isIPv6` keeps families apart.
  let first: UInt128
  let prefixLength: Int
  let isIPv6: Bool

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

  /// The networks of a record's terms, when it has two or more (one network cannot repeat or cover
  /// another).
  static func networks(of terms: [Term], tags: [TermTag]) -> [RecordNetwork] {
    guard tags.lazy.filter({ $0.mechanismKind == .ip4 || $0.mechanismKind == .ip6 }).count > 1 else { return [] }
    var networks: [RecordNetwork] = []
    for (index, tag) in tags.enumerated() {
      guard case .directive(let kind, let qualifier) = tag, kind == .ip4 || kind == .ip6 else { continue }
      switch terms[index].mechanism {
      case .ip4(let network)?:
        networks.append(
          RecordNetwork(
            index: index, qualifier: qualifier, first: UInt128(network.first.value),
            prefixLength: network.prefixLength, isIPv6: false))
      case .ip6(let network)?:
        networks.append(
          RecordNetwork(
            index: index, qualifier: qualifier, first: network.first.value,
            prefixLength: network.prefixLength, isIPv6: true))
      default: continue
      }
    }
    return networks
  }
}
