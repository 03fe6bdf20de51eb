/// Lossy widening of aggregated blocks (rule 4 of generation), with its cost.
extension AggregatedNetworks {
  /// Fewer, wider blocks: within each block of the limit's prefix (each `/24` for `/24`), two or
  /// more blocks become the smallest block that covers them all; the result is then aggregated
  /// exactly again, so widened blocks merge with their neighbours.
  ///
  /// Blocks already as wide as the limit, and lone blocks in their region, stay as they are: a
  /// widened block never reaches beyond one block of the limit's prefix, and widening never
  /// authorizes addresses unless it saves a block. The report names every resulting block that
  /// authorizes addresses not in `self`, and how many.
  public func widened(to limit: WideningLimit) -> (networks: AggregatedNetworks, report: WideningReport) {
    var networks = self
    var report = WideningReport()
    if let prefix = limit.ipv4 {
      let exact = ipv4.map { AddressRange<UInt32>(block: $0.address.value, prefixLength: $0.prefixLength) }
      let (blocks, entries) = Widening.widen(exact, limit: prefix)
      networks.ipv4 = blocks.map { IPv4Network(address: IPv4Address($0.0), prefixLength: $0.1) }
      report.ipv4 = entries.map {
        .init(network: IPv4Network(address: IPv4Address($0.0), prefixLength: $0.1), unlistedAddresses: $0.2)
      }
    }
    if let prefix = limit.ipv6 {
      let exact = ipv6.map { AddressRange<UInt128>(block: $0.address.value, prefixLength: $0.prefixLength) }
      let (blocks, entries) = Widening.widen(exact, limit: prefix)
      networks.ipv6 = blocks.map { IPv6Network(address: IPv6Address($0.0), prefixLength: $0.1) }
      report.ipv6 = entries.map {
        .init(network: IPv6Network(address: IPv6Address($0.0), prefixLength: $0.1), unlistedAddresses: $0.2)
      }
    }
    return (networks, report)
  }
}

/// The integer work of widening, shared by both families.
enum Widening {
  /// Widens exact blocks (disjoint, in address order) to at most `limit` bits of prefix.
  ///
  /// - Returns: the resulting blocks (first address, prefix length) in address order, and those of
  ///   them that hold unlisted addresses with how many.
  static func widen<Value>(_ exact: [AddressRange<Value>], limit: Int)
    -> (blocks: [(Value, Int)], widened: [(Value, Int, UInt128)])
  {
    var ranges: [AddressRange<Value>] = []
    var index = 0
    while index < exact.count {
      let region = exact[index].first & AddressRange<Value>.mask(limit)
      var end = index + 1
      if prefixLength(of: exact[index]) > limit {
        while end < exact.count, prefixLength(of: exact[end]) > limit,
          exact[end].first & AddressRange<Value>.mask(limit) == region
        {
          end += 1
        }
      }
      if end - index >= 2 {
        let common = (exact[index].first ^ exact[end - 1].last).leadingZeroBitCount
        ranges.append(AddressRange(block: exact[index].first, prefixLength: common))
      } else {
        ranges.append(exact[index])
      }
      index = end
    }
    var blocks: [(Value, Int)] = []
    for range in AddressRange.merged(sorted: ranges) { range.forEachBlock { blocks.append(($0, $1)) } }
    return (blocks, unlisted(in: blocks, exact: exact))
  }

  /// The prefix length of a range that is one aligned block.
  private static func prefixLength<Value>(of block: AddressRange<Value>) -> Int {
    (block.last - block.first).leadingZeroBitCount
  }

  /// For each block that holds addresses outside `exact`, how many; both lists in address order,
  /// every exact range inside the blocks.
  private static func unlisted<Value>(in blocks: [(Value, Int)], exact: [AddressRange<Value>])
    -> [(Value, Int, UInt128)]
  {
    var result: [(Value, Int, UInt128)] = []
    var next = 0
    for (first, prefixLength) in blocks {
      let block = AddressRange<Value>(block: first, prefixLength: prefixLength)
      // Counts less one, so that 2^128 (all of IPv6) fits: the listed addresses less one are the
      // overlaps' spans plus one for each overlap after the first.
      var overlaps = 0
      var listedLessOne: UInt128 = 0
      while next < exact.count, exact[next].last < block.first { next += 1 }
      var scan = next
      while scan < exact.count, exact[scan].first <= block.last {
        let overlap = AddressRange(first: max(exact[scan].first, block.first), last: min(exact[scan].last, block.last))
        let (sum, overflow) = listedLessOne.addingReportingOverflow(
          UInt128(overlap.last - overlap.first) + (overlaps > 0 ? 1 : 0))
        listedLessOne = overflow ? UInt128.max : sum
        overlaps += 1
        scan += 1
      }
      let span = UInt128(block.last - block.first)
      if overlaps > 0, listedLessOne < span { result.append((first, prefixLength, span - listedLessOne)) }
    }
    return result
  }
}
