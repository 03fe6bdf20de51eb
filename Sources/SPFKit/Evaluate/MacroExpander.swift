/// Expands macro strings (RFC 7208 §7.3): letters, transformers, delimiters, URL escaping.
public enum MacroExpander {
  /// Expands every part of `string` with the values of `context`.
  public static func expand(_ string: MacroString, in context: MacroContext) -> String {
    var text = ""
    for part in string.parts {
      switch part {
      case .literal(let literal): text += literal
      case .percent: text += "%"
      case .space: text += " "
      case .urlEncodedSpace: text += "%20"
      case .expand(let expansion): text += expand(expansion, in: context)
      }
    }
    return text
  }

  /// Expands a domain-spec into the name to query: expanded, one trailing dot dropped, and cut
  /// from the left to at most 253 octets (RFC 7208 §7.3).
  public static func targetName(_ spec: DomainSpec, in context: MacroContext) -> String {
    DomainName.queryName(expand(spec.macroString, in: context))
  }

  /// Expands one `%{...}`: the letter's value split on the delimiters, reversed, cut to the
  /// rightmost parts, joined with dots, then URL-escaped for an uppercase letter (RFC 7208 §7.3).
  public static func expand(_ expansion: MacroExpansion, in context: MacroContext) -> String {
    let value = context.value(of: expansion.letter)
    let delimiters = expansion.delimiters.isEmpty ? [UInt8(ascii: ".")] : Array(expansion.delimiters.utf8)
    var parts = Array(value.utf8).split(omittingEmptySubsequences: false, whereSeparator: { delimiters.contains($0) })
    if expansion.reversed { parts.reverse() }
    if let keep = expansion.rightParts.map({ max(0, $0) }), keep < parts.count { parts.removeFirst(parts.count - keep) }
    let joined = parts.joined(separator: [UInt8(ascii: ".")])
    let text = String(decoding: Array(joined), as: UTF8.self)
    return expansion.urlEscaped ? urlEscape(text) : text
  }

  /// Escapes every octet outside the URI unreserved set (`ALPHA DIGIT - . _ ~`) as `%XX` with
  /// uppercase hex (RFC 7208 §7.3, RFC 3986 §2.3).
  public static func urlEscape(_ text: String) -> String {
    let hex = Array("0123456789ABCDEF".utf8)
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    for byte in text.utf8 {
      if isUnreserved(byte) {
        bytes.append(byte)
      } else {
        bytes.append(contentsOf: [0x25, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  private static func isUnreserved(_ byte: UInt8) -> Bool {
    switch byte {
    case 0x41...0x5A, 0x61...0x7A, 0x30...0x39, 0x2D, 0x2E, 0x5F, 0x7E: true
    default: false
    }
  }
}

extension MacroString {
  /// Whether any expansion uses `letter` (evaluation looks up `%{p}` only when asked for).
  func uses(_ letter: MacroLetter) -> Bool {
    parts.contains { if case .expand(let expansion) = $0 { expansion.letter == letter } else { false } }
  }
}
