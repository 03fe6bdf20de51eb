/// Text with macro expansions (RFC 7208 §7.1): a domain-spec, an unknown modifier's value, or an
/// explanation string.
public struct MacroString: Hashable, Sendable, CustomStringConvertible {
  /// Most domain-specs are one literal: kept without an array, which saves an allocation per term.
  private enum Storage: Hashable, Sendable {
    case literal(String)
    case parts([MacroPart])
  }

  private var storage: Storage

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
      switch storage {
      case .literal(let text): [.literal(text)]
      case .parts(let parts): parts
      }
    }
    set { self = MacroString(parts: newValue) }
  }

  /// The last part, if any.
  public var lastPart: MacroPart? {
    switch storage {
    case .literal(let text): .literal(text)
    case .parts(let parts): parts.last
    }
  }

  /// The literal text when the string has no expansion, else nil.
  public var literalText: String? {
    switch storage {
    case .literal(let text): return text
    case .parts(let parts):
      var text = ""
      for part in parts {
        guard case .literal(let literal) = part else { return nil }
        text += literal
      }
      return text
    }
  }

  /// Whether any part is an expansion (`%{...}`, `%%`, `%_` or `%-`).
  public var hasMacros: Bool { literalText == nil }

  /// The text as written, with expansions in their canonical form.
  public var description: String {
    switch storage {
    case .literal(let text): text
    case .parts(let parts): parts.map(\.description).joined()
    }
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
