/// A growable byte buffer that the renderers write one input's output into, millions of times on a
/// large zone: an append is a capacity check and a copy.
///
/// `Array<UInt8>.append` asks the runtime whether the array's storage is uniquely referenced on
/// every call (a call into the runtime each time), and a JSON finding is about a hundred appends.
/// This buffer owns its memory alone, being noncopyable, so it needs no such check.
struct OutputBytes: ~Copyable {
  private var base: UnsafeMutablePointer<UInt8>
  /// The bytes written.
  private(set) var count = 0
  private var capacity: Int

  /// An empty buffer with room for `capacity` bytes before it grows.
  init(capacity: Int = 1024) {
    self.capacity = max(capacity, 64)
    base = .allocate(capacity: self.capacity)
  }

  deinit { base.deallocate() }

  var isEmpty: Bool { count == 0 }

  /// Room for `extra` more bytes: where they go.
  @inline(__always)
  private mutating func reserve(_ extra: Int) -> UnsafeMutablePointer<UInt8> {
    if capacity &- count < extra { grow(toHold: extra) }
    return base + count
  }

  @inline(never)
  private mutating func grow(toHold extra: Int) {
    let needed = count + extra
    var newCapacity = capacity
    while newCapacity < needed { newCapacity *= 2 }
    let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
    grown.initialize(from: base, count: count)
    base.deallocate()
    base = grown
    capacity = newCapacity
  }

  /// Appends one byte.
  @inline(__always)
  mutating func append(_ byte: UInt8) {
    reserve(1).initialize(to: byte)
    count &+= 1
  }

  /// Appends bytes.
  @inline(__always)
  mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
    let target = reserve(bytes.count)
    if bytes.count <= 16 {
      Self.copySmall(from: source, to: target, count: bytes.count)
    } else {
      target.initialize(from: source, count: bytes.count)
    }
    count &+= bytes.count
  }

  /// Copies 1 to 16 bytes with two loads and two stores that may overlap, none outside either
  /// range: most appends are a key, a quote or a short value, for which a call to `memmove` costs
  /// more than the copy (the JSON writer's calls were about 1.5 % of the JSON zone's profile).
  @inline(__always)
  private static func copySmall(
    from source: UnsafePointer<UInt8>, to target: UnsafeMutablePointer<UInt8>, count: Int
  ) {
    let from = UnsafeRawPointer(source)
    let to = UnsafeMutableRawPointer(target)
    if count >= 8 {
      let head = from.loadUnaligned(as: UInt64.self)
      let tail = from.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self)
      to.storeBytes(of: head, as: UInt64.self)
      to.storeBytes(of: tail, toByteOffset: count &- 8, as: UInt64.self)
    } else if count >= 4 {
      let head = from.loadUnaligned(as: UInt32.self)
      let tail = from.loadUnaligned(fromByteOffset: count &- 4, as: UInt32.self)
      to.storeBytes(of: head, as: UInt32.self)
      to.storeBytes(of: tail, toByteOffset: count &- 4, as: UInt32.self)
    } else {
      for offset in 0..<count { target[offset] = source[offset] }
    }
  }

  /// Appends bytes.
  mutating func append(_ bytes: [UInt8]) { bytes.withUnsafeBufferPointer { append($0) } }

  /// Appends bytes.
  mutating func append(_ bytes: ArraySlice<UInt8>) { bytes.withUnsafeBufferPointer { append($0) } }

  /// Appends any bytes: at once when they are contiguous, else one by one.
  mutating func append(contentsOf more: some Collection<UInt8>) {
    let copied: Void? = more.withContiguousStorageIfAvailable { append($0) }
    guard copied == nil else { return }
    for byte in more { append(byte) }
  }

  /// Appends the UTF-8 bytes of a literal.
  @inline(__always)
  mutating func append(_ text: StaticString) { text.withUTF8Buffer { append($0) } }

  /// Appends the UTF-8 bytes of a string.
  mutating func append(utf8 text: String) {
    var text = text
    text.withUTF8 { append($0) }
  }

  /// Appends an integer in decimal.
  mutating func append(decimal value: Int) {
    let digits = reserve(20)
    var magnitude = value.magnitude
    var length = 0
    repeat {
      digits[length] = UInt8(truncatingIfNeeded: 0x30 &+ magnitude % 10)
      magnitude /= 10
      length &+= 1
    } while magnitude > 0
    if value < 0 {
      digits[length] = 0x2D
      length &+= 1
    }
    var written = UnsafeMutableBufferPointer(start: digits, count: length)
    written.reverse()
    count &+= length
  }

  /// Appends a copy of bytes already written, at `range` (within `0..<count`).
  mutating func append(copyOf range: Range<Int>) {
    precondition(range.lowerBound >= 0 && range.upperBound <= count, "range outside the bytes written")
    let length = range.count
    guard length > 0 else { return }
    // Reserve first: growing moves the bytes the range points at.
    let target = reserve(length)
    target.initialize(from: base + range.lowerBound, count: length)
    count &+= length
  }

  /// Appends `byte` `count` times.
  mutating func append(repeating byte: UInt8, count repeats: Int) {
    guard repeats > 0 else { return }
    reserve(repeats).initialize(repeating: byte, count: repeats)
    count &+= repeats
  }

  /// The bytes written.
  func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
    try body(UnsafeBufferPointer(start: base, count: count))
  }

  /// The bytes written, as an array.
  var array: [UInt8] { withBytes { Array($0) } }

  /// Empties the buffer, keeping its memory.
  mutating func removeAll() { count = 0 }

  /// The bytes written as an array, leaving the buffer empty with its memory.
  mutating func take() -> [UInt8] {
    defer { count = 0 }
    return array
  }
}
