/// A TXT record as published: its character-strings in order.
///
/// SPF reads the strings concatenated with no separator (RFC 7208 §3.3); `joined` holds that text
/// and every span of the SPF parser is a UTF-8 byte offset into it.
public struct TXTRecord: Hashable, Sendable {
  /// The character-strings in publication order.
  public var strings: [CharacterString]
  /// The strings concatenated with no space (RFC 7208 §3.3): the text SPF parses.
  public let joined: [UInt8]
  /// The joined-text offset where each string starts, for two strings or more (empty for one): a
  /// location is one binary search away however many strings the record has.
  private let starts: [Int]

  /// Creates a record from its strings.
  public init(strings: [CharacterString]) {
    self.strings = strings
    if strings.count == 1 {
      joined = strings[0].bytes
      starts = []
    } else {
      var joined: [UInt8] = []
      var starts: [Int] = []
      joined.reserveCapacity(strings.reduce(0) { $0 &+ $1.bytes.count })
      starts.reserveCapacity(strings.count)
      for string in strings {
        starts.append(joined.count)
        joined.append(contentsOf: string.bytes)
      }
      self.joined = joined
      self.starts = starts
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
    guard !strings.isEmpty else { return nil }
    let index: Int
    if offset < 0 {
      index = 0
    } else if offset < joined.count {
      // The last string starting at or before the offset: the non-empty string holding the byte.
      index = firstString { start(of: $0) > offset } - 1
    } else if offset == joined.count {
      index = strings.count - 1
    } else {
      guard let origin = strings[strings.count - 1].origin else { return nil }
      return SourceLocation(line: origin.line, column: origin.column)
    }
    guard let origin = strings[index].origin else { return nil }
    return SourceLocation(line: origin.line, column: origin.column(ofByte: offset &- start(of: index)))
  }

  /// The source location just past the joined-text byte before `offset`: where a span ending at
  /// `offset` ends, through escapes (`\"` ends two columns later), when the strings carry origins.
  ///
  /// An offset at a boundary between strings ends inside the earlier string, before its closing
  /// quote; offset 0 maps to the first byte.
  public func location(ofJoinedEnd offset: Int) -> SourceLocation? {
    guard offset > 0 else { return location(ofJoinedOffset: 0) }
    // The first string ending at or after the offset.
    let index = firstString { start(of: $0) &+ strings[$0].bytes.count >= offset }
    guard index < strings.count else { return location(ofJoinedOffset: offset) }
    guard let origin = strings[index].origin else { return nil }
    return SourceLocation(line: origin.line, column: origin.column(ofByte: offset &- start(of: index)))
  }

  /// The joined-text offset where string `index` starts.
  private func start(of index: Int) -> Int { starts.isEmpty ? 0 : starts[index] }

  /// The first string index for which `isPast` holds (it must hold for all later ones), or the count.
  private func firstString(where isPast: (Int) -> Bool) -> Int {
    var low = 0
    var high = strings.count
    while low < high {
      let middle = low + (high - low) / 2
      if isPast(middle) { high = middle } else { low = middle + 1 }
    }
    return low
  }
}
