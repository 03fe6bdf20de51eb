/// An inclusive range of addresses as integers (`UInt32` for IPv4, `UInt128` for IPv6): the unit
/// of CIDR aggregation, which merges sorted ranges and cuts each back into aligned blocks.
struct AddressRange<Value: FixedWidthInteger & UnsignedInteger & Sendable>: Hashable, Sendable {
  /// The first address.
  var first: Value
  /// The last address, at least `first`.
  var last: Value

  /// The range of the block `first/prefixLength`; host bits of `first` are cleared.
  init(block first: Value, prefixLength: Int) {
    let mask = AddressRange.mask(prefixLength)
    self.first = first & mask
    self.last = first | ~mask
  }

  /// Creates a range; the caller guarantees `first <= last`.
  init(first: Value, last: Value) {
    self.first = first
    self.last = last
  }

  /// The mask of a prefix length (0...bitWidth; out-of-range lengths are clamped).
  static func mask(_ prefixLength: Int) -> Value {
    let length = min(max(prefixLength, 0), Value.bitWidth)
    return length == 0 ? 0 : Value.max << Value(Value.bitWidth - length)
  }

  /// How many addresses the range holds, as a `UInt128` (2^128 saturates to `UInt128.max`).
  var count: UInt128 {
    let span = UInt128(last - first)
    return span == UInt128.max ? span : span + 1
  }

  /// Whether the range holds `value`.
  func contains(_ value: Value) -> Bool { first <= value && value <= last }

  /// Calls `body` with each block (first address, prefix length) of the fewest aligned CIDR blocks
  /// that cover exactly this range, in address order.
  ///
  /// Each step takes the largest block that starts at the current address: limited by the
  /// alignment of the address (its trailing zero bits) and by how many addresses remain.
  @inline(__always)
  func forEachBlock(_ body: (Value, Int) -> Void) {
    let width = Value.bitWidth
    var start = first
    while true {
      let span = last &- start
      let sizeBits = span == Value.max ? width : width &- 1 &- (span &+ 1).leadingZeroBitCount
      let alignBits = start == 0 ? width : start.trailingZeroBitCount
      let bits = min(sizeBits, alignBits)
      body(start, width &- bits)
      let blockLast = bits == width ? Value.max : start | ((1 << Value(bits)) &- 1)
      if blockLast >= last { return }
      start = blockLast &+ 1
    }
  }

  /// Merges ranges sorted by `first` into disjoint, non-adjacent ranges in address order.
  static func merged(sorted ranges: [AddressRange]) -> [AddressRange] {
    var result: [AddressRange] = []
    guard var current = ranges.first else { return result }
    for range in ranges.dropFirst() {
      if current.last == Value.max || range.first <= current.last &+ 1 {
        current.last = max(current.last, range.last)
      } else {
        result.append(current)
        current = range
      }
    }
    result.append(current)
    return result
  }

  /// The indices of the first pair of ranges, one from each list, that share an address; both lists
  /// disjoint and in address order.
  static func firstOverlap(_ lhs: [AddressRange], _ rhs: [AddressRange]) -> (Int, Int)? {
    var left = 0
    var right = 0
    while left < lhs.count, right < rhs.count {
      let a = lhs[left]
      let b = rhs[right]
      if a.first <= b.last && b.first <= a.last { return (left, right) }
      if a.last < b.last { left += 1 } else { right += 1 }
    }
    return nil
  }
}
