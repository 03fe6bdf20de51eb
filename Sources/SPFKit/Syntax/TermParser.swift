/// Parses the terms (RFC 7208 §12 `directive` / `modifier`) of one record's bytes, one at a time.
///
/// One parser serves every term of a record: a parser per term would retain the record's bytes
/// for each. It is not copyable, so no method call copies it (a copy retains the bytes too).
struct TermParser: ~Copyable {
  let bytes: [UInt8]
  /// Whether an unknown term gets a suggestion; off while a suggestion itself is checked.
  let suggests: Bool
  /// Whether the record is known to be printable ASCII, so its terms' characters need no check.
  let knownPrintable: Bool
  /// The term being parsed.
  private(set) var range: Range<Int> = 0..<0
  /// The written qualifier (`+`, `-`, `~`, `?`), if the term starts with one.
  private(set) var writtenQualifier: Qualifier?
  /// Where the mechanism or modifier name starts (after any qualifier).
  private(set) var nameStart = 0
  private(set) var qualifierSpan: SourceSpan?

  /// A parser of terms of `bytes`.
  init(bytes: [UInt8], suggests: Bool = true, knownPrintable: Bool = false) {
    self.bytes = bytes
    self.suggests = suggests
    self.knownPrintable = knownPrintable
  }

  /// Parses the non-empty term `bytes[range]`, appending problems to `issues`.
  mutating func parse(_ range: Range<Int>, _ issues: inout [SyntaxIssue]) -> Term {
    self.range = range
    let written = range.isEmpty ? nil : Qualifier(byte: bytes[range.lowerBound])
    writtenQualifier = written
    qualifierSpan = written == nil ? nil : SourceSpan(start: range.lowerBound, end: range.lowerBound + 1)
    nameStart = written == nil ? range.lowerBound : range.lowerBound + 1
    return parseTerm(&issues)
  }

  var span: SourceSpan { SourceSpan(start: range.lowerBound, end: range.upperBound) }
  /// The term as quoted in messages.
  var rawText: String { Excerpt.of(bytes[range]) }

  /// Parses the term in `range`.
  private func parseTerm(_ issues: inout [SyntaxIssue]) -> Term {
    let bad = knownPrintable ? [] : CharacterCheck.allInvalid(bytes, range)
    if !bad.isEmpty {
      // Invalid before its qualifier is read: the term has no qualifier and no name.
      issues += bad
      return Term(
        .invalid(Array(bytes[range])), span: span, qualifierSpan: nil,
        nameSpan: SourceSpan(start: range.lowerBound, end: range.lowerBound))
    }
    let qualifier = writtenQualifier ?? .pass
    // Most names start with a letter, which rules out a bad qualifier without the call.
    let startsWithLetter = nameStart < range.upperBound && TermParser.isNameByte(bytes[nameStart], first: true)
    if !startsWithLetter, let issue = badQualifier() { return invalid(issue, &issues) }
    var nameEnd = nameStart
    while nameEnd < range.upperBound, TermParser.isNameByte(bytes[nameEnd], first: nameEnd == nameStart) {
      nameEnd += 1
    }
    let nameSpan = SourceSpan(start: nameStart, end: nameEnd)
    let separator: UInt8? = nameEnd < range.upperBound ? bytes[nameEnd] : nil
    if separator == 0x3D, nameEnd > nameStart {
      return parseModifier(nameSpan: nameSpan, &issues)
    }
    guard let kind = MechanismKind(caseInsensitive: bytes, nameSpan.start..<nameSpan.end), nameEnd > nameStart,
      separator == nil || separator == 0x3A || separator == 0x2F
    else {
      return invalid(unknownTerm(nameSpan: nameSpan, separator: separator), &issues)
    }
    return parseMechanism(kind, qualifier: qualifier, nameSpan: nameSpan, &issues)
  }

  /// A qualifier that is no qualifier (`!all`) or a second one (`~~all`, `-+all`).
  private func badQualifier() -> SyntaxIssue? {
    guard nameStart < range.upperBound else {
      return SyntaxIssue(.invalidQualifier, span, "'\(rawText)' is a qualifier with no mechanism")
    }
    let byte = bytes[nameStart]
    // A letter starts a name (`parseTerm` tests that first, to skip this call), a digit a bare address
    // (`2a00::/32`) and `=` an empty modifier name: none of them stands for a qualifier.
    guard !TermParser.isNameByte(byte, first: true), !(byte >= 0x30 && byte <= 0x39), byte != 0x3D else { return nil }
    let restStart = nameStart + 1
    guard restStart < range.upperBound, (bytes[restStart] | 0x20) >= 0x61, (bytes[restStart] | 0x20) <= 0x7A else {
      return nil
    }
    let bad = SourceSpan(start: nameStart, end: restStart)
    let shown = String(decoding: [byte], as: UTF8.self)
    if qualifierSpan != nil {
      return SyntaxIssue(
        .invalidQualifier, SourceSpan(start: range.lowerBound, end: restStart),
        "'\(rawText)' has two qualifiers: a directive takes at most one of '+', '-', '~', '?'",
        suggestion: String(decoding: [bytes[range.lowerBound]], as: UTF8.self))
    }
    let suggestion = byte == 0x21 ? "-" : nil  // '!' reads as "not": the author meant fail
    return SyntaxIssue(
      .invalidQualifier, bad, "'\(shown)' is not a qualifier: use '+', '-', '~' or '?'",
      suggestion: suggestion)
  }

  /// Records the issue and returns the term as invalid.
  func invalid(_ issue: SyntaxIssue, _ issues: inout [SyntaxIssue]) -> Term {
    issues.append(issue)
    return Term(
      .invalid(Array(bytes[range])), span: span, qualifierSpan: qualifierSpan,
      nameSpan: SourceSpan(start: nameStart, end: nameStart))
  }

  /// Builds a valid term.
  func term(_ kind: Term.Kind, nameSpan: SourceSpan, argumentSpan: SourceSpan? = nil, cidrSpan: SourceSpan? = nil)
    -> Term
  {
    Term(
      kind, span: span, qualifierSpan: qualifierSpan, nameSpan: nameSpan, argumentSpan: argumentSpan,
      cidrSpan: cidrSpan)
  }

  /// `name = ALPHA *( ALPHA / DIGIT / "-" / "_" / "." )` (RFC 7208 §12).
  static func isNameByte(_ byte: UInt8, first: Bool) -> Bool {
    let lower = byte | 0x20
    if lower >= 0x61 && lower <= 0x7A { return true }
    if first { return false }
    return (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x5F || byte == 0x2E
  }
}

extension MechanismKind {
  /// The kind whose name equals `bytes` ignoring ASCII case.
  init?(caseInsensitive bytes: ArraySlice<UInt8>) {
    guard bytes.count <= 7 else { return nil }
    var key: UInt64 = 0
    for byte in bytes { key = Self.packing(byte, into: key) }
    self.init(packedName: key)
  }

  /// The kind whose name equals `bytes[range]` ignoring ASCII case (no slice: a slice retains the array).
  init?(caseInsensitive bytes: borrowing [UInt8], _ range: Range<Int>) {
    guard range.count <= 7 else { return nil }
    var key: UInt64 = 0
    for index in range { key = Self.packing(bytes[index], into: key) }
    self.init(packedName: key)
  }

  /// Up to 7 lowercased bytes packed into an integer, to switch on: no String, no hashing on this hot path.
  private static func packing(_ byte: UInt8, into key: UInt64) -> UInt64 {
    key << 8 | UInt64(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
  }

  private init?(packedName key: UInt64) {
    switch key {
    case 0x61_6C6C: self = .all
    case 0x696E_636C_7564_65: self = .include
    case 0x61: self = .a
    case 0x6D78: self = .mx
    case 0x70_7472: self = .ptr
    case 0x6970_34: self = .ip4
    case 0x6970_36: self = .ip6
    case 0x6578_6973_7473: self = .exists
    default: return nil
    }
  }
}
