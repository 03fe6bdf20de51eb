/// A bounds-checked cursor over one whole DNS message: every read checks the remaining length, and
/// names follow compression pointers (RFC 1035 §4.1.4) only strictly backwards, so no input can make
/// it trap or loop.
struct DNSWireReader {
  /// The whole message; compression pointers are offsets into it.
  let bytes: [UInt8]
  /// The offset of the next byte to read.
  var offset: Int

  init(_ bytes: [UInt8], offset: Int = 0) {
    self.bytes = bytes
    self.offset = offset
  }

  /// How many bytes are left to read.
  var remaining: Int { bytes.count - offset }

  mutating func readUInt8() throws(DNSWireError) -> UInt8 {
    guard offset < bytes.count else { throw DNSWireError(.truncated, at: offset) }
    defer { offset += 1 }
    return bytes[offset]
  }

  mutating func readUInt16() throws(DNSWireError) -> UInt16 {
    guard remaining >= 2 else { throw DNSWireError(.truncated, at: offset) }
    defer { offset += 2 }
    return UInt16(bytes[offset]) << 8 | UInt16(bytes[offset + 1])
  }

  mutating func readUInt32() throws(DNSWireError) -> UInt32 {
    let high = try readUInt16()
    return UInt32(high) << 16 | UInt32(try readUInt16())
  }

  mutating func readBytes(_ count: Int) throws(DNSWireError) -> [UInt8] {
    guard count >= 0, remaining >= count else { throw DNSWireError(.truncated, at: offset) }
    defer { offset += count }
    return Array(bytes[offset..<offset + count])
  }

  /// Reads a possibly compressed name and moves past it (past the first pointer, if any).
  ///
  /// Each pointer must point before the start of the name segment being read, so the positions
  /// visited strictly decrease: loops and forward pointers are errors, never endless reads.
  mutating func readName() throws(DNSWireError) -> DNSName {
    var labels: [[UInt8]] = []
    var wireLength = 1
    var position = offset
    var segmentStart = offset
    var jumped = false
    while true {
      guard position < bytes.count else { throw DNSWireError(.truncated, at: position) }
      let length = Int(bytes[position])
      switch length >> 6 {
      case 0:
        if length == 0 {
          if !jumped { offset = position + 1 }
          return DNSName(uncheckedLabels: labels)
        }
        guard bytes.count - position - 1 >= length else { throw DNSWireError(.truncated, at: position) }
        wireLength += 1 + length
        guard wireLength <= DNSName.maximumWireLength else { throw DNSWireError(.nameTooLong, at: position) }
        labels.append(Array(bytes[(position + 1)...(position + length)]))
        position += 1 + length
      case 3:
        guard position + 1 < bytes.count else { throw DNSWireError(.truncated, at: position) }
        let target = (length & 0x3F) << 8 | Int(bytes[position + 1])
        guard target < bytes.count else { throw DNSWireError(.pointerOutOfRange, at: position) }
        guard target < segmentStart else {
          throw DNSWireError(target > position ? .pointerForward : .compressionLoop, at: position)
        }
        if !jumped { offset = position + 2 }
        jumped = true
        segmentStart = target
        position = target
      default:
        throw DNSWireError(.unknownLabelType, at: position)
      }
    }
  }

  /// Reads character-strings (RFC 1035 §3.3) until `end`; each must end at or before it.
  mutating func readCharacterStrings(until end: Int) throws(DNSWireError) -> [[UInt8]] {
    var strings: [[UInt8]] = []
    while offset < end {
      let length = Int(try readUInt8())
      guard end - offset >= length else { throw DNSWireError(.truncated, at: offset - 1) }
      strings.append(try readBytes(length))
    }
    return strings
  }
}
