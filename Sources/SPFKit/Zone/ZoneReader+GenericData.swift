/// RFC 3597 generic data for TXT and SPF: `\# LENGTH HEX...`, the record's wire data in hexadecimal.
extension ZoneReader {
  /// Reads the length and hexadecimal data after `\#` to the end of the logical line and decodes
  /// the character-strings (RFC 1035 §3.3.14). The strings carry no origin.
  mutating func readGenericTXT(typeLocation: SourceLocation) throws(ZoneReadError) -> TXTRecord {
    guard try current.lexer.next() == .word else {
      throw current.error(at: current.lexer.location, "missing length after '\\#'")
    }
    let lengthWord = current.lexer.text
    let lengthLocation = current.lexer.location
    guard let length = decimal(lengthWord), length <= ZoneReader.maximumDataLength else {
      throw current.error(at: lengthLocation, "invalid length '\(display(lengthWord))' after '\\#'")
    }
    let data = try readHex(limit: length)
    guard data.count == length else {
      throw current.error(at: lengthLocation, "'\\#' announces \(length) octets but \(data.count) follow")
    }
    var strings: [CharacterString] = []
    var index = 0
    while index < data.count {
      let end = index + 1 + Int(data[index])
      guard end <= data.count else {
        throw current.error(at: lengthLocation, "generic TXT data ends inside a character-string")
      }
      strings.append(CharacterString(bytes: Array(data[(index + 1)..<end])))
      index = end
    }
    guard !strings.isEmpty else { throw current.error(at: typeLocation, "TXT record has no character-string") }
    return TXTRecord(strings: strings)
  }

  /// Reads hexadecimal words to the end of the logical line; more than `limit` octets is an error.
  private mutating func readHex(limit: Int) throws(ZoneReadError) -> [UInt8] {
    var data: [UInt8] = []
    var high: UInt8?
    while true {
      let token = try current.lexer.next()
      let location = current.lexer.location
      switch token {
      case .lineEnd, .end:
        guard high == nil else { throw current.error(at: current.lexer.location, "odd number of hexadecimal digits") }
        return data
      case .quoted:
        throw current.error(
          at: SourceLocation(line: location.line, column: location.column - 1),
          "expected hexadecimal data, found a quoted string")
      case .word:
        for (offset, byte) in current.lexer.text.enumerated() {
          guard let nibble = hexValue(byte) else {
            let column = SourceLocation(line: location.line, column: location.column + offset)
            throw current.error(at: column, "invalid hexadecimal data '\(display(current.lexer.text))'")
          }
          if let value = high {
            data.append(value << 4 | nibble)
            high = nil
            guard data.count <= limit else {
              throw current.error(at: location, "more hexadecimal data than the \(limit) octets announced")
            }
          } else {
            high = nibble
          }
        }
      }
    }
  }

  private func decimal(_ word: [UInt8]) -> Int? {
    guard !word.isEmpty, word.count <= 5, word.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
    return word.reduce(0) { $0 * 10 + Int($1 - 0x30) }
  }

  private func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case 0x30...0x39: return byte - 0x30
    case 0x41...0x46: return byte - 0x37
    case 0x61...0x66: return byte - 0x57
    default: return nil
    }
  }
}
