/// TXT records in presentation format: quoted character-strings with RFC 1035 §5.1 escapes.
extension TXTRecord {
  /// Parses `"v=spf1 ..." "... -all"`: quoted strings separated by blanks, with `\"`, `\\`, `\X`
  /// and `\DDD` (decimal octet) escapes.
  ///
  /// - Parameters:
  ///   - bytes: the text, as given on a command line.
  ///   - line: the 1-based line the text starts on; origins carry it.
  /// - Throws: `PresentationSyntaxError` with the 1-based column of the problem.
  public static func parsePresentation(_ bytes: [UInt8], line: Int = 1) throws(PresentationSyntaxError) -> TXTRecord {
    var strings: [CharacterString] = []
    var index = 0
    while true {
      while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
      guard index < bytes.count else { break }
      guard bytes[index] == 0x22 else {
        throw .init("expected '\"' to start a character-string", column: index + 1)
      }
      let (string, next) = try parseQuoted(bytes, from: index, line: line)
      strings.append(string)
      index = next
      if index < bytes.count, bytes[index] != 0x20, bytes[index] != 0x09 {
        throw .init("expected a blank between character-strings", column: index + 1)
      }
    }
    if strings.isEmpty { throw .init("no character-string", column: 1) }
    return TXTRecord(strings: strings)
  }

  /// Parses one quoted string starting at the opening quote; returns it and the index after the closing quote.
  static func parseQuoted(_ bytes: [UInt8], from start: Int, line: Int) throws(PresentationSyntaxError)
    -> (CharacterString, Int)
  {
    var content: [UInt8] = []
    var escapes: [EscapeMark] = []
    var index = start + 1
    while index < bytes.count {
      let byte = bytes[index]
      if byte == 0x22 {
        let origin = SourceOrigin(line: line, column: start + 2, escapes: escapes)
        return (CharacterString(bytes: content, origin: origin), index + 1)
      }
      if byte == 0x5C {
        let (value, length) = try unescape(bytes, at: index)
        escapes.append(EscapeMark(byteIndex: content.count, sourceLength: length))
        content.append(value)
        index += length
      } else {
        content.append(byte)
        index += 1
      }
    }
    throw .init("unterminated character-string: no closing '\"'", column: start + 1)
  }

  /// Decodes the escape at `index` (a backslash): its byte and how many source bytes it takes.
  static func unescape(_ bytes: [UInt8], at index: Int) throws(PresentationSyntaxError) -> (UInt8, Int) {
    guard index + 1 < bytes.count else { throw .init("backslash at the end of the text", column: index + 1) }
    let next = bytes[index + 1]
    guard next >= 0x30, next <= 0x39 else { return (next, 2) }
    guard index + 3 < bytes.count, (index + 1...index + 3).allSatisfy({ bytes[$0] >= 0x30 && bytes[$0] <= 0x39 }) else {
      throw .init("'\\DDD' escape needs three decimal digits", column: index + 1)
    }
    let value = (index + 1...index + 3).reduce(0) { $0 * 10 + Int(bytes[$1] - 0x30) }
    guard value <= 255 else { throw .init("'\\DDD' escape is greater than 255", column: index + 1) }
    return (UInt8(value), 4)
  }

  /// The record in presentation format: each string quoted, `"` and `\` escaped, bytes outside
  /// printable ASCII as `\DDD` (RFC 1035 §5.1), strings separated by one space.
  public var presentation: String {
    strings.map { TXTRecord.quote($0.bytes) }.joined(separator: " ")
  }

  /// One character-string quoted and escaped for a zone file or a command line.
  public static func quote(_ bytes: some Sequence<UInt8>) -> String {
    var out: [UInt8] = [0x22]
    for byte in bytes {
      switch byte {
      case 0x22, 0x5C: out += [0x5C, byte]
      case 0x20...0x7E: out.append(byte)
      default:
        out.append(0x5C)
        out += [byte / 100, byte / 10 % 10, byte % 10].map { $0 + 0x30 }
      }
    }
    out.append(0x22)
    return String(decoding: out, as: UTF8.self)
  }
}

/// Why presentation-format text is malformed, with the 1-based column of the problem.
public struct PresentationSyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What is wrong, lowercase, no trailing period.
  public var message: String
  /// 1-based UTF-8 byte column.
  public var column: Int

  /// Creates an error.
  public init(_ message: String, column: Int) {
    self.message = message
    self.column = column
  }

  public var description: String { message }
}
