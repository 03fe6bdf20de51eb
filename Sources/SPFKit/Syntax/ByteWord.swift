/// Tests on eight bytes at once, for scans that load a word of text and look closer only when one
/// of its bytes needs it (the parser's printable check, the zone lexer's quoted strings, the CLI's
/// JSON escaping). Each answer is exact, not a guess: `x - 0x01…` borrows into a byte's top bit,
/// where `~x` keeps it, only if some byte of `x` is 0, or below `n` for `x - n…` with `n` at most
/// 0x80 (a borrow reaches higher bytes only from such a byte below them).
///
/// Public only to the package's own targets, through `@_spi(ByteScan) import SPFKit`: inlined across
/// modules (a `package` function is not, and a call per eight bytes would cost what the scan saves).
@_spi(ByteScan) public enum ByteWord {
  /// Whether any byte of `word` is `byte`.
  @inlinable @inline(__always)
  public static func contains(_ byte: UInt8, in word: UInt64) -> Bool {
    let other = word ^ (0x0101_0101_0101_0101 &* UInt64(byte))
    return (other &- 0x0101_0101_0101_0101) & ~other & 0x8080_8080_8080_8080 != 0
  }

  /// Whether any byte of `word` is below `bound`, which is at most 0x80.
  @inlinable @inline(__always)
  public static func containsByte(below bound: UInt8, in word: UInt64) -> Bool {
    (word &- 0x0101_0101_0101_0101 &* UInt64(bound)) & ~word & 0x8080_8080_8080_8080 != 0
  }

  /// The top bit of each byte of `word` that is `byte`, and no other bit: exact, as each byte is
  /// tested alone (a sum that cannot carry into the next byte), so the lowest set bit marks the first
  /// match of a little-endian load.
  @inlinable @inline(__always)
  public static func matches(_ byte: UInt8, in word: UInt64) -> UInt64 {
    let other = word ^ (0x0101_0101_0101_0101 &* UInt64(byte))
    let low = 0x7F7F_7F7F_7F7F_7F7F as UInt64
    // A byte's top bit ends set when any of its bits is: clear only for a byte equal to `byte`.
    return ~(((other & low) &+ low) | other) & 0x8080_8080_8080_8080
  }

  /// Whether any byte of `word` is 0x80 or above: not ASCII.
  @inlinable @inline(__always)
  public static func containsNonASCII(_ word: UInt64) -> Bool { word & 0x8080_8080_8080_8080 != 0 }
}
