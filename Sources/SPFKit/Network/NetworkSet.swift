/// An exact set of IPv4 and IPv6 addresses, each family as sorted disjoint ranges: what one SPF
/// term or policy matches, computed with set operations and printed as the fewest CIDR blocks.
///
/// IPv4 clients (IPv4-mapped IPv6 ones included, RFC 7208 §5) are matched against the IPv4 part,
/// every other IPv6 client against the IPv6 part, as `ip4` and `ip6` do (§5.6).
struct NetworkSet: Hashable, Sendable {
  /// The IPv4 addresses.
  var ipv4: AddressRangeSet<UInt32>
  /// The IPv6 addresses.
  var ipv6: AddressRangeSet<UInt128>

  /// Creates a set from ranges of each family.
  init(ipv4: AddressRangeSet<UInt32> = AddressRangeSet(), ipv6: AddressRangeSet<UInt128> = AddressRangeSet()) {
    self.ipv4 = ipv4
    self.ipv6 = ipv6
  }

  /// The set of the given networks (host bits ignored).
  init(ipv4: [IPv4Network], ipv6: [IPv6Network] = []) {
    self.ipv4 = AddressRangeSet(ipv4.map { AddressRange(first: $0.first.value, last: $0.last.value) })
    self.ipv6 = AddressRangeSet(ipv6.map { AddressRange(first: $0.first.value, last: $0.last.value) })
  }

  /// No address.
  static let empty = NetworkSet()
  /// Every address of both families: what `all` matches.
  static let everything = NetworkSet(ipv4: .everything, ipv6: .everything)

  /// Whether the set holds no address.
  var isEmpty: Bool { ipv4.isEmpty && ipv6.isEmpty }

  /// Whether the set holds the address (an IPv4-mapped IPv6 address is looked up as IPv4).
  func contains(_ address: IPAddress) -> Bool {
    switch address {
    case .v4(let v4): ipv4.contains(v4.value)
    case .v6(let v6): v6.mappedIPv4.map { ipv4.contains($0.value) } ?? ipv6.contains(v6.value)
    }
  }

  /// The addresses in either set.
  func union(_ other: NetworkSet) -> NetworkSet {
    NetworkSet(ipv4: ipv4.union(other.ipv4), ipv6: ipv6.union(other.ipv6))
  }

  /// The addresses in both sets.
  func intersection(_ other: NetworkSet) -> NetworkSet {
    NetworkSet(ipv4: ipv4.intersection(other.ipv4), ipv6: ipv6.intersection(other.ipv6))
  }

  /// The addresses in this set and not in `other`.
  func subtracting(_ other: NetworkSet) -> NetworkSet {
    NetworkSet(ipv4: ipv4.subtracting(other.ipv4), ipv6: ipv6.subtracting(other.ipv6))
  }

  /// The fewest CIDR blocks that cover exactly the set, each family in address order (generation
  /// rule 1).
  var aggregated: AggregatedNetworks {
    var result = AggregatedNetworks()
    ipv4.forEachBlock { result.ipv4.append(IPv4Network(address: IPv4Address($0), prefixLength: $1)) }
    ipv6.forEachBlock { result.ipv6.append(IPv6Network(address: IPv6Address($0), prefixLength: $1)) }
    return result
  }
}
