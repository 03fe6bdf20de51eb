/// One DNS character-string of a TXT record (RFC 1035 §3.3): at most 255 octets on the wire.
///
/// `origin` says where the string's bytes stand in the text they were read from (a command-line
/// argument or a zone file), so a finding can point at the exact line and column even through
/// escapes like `\"` or `\059`.
public struct CharacterString: Hashable, Sendable {
  /// The octets after unescaping.
  public var bytes: [UInt8]
  /// Where the bytes were read from; nil for strings built in code.
  public var origin: SourceOrigin?

  /// Creates a string from octets and an optional origin.
  public init(bytes: [UInt8], origin: SourceOrigin? = nil) {
    self.bytes = bytes
    self.origin = origin
  }

  /// Creates a string from text, with no origin.
  public init(_ text: String) { self.init(bytes: Array(text.utf8)) }

  /// The longest character-string DNS can carry, in octets (RFC 1035 §3.3).
  public static let maximumLength = 255
}

/// Where a character-string's first content byte stands in its source, and which bytes were escaped.
public struct SourceOrigin: Hashable, Sendable {
  /// 1-based line number.
  public var line: Int
  /// 1-based UTF-8 byte column of the string's first content byte (after the opening quote).
  public var column: Int
  /// Escaped bytes in increasing byte order; each took more than one source byte.
  public var escapes: [EscapeMark] { didSet { shifts = Self.shifts(escapes) } }
  /// `shifts[k]`: the extra source bytes the first k escapes took, so a column is one binary search
  /// away however many escapes the string has (empty without escapes).
  private var shifts: [Int]

  /// Creates an origin.
  public init(line: Int, column: Int, escapes: [EscapeMark] = []) {
    self.line = line
    self.column = column
    self.escapes = escapes
    shifts = Self.shifts(escapes)
  }

  private static func shifts(_ escapes: [EscapeMark]) -> [Int] {
    guard !escapes.isEmpty else { return [] }
    var shifts = [0]
    shifts.reserveCapacity(escapes.count + 1)
    for mark in escapes { shifts.append(shifts[shifts.count - 1] &+ mark.sourceLength &- 1) }
    return shifts
  }

  /// The 1-based source column of the content byte at `index` (UTF-8 byte offset in the string).
  public func column(ofByte index: Int) -> Int {
    guard !escapes.isEmpty else { return column &+ index }
    // How many escapes come before the byte: the first mark at or after it, by binary search.
    var low = 0
    var high = escapes.count
    while low < high {
      let middle = low + (high - low) / 2
      if escapes[middle].byteIndex < index { low = middle + 1 } else { high = middle }
    }
    return column &+ index &+ shifts[low]
  }
}

/// One escaped byte of a character-string: `\"` takes 2 source bytes, `\059` takes 4.
public struct EscapeMark: Hashable, Sendable {
  /// UTF-8 byte offset of the escaped byte in the unescaped string.
  public var byteIndex: Int
  /// How many source bytes the escape took.
  public var sourceLength: Int

  /// Creates a mark.
  public init(byteIndex: Int, sourceLength: Int) {
    self.byteIndex = byteIndex
    self.sourceLength = sourceLength
  }
}

/// A 1-based line and column (UTF-8 bytes) in a source text.
public struct SourceLocation: Hashable, Sendable, Comparable {
  /// 1-based line number.
  public var line: Int
  /// 1-based UTF-8 byte column.
  public var column: Int

  /// Creates a location.
  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
    (lhs.line, lhs.column) < (rhs.line, rhs.column)
  }
}
