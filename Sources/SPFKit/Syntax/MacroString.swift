/// Text with macro expansions (RFC 7208 §7.1): a domain-spec, an unknown modifier's value, or an
/// explanation string.
public struct MacroString: Hashable, Sendable, CustomStringConvertible {
  /// Most domain-specs are one literal: kept without an array, which saves an allocation per term.
  private enum Storage: Sendable {
    case literal(String)
    /// A literal the parser read from a record of printable ASCII, kept as the record's bytes and
    /// decoded when asked for: most parsed names are never read as text (the linter reads the record's
    /// bytes), and making each a `String` cost an allocation, a UTF-8 check and a release per term.
    /// The whole record and 32-bit bounds, not a slice: as large as a `String`, so terms stay as small.
    case written([UInt8], start: UInt32, end: UInt32)
    case parts([MacroPart])
  }

  private var storage: Storage

  /// A literal of printable ASCII bytes (no `%`), as the parser found it in `bytes[range]`.
  init(writtenASCII bytes: [UInt8], _ range: Range<Int>) {
    if range.isEmpty {
      storage = .parts([])
    } else if let start = UInt32(exactly: range.lowerBound), let end = UInt32(exactly: range.upperBound) {
      storage = .written(bytes, start: start, end: end)
    } else {
      storage = .literal(String(decoding: bytes[range], as: UTF8.self))
    }
  }

  /// The bytes of a written literal.
  private static func slice(_ bytes: [UInt8], _ start: UInt32, _ end: UInt32) -> ArraySlice<UInt8> {
    bytes[Int(start)..<Int(end)]
  }

  /// Equal when they print alike, as strings compare: literals however they are stored, parts by parts.
  public static func == (lhs: MacroString, rhs: MacroString) -> Bool {
    switch (lhs.storage, rhs.storage) {
    case (.parts(let left), .parts(let right)): left == right
    case (.parts, _), (_, .parts): false
    // Both ASCII: the bytes decide, as String equality would.
    case (.written(let left, let leftStart, let leftEnd), .written(let right, let rightStart, let rightEnd)):
      slice(left, leftStart, leftEnd).elementsEqual(slice(right, rightStart, rightEnd))
    default: lhs.literalText == rhs.literalText
    }
  }

  public func hash(into hasher: inout Hasher) {
    switch storage {
    case .parts(let parts):
      hasher.combine(1 as UInt8)
      hasher.combine(parts)
    case .literal, .written:
      // As the text: a written literal and a `String` one of the same text are equal, so hash alike.
      hasher.combine(0 as UInt8)
      hasher.combine(literalText)
    }
  }

  /// Creates a macro string from parts.
  public init(parts: [MacroPart]) {
    if parts.count == 1, case .literal(let text) = parts[0] {
      storage = .literal(text)
    } else {
      storage = .parts(parts)
    }
  }

  /// A macro string of literal text only.
  public init(literal: String) { storage = literal.isEmpty ? .parts([]) : .literal(literal) }

  /// The parts in order.
  public var parts: [MacroPart] {
    get {
      if case .parts(let parts) = storage { return parts }
      return singleLiteral.map { [.literal($0)] } ?? []
    }
    set { self = MacroString(parts: newValue) }
  }

  /// The last part, if any.
  public var lastPart: MacroPart? {
    if case .parts(let parts) = storage { return parts.last }
    return singleLiteral.map(MacroPart.literal)
  }

  /// The literal text when the string has no expansion, else nil.
  public var literalText: String? {
    guard case .parts(let parts) = storage else { return singleLiteral }
    var text = ""
    for part in parts {
      guard case .literal(let literal) = part else { return nil }
      text += literal
    }
    return text
  }

  /// The text of a string stored as one literal, `String` or written; nil for parts.
  private var singleLiteral: String? {
    switch storage {
    case .literal(let text): text
    case .written(let bytes, let start, let end): String(decoding: Self.slice(bytes, start, end), as: UTF8.self)
    case .parts: nil
    }
  }

  /// Whether any part is an expansion (`%{...}`, `%%`, `%_` or `%-`).
  public var hasMacros: Bool {
    guard case .parts(let parts) = storage else { return false }
    return parts.contains { if case .literal = $0 { false } else { true } }
  }

  /// The text as written, with expansions in their canonical form.
  public var description: String {
    guard case .parts(let parts) = storage else { return singleLiteral ?? "" }
    return parts.map(\.description).joined()
  }
}

/// One part of a macro string.
public enum MacroPart: Hashable, Sendable, CustomStringConvertible {
  /// Literal text (`macro-literal` runs, RFC 7208 §7.1).
  case literal(String)
  /// `%%`: a percent sign.
  case percent
  /// `%_`: a space.
  case space
  /// `%-`: a URL-encoded space, `%20`.
  case urlEncodedSpace
  /// `%{...}`: an expansion.
  case expand(MacroExpansion)

  public var description: String {
    switch self {
    case .literal(let text): text
    case .percent: "%%"
    case .space: "%_"
    case .urlEncodedSpace: "%-"
    case .expand(let expansion): expansion.description
    }
  }
}

/// A `%{...}` expansion: letter, transformers and delimiters (RFC 7208 §7.1–§7.3).
public struct MacroExpansion: Hashable, Sendable, CustomStringConvertible {
  /// The macro letter.
  public var letter: MacroLetter
  /// Whether the letter was uppercase: the value is URL-escaped (RFC 7208 §7.3).
  public var urlEscaped: Bool
  /// How many right-hand parts to keep, if given (nonzero).
  public var rightParts: Int?
  /// Whether the parts are reversed (`r` transformer).
  public var reversed: Bool
  /// The delimiter characters; empty means `.`.
  public var delimiters: String

  /// Creates an expansion.
  public init(
    letter: MacroLetter, urlEscaped: Bool = false, rightParts: Int? = nil, reversed: Bool = false,
    delimiters: String = ""
  ) {
    self.letter = letter
    self.urlEscaped = urlEscaped
    self.rightParts = rightParts
    self.reversed = reversed
    self.delimiters = delimiters
  }

  public var description: String {
    let letterText = urlEscaped ? String(letter.rawValue).uppercased() : String(letter.rawValue)
    return "%{" + letterText + (rightParts.map(String.init) ?? "") + (reversed ? "r" : "") + delimiters + "}"
  }
}

/// The macro letters of RFC 7208 §7.2.
public enum MacroLetter: Character, Hashable, Sendable, CaseIterable {
  case sender = "s"
  case localPart = "l"
  case senderDomain = "o"
  case domain = "d"
  case ip = "i"
  case validatedDomain = "p"
  case ipVersion = "v"
  case helo = "h"
  /// Explanation only: the client IP in readable form.
  case clientIP = "c"
  /// Explanation only: the receiving host's domain.
  case receiver = "r"
  /// Explanation only: the current timestamp.
  case timestamp = "t"

  /// The letter for a lowercase ASCII byte, if it is one.
  init?(lowercaseByte byte: UInt8) {
    self.init(rawValue: Character(Unicode.Scalar(byte)))
  }

  /// Whether the letter may appear only in explanation text (RFC 7208 §7.2: `c`, `r`, `t`).
  public var isExplanationOnly: Bool { self == .clientIP || self == .receiver || self == .timestamp }
}
