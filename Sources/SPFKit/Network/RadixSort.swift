/// A least-significant-digit radix sort of 64-bit keys by their high 32 bits.
///
/// IPv4 aggregation packs each network as `first << 32 | last` and needs the keys in order of
/// `first` only: two passes of 16 bits sort a million keys in a few milliseconds, several times
/// faster than a comparison sort. Keys with equal high words keep their input order.
enum RadixSort {
  /// Below this many keys the standard library's sort is as fast and needs no buffer.
  static let threshold = 256

  /// Sorts `keys` by `key >> 32`.
  static func sortByHighWord(_ keys: inout [UInt64]) {
    guard keys.count >= threshold else {
      keys.sort { $0 >> 32 < $1 >> 32 }
      return
    }
    var buffer = [UInt64](repeating: 0, count: keys.count)
    pass(from: &keys, to: &buffer, shift: 32)
    pass(from: &buffer, to: &keys, shift: 48)
  }

  /// One stable counting pass over the 16-bit digit at `shift`.
  private static func pass(from source: inout [UInt64], to target: inout [UInt64], shift: UInt64) {
    var offsets = [Int](repeating: 0, count: 1 << 16)
    source.withUnsafeBufferPointer { keys in
      offsets.withUnsafeMutableBufferPointer { offsets in
        for key in keys { offsets[Int(truncatingIfNeeded: key >> shift & 0xFFFF)] &+= 1 }
        var total = 0
        for digit in 0..<offsets.count {
          let count = offsets[digit]
          offsets[digit] = total
          total &+= count
        }
      }
    }
    source.withUnsafeBufferPointer { keys in
      target.withUnsafeMutableBufferPointer { target in
        offsets.withUnsafeMutableBufferPointer { offsets in
          for key in keys {
            let digit = Int(truncatingIfNeeded: key >> shift & 0xFFFF)
            target[offsets[digit]] = key
            offsets[digit] &+= 1
          }
        }
      }
    }
  }
}
