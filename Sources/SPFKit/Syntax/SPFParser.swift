/// The SPF record parser: RFC 7208 §12 over UTF-8 bytes, one function per production.
///
/// It never throws and never traps. A term with an error is kept as `.invalid` with a
/// `SyntaxIssue`, and parsing goes on with the next term, so one pass reports every problem.
public enum SPFParser {
  /// Parses record text.
  public static func parse(_ text: String) -> ParsedRecord { parse(Array(text.utf8)) }

  /// Parses record bytes (a TXT record's joined strings).
  public static func parse(_ bytes: [UInt8]) -> ParsedRecord {
    var issues: [SyntaxIssue] = []
    let (versionSpan, start, limit) = parseVersion(bytes, &issues)
    var index = start
    var terms: [Term] = []
    terms.reserveCapacity(8)
    // Terms hold no spaces: in a record of printable ASCII and spaces, no term has a bad character,
    // and one scan of the record says so for all of them.
    var parser = TermParser(bytes: bytes, knownPrintable: CharacterCheck.isPrintableASCII(bytes))
    while index < limit {
      if bytes[index] == 0x20 {
        index += 1
        continue
      }
      let end = bytes.withUnsafeBufferPointer { CharacterCheck.firstSpace(in: $0, from: index, to: limit) }
      terms.append(parser.parse(index..<end, &issues))
      index = end
    }
    if limit < bytes.count {
      // The closing quote `parseVersion` set aside: reported last, so issues stay in source order.
      let quote = SourceSpan(start: limit, end: bytes.count)
      issues.append(SyntaxIssue(.invalidVersion, quote, quoteMessage, suggestion: ""))
    }
    return ParsedRecord(record: SPFRecord(terms: terms, versionSpan: versionSpan), issues: issues)
  }

  /// Parses the `version` production (RFC 7208 §4.5, §12) and near misses.
  ///
  /// - Returns: the version span, the index where terms start, and the index where they end
  ///   (before a closing quote when the data is wrapped in quotes; `parse` reports that quote after the terms).
  static func parseVersion(_ bytes: [UInt8], _ issues: inout [SyntaxIssue]) -> (SourceSpan, Int, Int) {
    var start = 0
    var limit = bytes.count
    while start < limit, bytes[start] == 0x20 { start += 1 }
    if start > 0 {
      issues.append(
        SyntaxIssue(
          .invalidVersion, SourceSpan(start: 0, end: start),
          "the record starts with a space: receivers ignore it", suggestion: ""))
    }
    if let opening = Quote.opening(bytes, at: start) {
      issues.append(
        SyntaxIssue(
          .invalidVersion, SourceSpan(start: start, end: start + opening), quoteMessage,
          suggestion: ""))
      start += opening
      if let closing = Quote.closing(bytes, before: limit, after: start) { limit -= closing }
    }
    var tokenEnd = start
    while tokenEnd < limit, bytes[tokenEnd] != 0x20 { tokenEnd += 1 }
    let version = SourceSpan(start: start, end: start + 6)
    if SPFRecord.isSelected(bytes[start..<tokenEnd]) { return (version, tokenEnd, limit) }
    if tokenEnd - start > 6, SPFRecord.isSelected(bytes[start..<(start + 6)]),
      let bad = CharacterCheck.firstInvalid(bytes, (start + 6)..<tokenEnd), bad.span.start == start + 6
    {
      // `v=spf1<TAB>ip4:...`: the version is right, the separator is not.
      issues.append(bad)
      return (version, bad.span.end, limit)
    }
    if tokenEnd - start > 6, SPFRecord.isSelected(bytes[start..<(start + 6)]), isTerm(bytes, (start + 6)..<tokenEnd) {
      // `v=spf1ip4:...`: the version runs into the first term (often two strings joined with no space).
      let next = Excerpt.of(bytes[(start + 6)..<tokenEnd])
      // The span is the fused token: the term the parser reads out of it is this finding's concern too.
      let written = String(decoding: bytes[start..<(start + 6)], as: UTF8.self)
      issues.append(
        SyntaxIssue(
          .invalidVersion, SourceSpan(start: start, end: tokenEnd),
          "'\(written)' runs into '\(next)': a space must follow the version",
          suggestion: written + " " + String(decoding: bytes[(start + 6)..<tokenEnd], as: UTF8.self)))
      return (version, start + 6, limit)
    }
    let token = Excerpt.of(bytes[start..<tokenEnd])
    issues.append(
      SyntaxIssue(
        .invalidVersion, SourceSpan(start: start, end: tokenEnd),
        "'\(token)' is not the SPF version: a record must start with 'v=spf1'",
        suggestion: "v=spf1"))
    return (SourceSpan(start: start, end: tokenEnd), tokenEnd, limit)
  }

  /// Whether `bytes` are one valid term.
  static func isTerm(_ bytes: [UInt8]) -> Bool { !bytes.isEmpty && isTerm(bytes, 0..<bytes.count) }

  /// Whether `bytes[range]` is one valid term; the check builds no suggestions, so it cannot recurse.
  private static func isTerm(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
    guard !bytes[range].contains(0x20) else { return false }
    var scratch: [SyntaxIssue] = []
    var parser = TermParser(bytes: bytes, suggests: false)
    _ = parser.parse(range, &scratch)
    return scratch.isEmpty
  }

  static let quoteMessage = "quotes are part of the record data: receivers ignore it"
}

/// Quotes that wrap a record by mistake: ASCII ones, or typographic ones pasted from a word processor.
enum Quote {
  private static let openings: [[UInt8]] = [[0x22], [0x27], [0xE2, 0x80, 0x9C], [0xE2, 0x80, 0x98]]
  /// The first byte of each of `openings`.
  private static let openingLeads: [UInt8] = openings.map { $0[0] }
  private static let closings: [[UInt8]] = [[0x22], [0x27], [0xE2, 0x80, 0x9D], [0xE2, 0x80, 0x99]]

  /// The byte length of the run of opening quotes at `index` (`"`, `''`, `“"`, `'' ''`), if there is
  /// one, up to its last quote: a fix must remove all of them, or the same finding comes back (found
  /// by the record fuzzer, twice: `''v=spf1`, then `'' ''v=spf1`, whose spaces between the quotes
  /// hid the second run from the first).
  static func opening(_ bytes: [UInt8], at index: Int) -> Int? {
    // Every record is asked, and almost none starts with a quote: one byte decides most of them.
    guard index < bytes.count, openingLeads.contains(bytes[index]) else { return nil }
    var end = index
    var lastQuoteEnd = index
    while end < bytes.count {
      if let length = openings.first(where: { bytes[end...].starts(with: $0) })?.count {
        end += length
        lastQuoteEnd = end
      } else if bytes[end] == 0x20, lastQuoteEnd > index {
        end += 1
      } else {
        break
      }
    }
    return lastQuoteEnd > index ? lastQuoteEnd - index : nil
  }

  /// The byte length of the run of closing quotes ending at `end`, none of them before `floor`.
  static func closing(_ bytes: [UInt8], before end: Int, after floor: Int = 0) -> Int? {
    var start = end
    while let length = closings.first(where: {
      start - $0.count >= floor && bytes[(start - $0.count)..<start].elementsEqual($0)
    })?.count {
      start -= length
    }
    return start < end ? end - start : nil
  }
}

/// Finds characters that may not appear in a term: anything outside printable ASCII (RFC 7208 §12).
enum CharacterCheck {
  /// The index of the first space in `buffer[start..<end]`, or `end`: eight bytes at a time, as the
  /// parser looks for the end of every term.
  static func firstSpace(in buffer: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
    var index = max(start, 0)
    let end = min(end, buffer.count)
    if let base = buffer.baseAddress {
      while end - index >= 8 {
        let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
        let spaces = ByteWord.matches(0x20, in: word)
        if spaces != 0 { return index + spaces.trailingZeroBitCount / 8 }
        index += 8
      }
    }
    while index < end, buffer[index] != 0x20 { index += 1 }
    return index
  }

  /// Whether every byte is printable ASCII or a space (0x20 to 0x7E): eight bytes at a time.
  static func isPrintableASCII(_ bytes: [UInt8]) -> Bool { bytes.withUnsafeBufferPointer(isPrintableASCII) }

  /// Whether every byte of `buffer` is printable ASCII or a space.
  static func isPrintableASCII(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
    var index = 0
    if let base = buffer.baseAddress {
      while buffer.count - index >= 8 {
        guard isPrintableASCII(word: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) else {
          return false
        }
        index += 8
      }
    }
    while index < buffer.count {
      guard buffer[index] >= 0x20, buffer[index] <= 0x7E else { return false }
      index += 1
    }
    return true
  }

  /// Whether all eight bytes of `word` are in 0x20...0x7E.
  static func isPrintableASCII(word: UInt64) -> Bool {
    !ByteWord.containsNonASCII(word) && !ByteWord.containsByte(below: 0x20, in: word)
      && !ByteWord.contains(0x7F, in: word)
  }

  /// Every invalid character in `range`, in order: a fix must remove all of them, not only the first.
  static func allInvalid(_ bytes: [UInt8], _ range: Range<Int>) -> [SyntaxIssue] {
    // Almost every term is clean: one tight scan decides that before any issue is built.
    guard bytes[range].contains(where: { $0 < 0x21 || $0 > 0x7E }) else { return [] }
    var found: [SyntaxIssue] = []
    var start = range.lowerBound
    while start < range.upperBound, let issue = firstInvalid(bytes, start..<range.upperBound) {
      found.append(issue)
      start = issue.span.end
    }
    return found
  }

  /// The first invalid character in `range` as an issue, with the character named.
  static func firstInvalid(_ bytes: [UInt8], _ range: Range<Int>) -> SyntaxIssue? {
    guard let index = bytes[range].firstIndex(where: { $0 < 0x21 || $0 > 0x7E }) else { return nil }
    let byte = bytes[index]
    if byte < 0x80 {
      let name = byte == 0x09 ? "a tab" : byte == 0x00 ? "a NUL byte" : "control character 0x\(hex(byte))"
      return SyntaxIssue(
        .invalidCharacter, SourceSpan(start: index, end: index + 1),
        "\(name) in the record: terms are separated by spaces only", suggestion: " ")
    }
    let length = utf8SequenceLength(bytes, at: index, end: range.upperBound)
    guard length > 0 else {
      // One issue for a broken sequence: the lead byte and the continuation bytes after it.
      var end = index + 1
      while end < range.upperBound, bytes[end] & 0xC0 == 0x80 { end += 1 }
      let shown = bytes[index..<end].map { "0x" + hex($0) }.joined(separator: " ")
      let noun = end - index == 1 ? "byte" : "bytes"
      return SyntaxIssue(
        .invalidCharacter, SourceSpan(start: index, end: end), "invalid UTF-8 \(noun) \(shown) in the record",
        suggestion: "")
    }
    let span = SourceSpan(start: index, end: index + length)
    let character = String(decoding: bytes[span.start..<span.end], as: UTF8.self)
    let (what, replacement) = lookalike(character)
    return SyntaxIssue(
      .invalidCharacter, span, "\(what) '\(character)' in the record: SPF is ASCII only",
      suggestion: replacement)
  }

  /// What a common non-ASCII character pasted from a word processor is, and its ASCII meaning.
  ///
  /// Quotes around a record or a domain come from the text it was copied from: no quote is valid there, so
  /// the meaning is nothing.
  private static func lookalike(_ character: String) -> (String, String?) {
    switch character {
    case "\u{201C}", "\u{201D}", "\u{201E}", "\u{00AB}", "\u{00BB}": ("typographic quote", "")
    case "\u{2018}", "\u{2019}": ("typographic apostrophe", "")
    case "\u{2013}", "\u{2014}", "\u{2212}": ("dash", "-")
    case "\u{00A0}", "\u{2007}", "\u{202F}", "\u{200B}": ("non-breaking or zero-width space", " ")
    default: ("non-ASCII character", nil)
    }
  }

  /// The length of a valid UTF-8 sequence at `index`, or 0 if the bytes there are not one.
  static func utf8SequenceLength(_ bytes: [UInt8], at index: Int, end: Int) -> Int {
    let lead = bytes[index]
    let length: Int
    switch lead {
    case 0xC2...0xDF: length = 2
    case 0xE0...0xEF: length = 3
    case 0xF0...0xF4: length = 4
    default: return 0
    }
    guard index + length <= end else { return 0 }
    for offset in 1..<length where bytes[index + offset] & 0xC0 != 0x80 { return 0 }
    return String(validating: bytes[index..<(index + length)], as: UTF8.self) == nil ? 0 : length
  }

  static func hex(_ byte: UInt8) -> String {
    let digits = String(byte, radix: 16, uppercase: true)
    return digits.count == 1 ? "0" + digits : digits
  }
}
