/// A finding's message or fix title, written as bytes and made a `String` once.
///
/// String interpolation appends piece by piece to a `String`, whose storage grows (a new
/// allocation and a copy) as the text outgrows it, and each append checks the string's form:
/// about 600 instructions a piece, measured with callgrind on `spfkit-bench lintonce`. Rules build
/// a message for nearly every record of a zone, so they write into this buffer instead: an append
/// is a copy into reserved room.
struct MessageText {
  private var bytes: [UInt8] = []

  /// An empty text with room for `capacity` bytes before it grows.
  init(capacity: Int = 128) { bytes.reserveCapacity(capacity) }

  /// Appends a literal.
  mutating func append(_ literal: StaticString) {
    literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  /// Appends a string.
  mutating func append(_ text: String) {
    var text = text
    text.withUTF8 { bytes.append(contentsOf: $0) }
  }

  /// Appends bytes as they are (record text known to be printable, or cut by the caller).
  mutating func append(_ text: ArraySlice<UInt8>) { bytes.append(contentsOf: text) }

  /// Appends record text as quoted in messages (`Excerpt`): printable ASCII as it is, anything else
  /// escaped and long text cut.
  mutating func append(excerpt text: ArraySlice<UInt8>, limit: Int = Excerpt.limit) {
    if text.count <= limit, Excerpt.isPrintableASCII(text) {
      bytes.append(contentsOf: text)
    } else {
      append(Excerpt.of(text, limit: limit))
    }
  }

  /// Appends an integer in decimal.
  mutating func append(_ value: Int) {
    if value < 0 { bytes.append(0x2D) }
    var magnitude = value.magnitude
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
      var start = digits.count
      repeat {
        start -= 1
        digits[start] = UInt8(truncatingIfNeeded: 0x30 &+ magnitude % 10)
        magnitude /= 10
      } while magnitude > 0
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
    }
  }

  /// The text.
  var string: String { String(decoding: bytes, as: UTF8.self) }
}
