/// A set of addresses of one family as sorted, disjoint, non-adjacent inclusive ranges: the exact
/// sets the flattener computes with (union, difference, intersection) before they become the
/// fewest CIDR blocks.
struct AddressRangeSet<Value: FixedWidthInteger & UnsignedInteger & Sendable>: Hashable, Sendable {
  /// The ranges in address order; no two overlap or touch.
  private(set) var ranges: [AddressRange<Value>]

  /// The empty set.
  init() { ranges = [] }

  /// The set of the given ranges, in any order, overlapping or not.
  init(_ ranges: [AddressRange<Value>]) {
    self.ranges = AddressRange.merged(sorted: ranges.sorted { $0.first < $1.first })
  }

  /// Wraps ranges already sorted, disjoint and non-adjacent.
  private init(normalized ranges: [AddressRange<Value>]) { self.ranges = ranges }

  /// Every address of the family.
  static var everything: AddressRangeSet { AddressRangeSet(normalized: [AddressRange(first: 0, last: Value.max)]) }

  /// Whether the set holds no address.
  var isEmpty: Bool { ranges.isEmpty }

  /// Whether the set holds `value`.
  func contains(_ value: Value) -> Bool {
    var low = 0
    var high = ranges.count
    while low < high {
      let middle = (low + high) / 2
      if ranges[middle].last < value { low = middle + 1 } else { high = middle }
    }
    return low < ranges.count && ranges[low].contains(value)
  }

  /// The addresses in either set.
  func union(_ other: AddressRangeSet) -> AddressRangeSet {
    guard !other.isEmpty else { return self }
    guard !isEmpty else { return other }
    var merged: [AddressRange<Value>] = []
    merged.reserveCapacity(ranges.count + other.ranges.count)
    var left = 0
    var right = 0
    while left < ranges.count || right < other.ranges.count {
      if right == other.ranges.count || (left < ranges.count && ranges[left].first <= other.ranges[right].first) {
        merged.append(ranges[left])
        left += 1
      } else {
        merged.append(other.ranges[right])
        right += 1
      }
    }
    return AddressRangeSet(normalized: AddressRange.merged(sorted: merged))
  }

  /// The addresses in both sets.
  func intersection(_ other: AddressRangeSet) -> AddressRangeSet {
    var result: [AddressRange<Value>] = []
    var left = 0
    var right = 0
    while left < ranges.count, right < other.ranges.count {
      let a = ranges[left]
      let b = other.ranges[right]
      let first = max(a.first, b.first)
      let last = min(a.last, b.last)
      if first <= last { result.append(AddressRange(first: first, last: last)) }
      if a.last < b.last { left += 1 } else { right += 1 }
    }
    return AddressRangeSet(normalized: result)
  }

  /// The addresses in this set and not in `other`.
  func subtracting(_ other: AddressRangeSet) -> AddressRangeSet {
    guard !other.isEmpty else { return self }
    var result: [AddressRange<Value>] = []
    var next = 0
    for range in ranges {
      while next < other.ranges.count, other.ranges[next].last < range.first { next += 1 }
      var start = range.first
      var covered = false
      var index = next
      while index < other.ranges.count, other.ranges[index].first <= range.last {
        let cut = other.ranges[index]
        if cut.first > start { result.append(AddressRange(first: start, last: cut.first - 1)) }
        if cut.last >= range.last {
          covered = true
          break
        }
        start = max(start, cut.last + 1)
        index += 1
      }
      if !covered { result.append(AddressRange(first: start, last: range.last)) }
    }
    return AddressRangeSet(normalized: result)
  }

  /// Calls `body` with each block (first address, prefix length) of the fewest aligned CIDR blocks
  /// that cover exactly the set, in address order: the cut `CIDRAggregator` makes.
  func forEachBlock(_ body: (Value, Int) -> Void) {
    for range in ranges { range.forEachBlock(body) }
  }
}
