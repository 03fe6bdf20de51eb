/// A TXT record as published: its character-strings in order.
///
/// SPF reads the strings concatenated with no separator (RFC 7208 §3.3); `joined` holds that text
/// and every span of the SPF parser is a UTF-8 byte offset into it.
public struct TXTRecord: Hashable, Sendable {
  /// The character-strings in publication order.
  public var strings: [CharacterString]
  /// The strings concatenated with no space (RFC 7208 §3.3): the text SPF parses.
  public let joined: [UInt8]

  /// Creates a record from its strings.
  public init(strings: [CharacterString]) {
    self.strings = strings
    if strings.count == 1 {
      joined = strings[0].bytes
    } else {
      var joined: [UInt8] = []
      joined.reserveCapacity(strings.reduce(0) { $0 &+ $1.bytes.count })
      for string in strings { joined.append(contentsOf: string.bytes) }
      self.joined = joined
    }
  }

  /// A record of one string of text, with its origin at column 1 of line 1.
  public init(text: String) {
    self.init(strings: [CharacterString(bytes: Array(text.utf8), origin: SourceOrigin(line: 1, column: 1))])
  }

  /// The joined text for display; invalid UTF-8 shows as U+FFFD.
  public var text: String { String(decoding: joined, as: UTF8.self) }

  /// Joined-text byte offsets where one string ends and the next begins (one per inner boundary).
  public var boundaries: [Int] {
    var offsets: [Int] = []
    var offset = 0
    for string in strings.dropLast() {
      offset &+= string.bytes.count
      offsets.append(offset)
    }
    return offsets
  }

  /// The source location of the joined-text byte at `offset`, when the strings carry origins.
  ///
  /// An offset at the very end maps to just past the last string's last byte.
  public func location(ofJoinedOffset offset: Int) -> SourceLocation? {
    var remaining = offset
    for (index, string) in strings.enumerated() {
      let isLast = index == strings.count &- 1
      if remaining < string.bytes.count || (isLast && remaining == string.bytes.count) {
        guard let origin = string.origin else { return nil }
        return SourceLocation(line: origin.line, column: origin.column(ofByte: remaining))
      }
      remaining &-= string.bytes.count
    }
    guard let origin = strings.last?.origin else { return nil }
    return SourceLocation(line: origin.line, column: origin.column)
  }

  /// The source location just past the joined-text byte before `offset`: where a span ending at
  /// `offset` ends, through escapes (`\"` ends two columns later), when the strings carry origins.
  ///
  /// An offset at a boundary between strings ends inside the earlier string, before its closing
  /// quote; offset 0 maps to the first byte.
  public func location(ofJoinedEnd offset: Int) -> SourceLocation? {
    guard offset > 0 else { return location(ofJoinedOffset: 0) }
    var remaining = offset
    for string in strings {
      if remaining <= string.bytes.count {
        guard let origin = string.origin else { return nil }
        return SourceLocation(line: origin.line, column: origin.column(ofByte: remaining))
      }
      remaining &-= string.bytes.count
    }
    return location(ofJoinedOffset: offset)
  }
}
