/// Parses `macro-string` and `explain-string` (RFC 7208 §7.1) over UTF-8 bytes.
enum MacroParser {
  /// Parses `bytes[range]` as a macro string, appending any problem to `issues`.
  ///
  /// - Parameters:
  ///   - allowExplanationLetters: whether `c`, `r` and `t` may appear (explanation text only, §7.2).
  ///   - allowSpaces: whether plain spaces may appear (`explain-string`, §12).
  /// - Returns: the parsed string, or nil when it has an error (the issue says which).
  static func parse(
    _ bytes: [UInt8], _ range: Range<Int>, allowExplanationLetters: Bool, allowSpaces: Bool = false,
    issues: inout [SyntaxIssue]
  ) -> MacroString? {
    var parts: [MacroPart] = []
    // `%{i}._spf.%{d}` has three parts: room for them at once, not for 1, then 2, then 4.
    parts.reserveCapacity(4)
    var literalStart = range.lowerBound
    var index = range.lowerBound
    func flushLiteral(upTo end: Int) {
      if end > literalStart { parts.append(.literal(String(decoding: bytes[literalStart..<end], as: UTF8.self))) }
    }
    while index < range.upperBound {
      let byte = bytes[index]
      if byte != 0x25 {
        guard (byte >= 0x21 && byte <= 0x7E) || (byte == 0x20 && allowSpaces) else {
          issues.append(
            SyntaxIssue(
              .invalidCharacter, SourceSpan(start: index, end: index + 1),
              "byte 0x\(String(byte, radix: 16)) is not allowed in a macro string"))
          return nil
        }
        index += 1
        continue
      }
      flushLiteral(upTo: index)
      guard
        let (part, next) = parseExpand(
          bytes, at: index, end: range.upperBound,
          allowExplanationLetters: allowExplanationLetters, issues: &issues)
      else { return nil }
      parts.append(part)
      index = next
      literalStart = next
    }
    flushLiteral(upTo: range.upperBound)
    return MacroString(parts: parts)
  }

  /// Parses the macro-expand at `start` (a `%`); returns the part and the index after it.
  private static func parseExpand(
    _ bytes: [UInt8], at start: Int, end: Int, allowExplanationLetters: Bool,
    issues: inout [SyntaxIssue]
  ) -> (MacroPart, Int)? {
    guard start + 1 < end else {
      issues.append(
        SyntaxIssue(
          .invalidMacro, SourceSpan(start: start, end: start + 1),
          "'%' at the end: write '%%' for a percent sign", suggestion: "%%"))
      return nil
    }
    switch bytes[start + 1] {
    case 0x25: return (.percent, start + 2)
    case 0x5F: return (.space, start + 2)
    case 0x2D: return (.urlEncodedSpace, start + 2)
    case 0x7B: break
    default:
      let shown = String(decoding: bytes[start...(start + 1)], as: UTF8.self)
      issues.append(
        SyntaxIssue(
          .invalidMacro, SourceSpan(start: start, end: start + 2),
          "'\(shown)' is not a macro: '%' must be followed by '{', '%', '_' or '-'"))
      return nil
    }
    guard let close = bytes[(start + 2)..<end].firstIndex(of: 0x7D) else {
      issues.append(SyntaxIssue(.invalidMacro, SourceSpan(start: start, end: end), "'%{' has no closing '}'"))
      return nil
    }
    let span = SourceSpan(start: start, end: close + 1)
    guard let expansion = parseBody(bytes, (start + 2)..<close, span: span, issues: &issues) else { return nil }
    if expansion.letter.isExplanationOnly, !allowExplanationLetters {
      let text = Excerpt.of(bytes[span.start..<span.end])
      issues.append(
        SyntaxIssue(
          .invalidMacro, span,
          "'\(text)' is allowed only in explanation text: 'c', 'r' and 't' are exp-only"))
      return nil
    }
    return (.expand(expansion), close + 1)
  }

  /// Parses `macro-letter transformers *delimiter` between the braces.
  private static func parseBody(_ bytes: [UInt8], _ body: Range<Int>, span: SourceSpan, issues: inout [SyntaxIssue])
    -> MacroExpansion?
  {
    // Only a failure quotes the macro: built then, not for every macro of every record.
    var text: String { Excerpt.of(bytes[span.start..<span.end]) }
    func fail(_ message: String) -> MacroExpansion? {
      issues.append(SyntaxIssue(.invalidMacro, span, message))
      return nil
    }
    guard let first = body.first.map({ bytes[$0] }) else { return fail("'\(text)' has no macro letter") }
    let isUpper = first >= 0x41 && first <= 0x5A
    guard let letter = MacroLetter(lowercaseByte: first | (isUpper ? 0x20 : 0)), first < 0x80 else {
      return fail("'\(text)' has an unknown macro letter: use one of s l o d i p h v (and c r t in exp text)")
    }
    var index = body.lowerBound + 1
    var digits: Int? = nil
    while index < body.upperBound, bytes[index] >= 0x30, bytes[index] <= 0x39 {
      digits = min((digits ?? 0) * 10 + Int(bytes[index] - 0x30), 100_000)
      index += 1
    }
    if digits == 0 { return fail("'\(text)' keeps zero parts: the digit transformer must be nonzero") }
    var reversed = false
    if index < body.upperBound, bytes[index] | 0x20 == 0x72 {
      reversed = true
      index += 1
    }
    let delimiterStart = index
    while index < body.upperBound {
      guard MacroParser.isDelimiter(bytes[index]) else {
        return fail("'\(text)' has an invalid delimiter: use any of . - + , / _ =")
      }
      index += 1
    }
    let delimiters = String(decoding: bytes[delimiterStart..<body.upperBound], as: UTF8.self)
    return MacroExpansion(
      letter: letter, urlEscaped: isUpper, rightParts: digits, reversed: reversed,
      delimiters: delimiters)
  }

  /// Whether a byte is a macro `delimiter` (RFC 7208 §7.1).
  static func isDelimiter(_ byte: UInt8) -> Bool {
    switch byte {
    case 0x2E, 0x2D, 0x2B, 0x2C, 0x2F, 0x5F, 0x3D: true
    default: false
    }
  }
}

extension MacroString {
  /// Parses explanation text fetched from the `exp=` target (RFC 7208 §6.2, `explain-string`):
  /// spaces and the `c`, `r`, `t` letters are allowed. Returns nil when the text has a syntax error.
  public static func parseExplanation(_ bytes: [UInt8]) -> MacroString? {
    var issues: [SyntaxIssue] = []
    return MacroParser.parse(bytes, 0..<bytes.count, allowExplanationLetters: true, allowSpaces: true, issues: &issues)
  }

  /// Parses a domain-spec-like macro string from a record (no spaces, no `c`, `r`, `t`).
  public static func parse(_ text: String) -> MacroString? {
    var issues: [SyntaxIssue] = []
    let bytes = Array(text.utf8)
    return MacroParser.parse(bytes, 0..<bytes.count, allowExplanationLetters: false, issues: &issues)
  }
}
