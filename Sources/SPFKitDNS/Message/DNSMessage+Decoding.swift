import SPFKit

extension DNSMessage {
  /// The smallest question on the wire: the root name and two 16-bit fields.
  static let minimumQuestionLength = 5
  /// The smallest resource record on the wire: the root name, four fields and an empty RDATA.
  static let minimumRecordLength = 11

  /// Reads a message from wire bytes (RFC 1035 §4.1), following compressed names (§4.1.4).
  ///
  /// Every count is checked against the bytes left before anything is allocated, so hostile counts,
  /// pointers and lengths end in a `DNSWireError`, never a trap. Bytes after the last record are ignored.
  public init(decoding bytes: [UInt8]) throws(DNSWireError) {
    var reader = DNSWireReader(bytes)
    self.init(id: try reader.readUInt16())
    setHeaderFlags(try reader.readUInt16())
    let questionCount = Int(try reader.readUInt16())
    let recordCounts = [Int(try reader.readUInt16()), Int(try reader.readUInt16()), Int(try reader.readUInt16())]
    if questionCount * DNSMessage.minimumQuestionLength
      + recordCounts.reduce(0, +) * DNSMessage.minimumRecordLength > reader.remaining
    {
      throw DNSWireError(.countExceedsData, at: 4)
    }
    questions.reserveCapacity(questionCount)
    for _ in 0..<questionCount {
      let name = try reader.readName()
      let type = DNSType(rawValue: try reader.readUInt16())
      questions.append(Question(name: name, type: type, recordClass: try reader.readUInt16()))
    }
    answers = try DNSMessage.readRecords(recordCounts[0], from: &reader)
    authorities = try DNSMessage.readRecords(recordCounts[1], from: &reader)
    additionals = try DNSMessage.readRecords(recordCounts[2], from: &reader)
  }

  private mutating func setHeaderFlags(_ flags: UInt16) {
    isResponse = flags & 0x8000 != 0
    opcode = UInt8(flags >> 11 & 0x0F)
    isAuthoritative = flags & 0x0400 != 0
    isTruncated = flags & 0x0200 != 0
    recursionDesired = flags & 0x0100 != 0
    recursionAvailable = flags & 0x0080 != 0
    authenticData = flags & 0x0020 != 0
    checkingDisabled = flags & 0x0010 != 0
    responseCode = UInt8(flags & 0x0F)
  }

  private static func readRecords(_ count: Int, from reader: inout DNSWireReader) throws(DNSWireError)
    -> [DNSResourceRecord]
  {
    var records: [DNSResourceRecord] = []
    records.reserveCapacity(count)
    for _ in 0..<count { records.append(try readRecord(from: &reader)) }
    return records
  }

  private static func readRecord(from reader: inout DNSWireReader) throws(DNSWireError) -> DNSResourceRecord {
    let name = try reader.readName()
    let type = DNSType(rawValue: try reader.readUInt16())
    let recordClass = try reader.readUInt16()
    let ttl = try reader.readUInt32()
    let lengthOffset = reader.offset
    let length = Int(try reader.readUInt16())
    guard reader.remaining >= length else { throw DNSWireError(.truncated, at: lengthOffset) }
    let end = reader.offset + length
    let data = try readData(type: type, until: end, from: &reader)
    guard reader.offset == end else { throw DNSWireError(.badRecordData(type: type.rawValue), at: lengthOffset) }
    return DNSResourceRecord(name: name, type: type, recordClass: recordClass, ttl: ttl, data: data)
  }

  /// Reads RDATA of `type` that ends at `end`; the caller checks that the reading ended there.
  private static func readData(type: DNSType, until end: Int, from reader: inout DNSWireReader)
    throws(DNSWireError) -> DNSResourceData
  {
    let start = reader.offset
    let badData = DNSWireError(.badRecordData(type: type.rawValue), at: start)
    switch type {
    case .a:
      guard end - start == 4 else { throw badData }
      return .a(IPv4Address(try reader.readUInt32()))
    case .aaaa:
      guard end - start == 16 else { throw badData }
      var value: UInt128 = 0
      for _ in 0..<4 { value = value << 32 | UInt128(try reader.readUInt32()) }
      return .aaaa(IPv6Address(value))
    case .mx:
      guard end - start >= 3 else { throw badData }
      let preference = try reader.readUInt16()
      return .mx(preference: preference, exchange: try reader.readName())
    case .txt, .spf:
      guard end > start else { throw badData }
      return .txt(try reader.readCharacterStrings(until: end))
    case .ptr:
      return .ptr(try reader.readName())
    case .cname:
      return .cname(try reader.readName())
    default:
      return .other(try reader.readBytes(end - start))
    }
  }
}
