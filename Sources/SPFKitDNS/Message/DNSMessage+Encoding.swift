import SPFKit

extension DNSMessage {
  /// The message in wire format (RFC 1035 §4.1), names uncompressed.
  ///
  /// - Throws: `DNSWireError` when a character-string is longer than 255 octets, or a section or
  ///   record data does not fit its 16-bit length.
  public func encoded() throws(DNSWireError) -> [UInt8] {
    var writer = DNSWireWriter()
    writer.append(id)
    writer.append(headerFlags)
    for count in [questions.count, answers.count, authorities.count, additionals.count] {
      guard let count = UInt16(exactly: count) else { throw DNSWireError(.tooLarge, at: writer.bytes.count) }
      writer.append(count)
    }
    for question in questions {
      writer.append(question.name)
      writer.append(question.type.rawValue)
      writer.append(question.recordClass)
    }
    for record in answers + authorities + additionals { try writer.append(record) }
    return writer.bytes
  }

  /// The second 16-bit word of the header: QR, OPCODE, AA, TC, RD, RA, Z, AD, CD, RCODE (RFC 1035 §4.1.1,
  /// RFC 4035 §3.2).
  var headerFlags: UInt16 {
    var flags = UInt16(opcode & 0x0F) << 11 | UInt16(responseCode & 0x0F)
    if isResponse { flags |= 0x8000 }
    if isAuthoritative { flags |= 0x0400 }
    if isTruncated { flags |= 0x0200 }
    if recursionDesired { flags |= 0x0100 }
    if recursionAvailable { flags |= 0x0080 }
    if authenticData { flags |= 0x0020 }
    if checkingDisabled { flags |= 0x0010 }
    return flags
  }
}

/// Appends wire-format fields to a byte buffer.
struct DNSWireWriter {
  private(set) var bytes: [UInt8] = []

  mutating func append(_ value: UInt16) {
    bytes.append(UInt8(value >> 8))
    bytes.append(UInt8(value & 0xFF))
  }

  mutating func append(_ value: UInt32) {
    append(UInt16(value >> 16))
    append(UInt16(value & 0xFFFF))
  }

  mutating func append(_ name: DNSName) {
    for label in name.labels {
      bytes.append(UInt8(label.count))
      bytes.append(contentsOf: label)
    }
    bytes.append(0)
  }

  mutating func append(_ record: DNSResourceRecord) throws(DNSWireError) {
    append(record.name)
    append(record.type.rawValue)
    append(record.recordClass)
    append(record.ttl)
    let lengthOffset = bytes.count
    append(UInt16(0))
    try append(record.data)
    guard let length = UInt16(exactly: bytes.count - lengthOffset - 2) else {
      throw DNSWireError(.tooLarge, at: lengthOffset)
    }
    bytes[lengthOffset] = UInt8(length >> 8)
    bytes[lengthOffset + 1] = UInt8(length & 0xFF)
  }

  private mutating func append(_ data: DNSResourceData) throws(DNSWireError) {
    switch data {
    case .a(let address):
      append(address.value)
    case .aaaa(let address):
      append(UInt32(truncatingIfNeeded: address.value >> 96))
      append(UInt32(truncatingIfNeeded: address.value >> 64))
      append(UInt32(truncatingIfNeeded: address.value >> 32))
      append(UInt32(truncatingIfNeeded: address.value))
    case .mx(let preference, let exchange):
      append(preference)
      append(exchange)
    case .txt(let strings):
      for string in strings {
        guard string.count <= CharacterString.maximumLength else { throw DNSWireError(.stringTooLong, at: bytes.count) }
        bytes.append(UInt8(string.count))
        bytes.append(contentsOf: string)
      }
    case .ptr(let name), .cname(let name):
      append(name)
    case .other(let raw):
      bytes.append(contentsOf: raw)
    }
  }
}
