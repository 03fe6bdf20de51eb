#if canImport(Glibc)
  import Glibc
#endif

/// Reads a file descriptor in 64 KiB chunks and hands out lines without the newline.
struct ChunkReader {
  private let descriptor: Int32
  private var buffer: [UInt8] = []
  private var start = 0
  private var atEnd = false

  init(descriptor: Int32) { self.descriptor = descriptor }

  /// The next line, or nil at the end of input; a last line without a newline is returned too.
  mutating func nextLine() -> [UInt8]? {
    var searchFrom = start
    while true {
      if let newline = buffer[searchFrom...].firstIndex(of: 0x0A) {
        let line = Array(buffer[start..<newline])
        start = newline + 1
        return line
      }
      searchFrom = buffer.count
      if atEnd {
        guard start < buffer.count else { return nil }
        let line = Array(buffer[start...])
        start = buffer.count
        return line
      }
      if start > 0 {
        buffer.removeFirst(start)
        searchFrom -= start
        start = 0
      }
      fill()
    }
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
    if count <= 0 {
      atEnd = true
    } else {
      buffer.append(contentsOf: chunk[..<count])
    }
  }
}
