/// Exact CIDR aggregation: the fewest blocks that cover exactly the union of the inserted networks
/// (duplicates, covered and adjacent networks merged), in address order — rule 1 of generation.
///
/// Insert networks of either family, then call `aggregated()`. The work is integer-only: IPv4
/// networks are kept as packed 64-bit ranges, radix-sorted, merged into ranges and cut back into
/// aligned blocks; IPv6 takes the same path with `UInt128` ranges. Host bits of an inserted network
/// are ignored (`192.0.2.5/24` inserts `192.0.2.0/24`).
public struct CIDRAggregator: Sendable {
  /// IPv4 networks as `first << 32 | last`, in insertion order.
  private var ipv4Ranges: [UInt64] = []
  /// IPv6 networks in insertion order.
  private var ipv6Ranges: [AddressRange<UInt128>] = []

  /// Creates an empty aggregator.
  public init() {}

  /// Creates an aggregator holding the given networks.
  public init(ipv4: some Sequence<IPv4Network> = [IPv4Network](), ipv6: some Sequence<IPv6Network> = [IPv6Network]()) {
    for network in ipv4 { insert(network) }
    for network in ipv6 { insert(network) }
  }

  /// Reserves room for `count` IPv4 networks.
  public mutating func reserveCapacity(ipv4 count: Int) { ipv4Ranges.reserveCapacity(count) }

  /// Adds an IPv4 network.
  public mutating func insert(_ network: IPv4Network) {
    ipv4Ranges.append(UInt64(network.first.value) << 32 | UInt64(network.last.value))
  }

  /// Adds an IPv6 network.
  public mutating func insert(_ network: IPv6Network) {
    ipv6Ranges.append(AddressRange(first: network.first.value, last: network.last.value))
  }

  /// How many networks were inserted, duplicates included.
  public var insertedCount: Int { ipv4Ranges.count &+ ipv6Ranges.count }

  /// Whether no network was inserted.
  public var isEmpty: Bool { ipv4Ranges.isEmpty && ipv6Ranges.isEmpty }

  /// The fewest CIDR blocks that cover exactly the inserted addresses, each family in address order.
  ///
  /// Consuming: the IPv4 ranges are sorted in place, so a million networks need no second copy.
  public consuming func aggregated() -> AggregatedNetworks {
    var keys = ipv4Ranges
    ipv4Ranges = []
    RadixSort.sortByHighWord(&keys)
    let ipv4 = CIDRAggregator.blocks(ofSortedKeys: keys)
    keys = []
    var ipv6Sorted = ipv6Ranges
    ipv6Ranges = []
    ipv6Sorted.sort { $0.first < $1.first }
    var ipv6: [IPv6Network] = []
    for range in AddressRange.merged(sorted: ipv6Sorted) {
      range.forEachBlock { ipv6.append(IPv6Network(address: IPv6Address($0), prefixLength: $1)) }
    }
    return AggregatedNetworks(ipv4: ipv4, ipv6: ipv6)
  }

  /// Merges packed IPv4 ranges sorted by first address and cuts the result into blocks.
  private static func blocks(ofSortedKeys keys: [UInt64]) -> [IPv4Network] {
    var result: [IPv4Network] = []
    guard let firstKey = keys.first else { return result }
    result.reserveCapacity(keys.count / 4)
    var current = AddressRange(
      first: UInt32(truncatingIfNeeded: firstKey >> 32), last: UInt32(truncatingIfNeeded: firstKey))
    let emit = { (range: AddressRange<UInt32>, result: inout [IPv4Network]) in
      range.forEachBlock { result.append(IPv4Network(address: IPv4Address($0), prefixLength: $1)) }
    }
    keys.withUnsafeBufferPointer { keys in
      for key in keys.dropFirst() {
        let first = UInt32(truncatingIfNeeded: key >> 32)
        let last = UInt32(truncatingIfNeeded: key)
        if current.last == UInt32.max || first <= current.last &+ 1 {
          if last > current.last { current.last = last }
        } else {
          emit(current, &result)
          current = AddressRange(first: first, last: last)
        }
      }
    }
    emit(current, &result)
    return result
  }

  /// Aggregates IPv4 networks exactly.
  public static func aggregate(_ networks: some Sequence<IPv4Network>) -> [IPv4Network] {
    CIDRAggregator(ipv4: networks).aggregated().ipv4
  }

  /// Aggregates IPv6 networks exactly.
  public static func aggregate(_ networks: some Sequence<IPv6Network>) -> [IPv6Network] {
    CIDRAggregator(ipv6: networks).aggregated().ipv6
  }
}

/// The result of aggregation: disjoint, non-adjacent-mergeable CIDR blocks of each family in
/// address order, host bits cleared.
public struct AggregatedNetworks: Hashable, Sendable {
  /// IPv4 blocks in address order.
  public var ipv4: [IPv4Network]
  /// IPv6 blocks in address order.
  public var ipv6: [IPv6Network]

  /// Creates a result.
  public init(ipv4: [IPv4Network] = [], ipv6: [IPv6Network] = []) {
    self.ipv4 = ipv4
    self.ipv6 = ipv6
  }

  /// How many blocks of both families.
  public var count: Int { ipv4.count &+ ipv6.count }
}
