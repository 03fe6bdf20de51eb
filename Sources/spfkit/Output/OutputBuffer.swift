#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Bytes on their way to a file descriptor: appended in memory and written in one large `write`
/// when the buffer fills and at `flush()`, so a run with millions of findings makes a few thousand
/// system calls, not millions.
///
/// A failed write (a closed pipe, a full disk) is remembered in `writeError` and later output is
/// dropped: the caller decides at the end whether the output is complete.
final class OutputBuffer {
  /// Where the bytes go.
  let descriptor: Int32
  /// Bytes held before a write; a write happens as soon as this many are waiting.
  let capacity: Int
  /// The `errno` of the first failed write, if any.
  private(set) var writeError: Int32?
  private var bytes: OutputBytes

  /// A buffer for `descriptor`, written whenever `capacity` bytes are waiting (default 256 KiB).
  init(descriptor: Int32, capacity: Int = 1 << 18) {
    self.descriptor = descriptor
    self.capacity = capacity
    bytes = OutputBytes(capacity: capacity + 4096)
  }

  /// Appends one byte.
  @inline(__always) func append(_ byte: UInt8) {
    bytes.append(byte)
    if bytes.count >= capacity { flush() }
  }

  /// Appends bytes.
  func append(_ more: some Collection<UInt8>) {
    bytes.append(contentsOf: more)
    if bytes.count >= capacity { flush() }
  }

  /// Appends what a renderer wrote.
  func append(_ more: borrowing OutputBytes) {
    more.withBytes { bytes.append($0) }
    if bytes.count >= capacity { flush() }
  }

  /// Appends the UTF-8 bytes of a string.
  func append(_ text: String) {
    bytes.append(utf8: text)
    if bytes.count >= capacity { flush() }
  }

  /// Appends the UTF-8 bytes of a literal.
  func append(_ text: StaticString) {
    bytes.append(text)
    if bytes.count >= capacity { flush() }
  }

  /// Appends an integer in decimal.
  func append(decimal value: Int) {
    bytes.append(decimal: value)
    if bytes.count >= capacity { flush() }
  }

  /// Writes everything waiting, retrying short and interrupted writes.
  func flush() {
    defer { bytes.removeAll() }
    guard writeError == nil else { return }
    bytes.withBytes { waiting in
      var offset = 0
      while offset < waiting.count, let base = waiting.baseAddress {
        let written = write(descriptor, base + offset, waiting.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          writeError = errno
          return
        }
        offset += written
      }
    }
  }

  deinit { flush() }
}
