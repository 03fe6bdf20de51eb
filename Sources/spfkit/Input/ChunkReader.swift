#if canImport(Glibc)
  import Glibc
#endif

/// Reads a file descriptor in 64 KiB chunks and hands out lines without the newline.
///
/// Memory stays bounded on any input: a line longer than `maximumLineLength` is handed out cut to
/// its first `maximumLineLength + 1` bytes (so the caller sees it is too long) and the rest of it is
/// skipped up to the next newline. A failed read ends the input; `takeReadError()` tells it once.
struct ChunkReader {
  /// The longest line handed out whole.
  let maximumLineLength: Int
  /// `errno` of the read(2) that failed and ended the input, until taken.
  private var readError: Int32?

  private let descriptor: Int32
  private var buffer: [UInt8] = []
  private var start = 0
  private var atEnd = false
  /// True while the rest of an over-long line is being skipped.
  private var skippingLongLine = false

  init(descriptor: Int32, maximumLineLength: Int) {
    self.descriptor = descriptor
    self.maximumLineLength = maximumLineLength
  }

  /// The next line, or nil at the end of input; a last line without a newline is returned too.
  mutating func nextLine() -> [UInt8]? {
    var searchFrom = start
    while true {
      if let newline = Self.firstNewline(in: buffer, from: searchFrom) {
        let lineStart = start
        start = newline + 1
        if skippingLongLine {
          skippingLongLine = false
          searchFrom = start
          continue
        }
        return Array(buffer[lineStart..<min(newline, lineStart + maximumLineLength + 1)])
      }
      if !skippingLongLine && buffer.count - start > maximumLineLength {
        // Hand out the beginning now, drop the rest as it comes: a file without newlines stays cheap.
        let line = Array(buffer[start...(start + maximumLineLength)])
        start = buffer.count
        skippingLongLine = true
        return line
      }
      if skippingLongLine { start = buffer.count }
      if atEnd {
        guard start < buffer.count else { return nil }
        let line = Array(buffer[start...])
        start = buffer.count
        return line
      }
      buffer.removeFirst(start)
      start = 0
      searchFrom = buffer.count
      fill()
    }
  }

  /// The index of the first newline at or after `start`: `memchr`, where the slice's generic
  /// `firstIndex(of:)` went a byte at a time (1 % of `lint -`'s profile, on the reading thread).
  static func firstNewline(in bytes: [UInt8], from start: Int) -> Int? {
    bytes.withUnsafeBufferPointer { buffer in
      guard start >= 0, start < buffer.count, let base = buffer.baseAddress,
        let found = memchr(base + start, 0x0A, buffer.count - start)
      else { return nil }
      return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
    }
  }

  /// The `errno` of the failed read that ended the input, once; nil when the input simply ended.
  mutating func takeReadError() -> Int32? {
    defer { readError = nil }
    return readError
  }

  private mutating func fill() {
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    let count = chunk.withUnsafeMutableBytes { raw -> Int in
      while true {
        let result = read(descriptor, raw.baseAddress, raw.count)
        if result < 0, errno == EINTR { continue }
        return result
      }
    }
    if count < 0 { readError = errno }
    if count <= 0 {
      atEnd = true
    } else {
      buffer.append(contentsOf: chunk[..<count])
    }
  }
}
