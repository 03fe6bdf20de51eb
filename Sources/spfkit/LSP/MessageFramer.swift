/// Splits a byte stream into JSON-RPC message bodies by their `Content-Length` header (LSP 3.17
/// "Base Protocol"), over bytes, never trusting the peer: a header block without a valid length
/// is dropped, a body over `maximumBodyLength` is skipped unread, and the framer carries on with
/// the next header block.
struct MessageFramer {
  /// What the next chunk of the stream holds.
  enum Frame: Equatable {
    /// One message body.
    case body([UInt8])
    /// Bytes that were not a message; the reason is for a log, the peer gets a parse error.
    case malformed(String)
  }

  /// The largest body read, in bytes: far above any zone file an editor holds open.
  static let maximumBodyLength = 64 << 20
  /// The longest header block kept while waiting for its end.
  static let maximumHeaderLength = 8192

  private var buffer: [UInt8] = []
  private var start = 0
  /// Body bytes still to drop after an oversized header.
  private var skipping = 0

  /// Adds bytes read from the stream.
  mutating func append(_ bytes: [UInt8]) {
    if start > 0, start == buffer.count {
      buffer.removeAll(keepingCapacity: true)
      start = 0
    }
    buffer += bytes
  }

  /// The next complete frame, or nil when more bytes are needed.
  mutating func next() -> Frame? {
    if skipping > 0 {
      let dropped = min(skipping, buffer.count - start)
      start += dropped
      skipping -= dropped
      if skipping > 0 { return nil }
    }
    guard let headerEnd = endOfHeaders() else {
      if buffer.count - start > Self.maximumHeaderLength {
        start = buffer.count
        return .malformed("a header block longer than \(Self.maximumHeaderLength) bytes")
      }
      return nil
    }
    let header = buffer[start..<headerEnd]
    guard let length = Self.contentLength(header) else {
      start = headerEnd + 4
      return .malformed("a header block without a valid Content-Length")
    }
    guard length <= Self.maximumBodyLength else {
      start = headerEnd + 4
      skipping = length
      return .malformed("a message of \(length) bytes, over the limit of \(Self.maximumBodyLength)")
    }
    let bodyStart = headerEnd + 4
    guard buffer.count - bodyStart >= length else { return nil }
    let body = Array(buffer[bodyStart..<(bodyStart + length)])
    start = bodyStart + length
    compact()
    return .body(body)
  }

  /// The index of the `\r\n\r\n` ending the header block at `start`.
  private func endOfHeaders() -> Int? {
    var index = start
    while index + 3 < buffer.count {
      if buffer[index] == 0x0D, buffer[index + 1] == 0x0A, buffer[index + 2] == 0x0D, buffer[index + 3] == 0x0A {
        return index
      }
      index += 1
    }
    return nil
  }

  /// Drops consumed bytes once they are most of the buffer, so memory follows what is pending.
  private mutating func compact() {
    if start > 1 << 16, start * 2 > buffer.count {
      buffer.removeFirst(start)
      start = 0
    }
  }

  /// The value of the `Content-Length` header (name in any case), decimal digits only, checked.
  static func contentLength(_ header: ArraySlice<UInt8>) -> Int? {
    let name = Array("content-length:".utf8)
    for line in header.split(separator: 0x0A) {
      var bytes = Array(line)
      if bytes.last == 0x0D { bytes.removeLast() }
      guard bytes.count > name.count,
        zip(bytes, name).allSatisfy({ ($0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0) == $1 })
      else { continue }
      let digits = bytes.dropFirst(name.count).drop { $0 == 0x20 || $0 == 0x09 }
      var value = 0
      for byte in digits {
        guard byte >= 0x30, byte <= 0x39 else { return byte == 0x20 || byte == 0x09 ? value : nil }
        let (times, overflow) = value.multipliedReportingOverflow(by: 10)
        let (sum, overflow2) = times.addingReportingOverflow(Int(byte - 0x30))
        guard !overflow, !overflow2 else { return nil }
        value = sum
      }
      return digits.isEmpty ? nil : value
    }
    return nil
  }
}
