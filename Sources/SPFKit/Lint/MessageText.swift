/// A finding's message or fix title, written as bytes and made a `String` once.
///
/// String interpolation appends piece by piece to a `String`, whose storage grows (a new
/// allocation and a copy) as the text outgrows it, and each append checks the string's form:
/// about 600 instructions a piece, measured with callgrind on `spfkit-bench lintonce`. Rules build
/// a message for nearly every record of a zone, so they write into this buffer instead. It owns its
/// memory alone, being noncopyable, so an append is a capacity check and a copy (an `Array` append
/// also asks the runtime whether its storage is shared).
struct MessageText: ~Copyable {
  private var base: UnsafeMutablePointer<UInt8>
  private var count = 0
  private var capacity: Int

  /// An empty text with room for `capacity` bytes before it grows.
  init(capacity: Int = 128) {
    self.capacity = max(capacity, 16)
    base = .allocate(capacity: self.capacity)
  }

  deinit { base.deallocate() }

  /// Appends bytes.
  mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
    if capacity - count < bytes.count { grow(toHold: bytes.count) }
    (base + count).initialize(from: source, count: bytes.count)
    count += bytes.count
  }

  private mutating func grow(toHold extra: Int) {
    var newCapacity = capacity * 2
    while newCapacity - count < extra { newCapacity *= 2 }
    let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
    grown.initialize(from: base, count: count)
    base.deallocate()
    base = grown
    capacity = newCapacity
  }

  /// Appends a literal.
  mutating func append(_ literal: StaticString) { literal.withUTF8Buffer { append($0) } }

  /// Appends a string.
  mutating func append(string text: String) {
    var text = text
    text.withUTF8 { append($0) }
  }

  /// Appends bytes as they are (record text that the caller quotes whole).
  mutating func append(_ text: ArraySlice<UInt8>) { text.withUnsafeBufferPointer { append($0) } }

  /// Appends record text as quoted in messages (`Excerpt`): printable ASCII as it is, anything else
  /// escaped and long text cut.
  mutating func append(excerpt text: ArraySlice<UInt8>, limit: Int = Excerpt.limit) {
    if text.count <= limit, Excerpt.isPrintableASCII(text) {
      append(text)
    } else {
      append(string: Excerpt.of(text, limit: limit))
    }
  }

  /// Appends record text in single quotes, as messages quote it: `'ip4:10.0.0.0/8'`.
  mutating func append(quoting text: ArraySlice<UInt8>) {
    append("'")
    append(excerpt: text)
    append("'")
  }

  /// Appends an integer in decimal.
  mutating func append(_ value: Int) {
    if value < 0 { append("-") }
    var magnitude = value.magnitude
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
      var start = digits.count
      repeat {
        start -= 1
        digits[start] = UInt8(truncatingIfNeeded: 0x30 &+ magnitude % 10)
        magnitude /= 10
      } while magnitude > 0
      append(UnsafeBufferPointer(rebasing: digits[start...]))
    }
  }

  /// The text (invalid UTF-8 from record bytes replaced with U+FFFD, as `String(decoding:)` does).
  var string: String { String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self) }
}
