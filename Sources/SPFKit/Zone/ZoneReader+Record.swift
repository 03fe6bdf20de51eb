/// Resource-record lines: `[owner] [TTL] [class] type data` (RFC 1035 §5.1), TTL and class in either order.
extension ZoneReader {
  /// The header of a record: everything before its data.
  private struct Header {
    var ttl: UInt32?
    var typeCode: UInt16 = 0
    var typeLocation = SourceLocation(line: 1, column: 1)
    var typeLength = 0
  }

  /// Reads one record whose first token is `first`: true for TXT or SPF (the record is then in
  /// `readRecord`, or only its owner's key in `ownerKey`), false for a record of another type, skipped.
  mutating func record(startingWith first: ZoneToken) throws(ZoneReadError) -> Bool {
    let start = current.lexer.location
    let firstColumn = first == .quoted ? start.column - 1 : start.column
    let ownerLocation: SourceLocation
    var token = first
    if firstColumn == 1 {
      guard first == .word else {
        throw current.error(
          at: SourceLocation(line: start.line, column: 1), "expected an owner name, found a quoted string")
      }
      if requiresUTF8Names { try checkUTF8(current.lexer.textBytes, at: start) }
      do {
        try current.setOwnerFromWord()
      } catch {
        throw current.error(error, in: start)
      }
      ownerLocation = start
      token = try current.lexer.next()
    } else {
      guard current.owner.isSet else {
        throw current.error(
          at: start, "no owner name to repeat: the first record of '\(current.name)' starts with a blank")
      }
      ownerLocation = SourceLocation(line: start.line, column: 1)
    }
    let header = try readHeader(token)
    let type: ZoneRecord.RecordType
    switch header.typeCode {
    case 16: type = .txt
    case 99: type = .spf
    default:
      if collectsAddressData, try collectAddressData(typeCode: header.typeCode) { return false }
      try current.lexer.skipLine()
      return false
    }
    let txt = try readTXTData(typeLocation: header.typeLocation)
    if keepsOwnerKeyOnly {
      // A first pass: the record is checked, its owner told apart by key, nothing else kept.
      ownerKey = current.owner.key
      return true
    }
    readRecord = ZoneRecord(
      owner: current.owner.name(), ownerLocation: ownerLocation, ttl: header.ttl, recordClass: zoneClass,
      type: type, typeLocation: header.typeLocation, typeLength: header.typeLength, txt: txt, file: current.name,
      line: start.line, suppressedCodes: suppressedCodes(recordLine: start.line))
    return true
  }

  /// Reads TTL and class (either order, each optional) and the type, starting at `first`.
  private mutating func readHeader(_ first: ZoneToken) throws(ZoneReadError) -> Header {
    var header = Header()
    var token = first
    var explicitTTL: UInt32?
    var sawClass = false
    while true {
      let location = current.lexer.location
      switch token {
      case .lineEnd, .end:
        throw current.error(at: current.lexer.location, "missing record type")
      case .quoted:
        throw current.error(
          at: SourceLocation(line: location.line, column: location.column - 1),
          "expected a record type, found a quoted string")
      case .word:
        // Lent bytes: used before the lexer reads on.
        let word = current.lexer.textBytes
        let startsWithDigit = word.first.map { $0 >= 0x30 && $0 <= 0x39 } ?? false
        if !sawClass, !startsWithDigit, let code = ResourceRecordType.classCode(of: word) {
          guard code == zoneClass else {
            let name = ResourceRecordType.className(zoneClass)
            throw current.error(at: location, "class '\(display(word))' does not match the zone's class '\(name)'")
          }
          sawClass = true
        } else if explicitTTL == nil, startsWithDigit {
          switch ZoneTTL.parse(word) {
          case .seconds(let seconds): explicitTTL = seconds
          case .invalid: throw current.error(at: location, "invalid TTL '\(display(word))'")
          case .outOfRange:
            throw current.error(at: location, "TTL '\(display(word))' is out of range: more than 4294967295 seconds")
          }
        } else if let code = ResourceRecordType.code(of: word) {
          header.typeCode = code
          header.typeLocation = location
          header.typeLength = word.count
          if let explicitTTL { lastTTL = explicitTTL }
          header.ttl = explicitTTL ?? defaultTTL ?? lastTTL
          return header
        } else {
          throw current.error(at: location, "unknown record type '\(display(word))'")
        }
        token = try current.lexer.next()
      }
    }
  }

  /// Reads TXT data: quoted or unquoted character-strings, or RFC 3597 generic data, to the end
  /// of the logical line.
  private mutating func readTXTData(typeLocation: SourceLocation) throws(ZoneReadError) -> TXTRecord {
    var token = try current.lexer.next()
    if token == .word, current.lexer.textBytes.elementsEqual([0x5C, 0x23]) {
      return try readGenericTXT(typeLocation: typeLocation)
    }
    var strings: [CharacterString] = []
    var count = 0
    var size = 0
    while token != .lineEnd, token != .end {
      let location = current.lexer.location
      let string: CharacterString
      if token == .quoted {
        let origin = SourceOrigin(line: location.line, column: location.column, escapes: current.lexer.escapes)
        string = CharacterString(bytes: keepsData ? current.lexer.text : [], origin: origin)
        size += current.lexer.textCount + 1
      } else {
        string = try unescapeWord(current.lexer.text, at: location)
        size += string.bytes.count + 1
      }
      guard size <= ZoneReader.maximumDataLength else {
        throw current.error(at: typeLocation, "TXT data is longer than \(ZoneReader.maximumDataLength) octets")
      }
      if keepsData { strings.append(string) }
      count += 1
      token = try current.lexer.next()
    }
    guard count > 0 else { throw current.error(at: typeLocation, "TXT record has no character-string") }
    return TXTRecord(strings: strings)
  }

  /// Decodes an unquoted character-string (`\X`, `\DDD`) whose first byte is at `location`.
  private func unescapeWord(_ raw: [UInt8], at location: SourceLocation) throws(ZoneReadError) -> CharacterString {
    var bytes: [UInt8] = []
    var escapes: [EscapeMark] = []
    bytes.reserveCapacity(raw.count)
    var index = 0
    while index < raw.count {
      guard raw[index] == 0x5C else {
        bytes.append(raw[index])
        index += 1
        continue
      }
      let (value, length): (UInt8, Int)
      do {
        (value, length) = try TXTRecord.unescape(raw, at: index)
      } catch {
        throw current.error(at: SourceLocation(line: location.line, column: location.column + index), error.message)
      }
      escapes.append(EscapeMark(byteIndex: bytes.count, sourceLength: length))
      bytes.append(value)
      index += length
    }
    return CharacterString(
      bytes: bytes, origin: SourceOrigin(line: location.line, column: location.column, escapes: escapes))
  }

  func display(_ bytes: some Collection<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }

  /// Rejects a name written at `location` whose raw bytes are not UTF-8 (see `requiresUTF8Names`).
  func checkUTF8(_ raw: UnsafeBufferPointer<UInt8>, at location: SourceLocation) throws(ZoneReadError) {
    guard raw.contains(where: { $0 >= 0x80 }) else { return }
    try checkUTF8(Array(raw), at: location)
  }

  /// `checkUTF8` of bytes kept in an array.
  func checkUTF8(_ raw: [UInt8], at location: SourceLocation) throws(ZoneReadError) {
    var index = 0
    while index < raw.count {
      guard raw[index] >= 0x80 else {
        index += 1
        continue
      }
      let length = CharacterCheck.utf8SequenceLength(raw, at: index, end: raw.count)
      guard length > 0 else {
        throw current.error(
          at: SourceLocation(line: location.line, column: location.column + index),
          "name '\(display(raw))' is not valid UTF-8: write other octets as '\\DDD'")
      }
      index += length
    }
  }
}
