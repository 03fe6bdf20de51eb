/// Appending text to a byte array without building strings: what the writers use on the
/// per-finding path. The writers fill a local array for one input and hand it to the
/// `OutputBuffer` in one append; a local array has no dynamic exclusivity checks, a class's
/// stored property has one per access.
extension Array where Element == UInt8 {
  /// Appends the UTF-8 bytes of a string.
  mutating func append(utf8 text: String) {
    var text = text
    text.withUTF8 { append(contentsOf: $0) }
  }

  /// Appends the UTF-8 bytes of a literal.
  mutating func append(_ text: StaticString) {
    text.withUTF8Buffer { append(contentsOf: $0) }
  }

  /// Appends an integer in decimal.
  mutating func append(decimal value: Int) {
    if value < 0 { append(0x2D) }
    var magnitude = value.magnitude
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
      var start = digits.count
      repeat {
        start -= 1
        digits[start] = UInt8(truncatingIfNeeded: 0x30 &+ magnitude % 10)
        magnitude /= 10
      } while magnitude > 0
      append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
    }
  }

  /// Appends `byte` `count` times.
  mutating func append(repeating byte: UInt8, count: Int) {
    guard count > 0 else { return }
    append(contentsOf: repeatElement(byte, count: count))
  }
}
