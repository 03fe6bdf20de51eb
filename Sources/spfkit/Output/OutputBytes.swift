#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

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

  /// The bytes written, leaving the buffer empty with room for as many.
  ///
  /// A buffer at least half full hands its memory over and allocates anew, so a piece of a chunk's
  /// output reaches the output file without being copied in between (the copy into an array was
  /// 1.7 % of `lint --zone --format json`'s profile); a buffer mostly empty gives a copy of exactly
  /// its bytes, so a small piece does not hold a large allocation while it waits to be written.
  mutating func takeRendered() -> RenderedBytes {
    defer { count = 0 }
    guard count &* 2 >= capacity else { return withBytes { RenderedBytes(copying: $0) } }
    let taken = RenderedBytes(taking: base, count: count)
    base = .allocate(capacity: capacity)
    return taken
  }
}

/// Bytes a renderer wrote, owned alone and never changed (`OutputBytes.takeRendered()`): a piece of
/// output made on a worker thread and written, in input order, on another.
final class RenderedBytes: RandomAccessCollection, @unchecked Sendable {  // immutable after init
  private let base: UnsafeMutablePointer<UInt8>
  let count: Int

  /// Takes over `count` initialized bytes at `base`, allocated by `UnsafeMutablePointer.allocate`.
  fileprivate init(taking base: UnsafeMutablePointer<UInt8>, count: Int) {
    self.base = base
    self.count = count
  }

  /// A copy of `bytes`.
  convenience init(copying bytes: UnsafeBufferPointer<UInt8>) {
    self.init(taking: Self.copy(bytes), count: bytes.count)
  }

  /// A copy of `bytes`.
  convenience init(_ bytes: [UInt8]) {
    self.init(taking: bytes.withUnsafeBufferPointer(Self.copy), count: bytes.count)
  }

  private static func copy(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
    let copy = UnsafeMutablePointer<UInt8>.allocate(capacity: Swift.max(bytes.count, 1))
    if let source = bytes.baseAddress { copy.initialize(from: source, count: bytes.count) }
    return copy
  }

  /// Reads `count` bytes from `file`, or nil when fewer can be read.
  static func read(_ count: Int, from file: UnsafeMutablePointer<FILE>) -> RenderedBytes? {
    let bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: Swift.max(count, 1))
    guard count == 0 || fread(bytes, 1, count, file) == count else {
      bytes.deallocate()
      return nil
    }
    return RenderedBytes(taking: bytes, count: count)
  }

  deinit { base.deallocate() }

  var startIndex: Int { 0 }
  var endIndex: Int { count }
  subscript(position: Int) -> UInt8 {
    precondition(position >= 0 && position < count, "index out of range")
    return base[position]
  }

  /// The bytes.
  func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
    try body(UnsafeBufferPointer(start: base, count: count))
  }

  func withContiguousStorageIfAvailable<Result>(
    _ body: (UnsafeBufferPointer<UInt8>) throws -> Result
  ) rethrows -> Result? {
    try withBytes(body)
  }
}
