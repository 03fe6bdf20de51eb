@_spi(ByteScan) import SPFKit

/// A RECORD argument or input line: raw text, or TXT presentation format when it starts with `"`.
enum RecordArgument {
  /// Reads one record from the bytes of an argument or line.
  ///
  /// - Parameters:
  ///   - line: the 1-based line the text came from, carried into the strings' origins.
  /// - Throws: `PresentationSyntaxError` for malformed presentation format.
  static func parse(_ bytes: [UInt8], line: Int = 1) throws(PresentationSyntaxError) -> TXTRecord {
    if bytes.first == 0x22 { return try TXTRecord.parsePresentation(bytes, line: line) }
    return TXTRecord(strings: [CharacterString(bytes: bytes, origin: SourceOrigin(line: line, column: 1))])
  }
}

/// The records of a bulk input stream: one record per line; blank lines and lines starting with `#` are skipped.
struct LineRecords: Sequence, IteratorProtocol {
  /// One line: its number and record, or the syntax error found in it.
  struct Line {
    let number: Int
    let result: Result<TXTRecord, PresentationSyntaxError>
  }

  /// The longest line accepted, in bytes: far above any DNS TXT record (65,535 octets).
  static let maximumLineLength = 16 << 20

  private var reader: ChunkReader
  private var number = 0

  init(descriptor: Int32) {
    // One byte more than the longest line, for the CR a line may end in (removed before the check).
    reader = ChunkReader(descriptor: descriptor, maximumLineLength: LineRecords.maximumLineLength + 1)
  }

  mutating func next() -> Line? { nextLine() ?? readErrorLine() }

  /// A failed read ends the input with an error on the line it stopped at, never as a clean end.
  private mutating func readErrorLine() -> Line? {
    guard let code = reader.takeReadError() else { return nil }
    return Line(
      number: number + 1,
      result: .failure(PresentationSyntaxError("cannot read: \(SystemError.reason(code))", column: 1)))
  }

  private mutating func nextLine() -> Line? {
    while let raw = reader.nextLine() {
      number += 1
      var bytes = raw
      if bytes.last == 0x0D { bytes.removeLast() }
      guard bytes.count <= LineRecords.maximumLineLength else {
        return Line(
          number: number,
          result: .failure(
            PresentationSyntaxError(
              "line is longer than \(LineRecords.maximumLineLength >> 20) MiB", column: 1)))
      }
      guard let first = bytes.first(where: { $0 != 0x20 && $0 != 0x09 }), first != 0x23 else { continue }
      if let binary = LineRecords.binaryData(in: bytes) { return Line(number: number, result: .failure(binary)) }
      do {
        return Line(number: number, result: .success(try RecordArgument.parse(bytes, line: number)))
      } catch {
        return Line(number: number, result: .failure(error))
      }
    }
    return nil
  }

  /// The first NUL byte or invalid UTF-8 sequence of a line, as an error at its column: such a line is
  /// binary data, not a record to lint (`--zone` rejects the same bytes).
  static func binaryData(in bytes: [UInt8]) -> PresentationSyntaxError? {
    // Almost every line is ASCII without NUL: one scan, eight bytes at a time, decides that.
    guard mayHoldBinaryData(bytes) else { return nil }
    var decoder = UTF8()
    var iterator = bytes.makeIterator()
    var offset = 0
    while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar) where scalar.value == 0:
        return PresentationSyntaxError("binary data: NUL byte", column: offset + 1)
      case .scalarValue(let scalar):
        offset += UTF8.width(scalar)
      case .error:
        let byte = String(bytes[offset], radix: 16, uppercase: true)
        return PresentationSyntaxError("binary data: invalid UTF-8 byte 0x\(byte)", column: offset + 1)
      case .emptyInput:
        return nil
      }
    }
  }

  /// Whether `bytes` hold a NUL or a byte of 0x80 or above, eight bytes at a time (`ByteWord`).
  static func mayHoldBinaryData(_ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return false }
      let raw = UnsafeRawPointer(base)
      var offset = 0
      while offset &+ 8 <= buffer.count {
        let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        if ByteWord.containsNonASCII(word) || ByteWord.contains(0, in: word) { return true }
        offset &+= 8
      }
      while offset < buffer.count {
        if buffer[offset] == 0 || buffer[offset] >= 0x80 { return true }
        offset &+= 1
      }
      return false
    }
  }
}
