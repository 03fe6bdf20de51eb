import SPFKitTestSupport
import Testing

@testable import SPFKit

/// TXT records in presentation format (RFC 1035 §5.1) and source locations of joined-text offsets.
struct TXTRecordTests {
  struct ParseCase: Sendable, CustomStringConvertible {
    let input: String
    let strings: [[UInt8]]
    let why: String

    init(_ input: String, _ strings: [String], why: String) {
      self.init(input, bytes: strings.map { Array($0.utf8) }, why: why)
    }

    init(_ input: String, bytes: [[UInt8]], why: String) {
      self.input = input
      self.strings = bytes
      self.why = why
    }

    var description: String { "\(why): \(input)" }
  }

  static let parseCases: [ParseCase] = [
    ParseCase(#""v=spf1 -all""#, ["v=spf1 -all"], why: "one string"),
    ParseCase(#""v=spf1 ip4:192.0.2.1" " -all""#, ["v=spf1 ip4:192.0.2.1", " -all"], why: "two strings"),
    ParseCase("  \"a\"\t\"b\"  ", ["a", "b"], why: "spaces and tabs around and between strings"),
    ParseCase(#""""#, [""], why: "an empty string"),
    ParseCase(#""say \"hi\"""#, [#"say "hi""#], why: #"\" is a quote"#),
    ParseCase(#""back\\slash""#, [#"back\slash"#], why: #"\\ is a backslash"#),
    ParseCase(#""a\;b""#, ["a;b"], why: #"\X is X"#),
    ParseCase(#""\059\000\255""#, bytes: [[0x3B, 0x00, 0xFF]], why: #"\DDD is a decimal octet, 0 to 255"#),
    ParseCase(#""\0651""#, ["A1"], why: #"\DDD takes exactly three digits"#),
    ParseCase(#""a b;c""#, ["a b;c"], why: "spaces and ';' inside quotes are text"),
  ]

  @Test(arguments: parseCases)
  func parse(_ c: ParseCase) throws {
    let record = try TXTRecord.parsePresentation(Array(c.input.utf8))
    #expect(record.strings.map(\.bytes) == c.strings)
    #expect(record.joined == Array(c.strings.joined()))
  }

  /// Malformed text; `↓` marks the byte whose 1-based column the error must give.
  static let errorCases: [(marked: String, why: String)] = [
    (#"↓"v=spf1 -all"#, "unterminated: the column of the opening quote"),
    (#""a" ↓"b"#, "the second string is unterminated"),
    (#""↓\256""#, #"\DDD over 255: the column of the backslash"#),
    (#""a↓\25""#, #"\DDD with two digits"#),
    (#""abc↓\"#, "a backslash at the end"),
    (#""a" ↓x "b""#, "text between strings"),
    (#""a"↓"b""#, "no blank between strings"),
    (#""a"↓x"#, "text right after a string"),
    ("↓v=spf1 -all", "unquoted text"),
    ("↓", "no string at all"),
    ("↓   ", "blanks only: the column is 1"),
  ]

  @Test(arguments: errorCases)
  func error(_ marked: String, why: String) {
    let input = MarkedRecord(marked)
    let column = input.spans.first!.start + 1
    let error = #expect(throws: PresentationSyntaxError.self) { try TXTRecord.parsePresentation(input.bytes) }
    #expect(error?.column == column)
  }

  /// `↓` marks the source byte the joined offset must map to.
  static let locationCases: [(marked: String, offset: Int, why: String)] = [
    (#""v=spf1 ↓-all""#, 7, "one string: the column after the opening quote, plus the offset"),
    (#""↓v=spf1""#, 0, "the first byte"),
    (#""a\"↓b""#, 2, #"after \", one byte from two"#),
    (#""a↓\"b""#, 1, "an escaped byte maps to its backslash"),
    (#""\059↓x""#, 1, #"after \DDD, one byte from four"#),
    (#""\\\\\"↓x""#, 3, "after three escapes"),
    (#""ab" "↓cd""#, 2, "a boundary maps to the next string's first byte"),
    (#""ab"   "c\"↓d""#, 4, "an escape in the second string"),
    (#""a\"b" "c↓d""#, 4, "an escape in the first string does not shift the second"),
    (#""a" "" "↓b""#, 1, "an empty string is skipped"),
    (#""ab" "cd↓""#, 4, "the end maps past the last byte"),
    (#""a\"" "↓""#, 2, "the end of an empty last string is its first column"),
  ]

  @Test(arguments: locationCases)
  func location(_ marked: String, offset: Int, why: String) throws {
    let input = MarkedRecord(marked)
    let record = try TXTRecord.parsePresentation(input.bytes, line: 7)
    let expected = SourceLocation(line: 7, column: input.spans.first!.start + 1)
    #expect(record.location(ofJoinedOffset: offset) == expected)
  }

  /// `↓` marks the source column just past the byte before the joined offset: where a span ends.
  static let endLocationCases: [(marked: String, offset: Int, why: String)] = [
    (#""v=spf1↓ -all""#, 6, "one string: just past the byte"),
    (#""ab↓" "cd""#, 2, "a boundary ends inside the earlier string, before its quote"),
    (#""a\"↓b""#, 2, #"an escaped last byte ends after its two columns"#),
    (#""x\059↓y""#, 2, #"after \DDD, four columns"#),
    (#""ab" "c↓d""#, 3, "in the second string"),
    (#""ab" "cd↓""#, 4, "the end of the record"),
    (#""↓ab""#, 0, "offset 0 is the first byte"),
  ]

  @Test(arguments: endLocationCases)
  func endLocation(_ marked: String, offset: Int, why: String) throws {
    let input = MarkedRecord(marked)
    let record = try TXTRecord.parsePresentation(input.bytes, line: 3)
    #expect(record.location(ofJoinedEnd: offset) == SourceLocation(line: 3, column: input.spans.first!.start + 1))
  }

  /// The binary searches give what walking every string and escape gives, at every offset of seeded
  /// random records: empty strings, escapes of two and four source bytes, offsets past either end.
  @Test(arguments: 0..<100)
  func locationsAgreeWithAWalkOverTheStrings(seed: Int) {
    var rng = SplitMix64(seed: UInt64(seed))
    var column = 1
    let strings = (0..<rng.int(1...6)).map { _ in
      let bytes = rng.bytes(rng.int(0...5))
      let escapes = bytes.indices.filter { _ in rng.chance(0.4) }.map {
        EscapeMark(byteIndex: $0, sourceLength: rng.pick([2, 4]))
      }
      defer { column += bytes.count + escapes.reduce(0) { $0 + $1.sourceLength - 1 } + 3 }
      return CharacterString(bytes: bytes, origin: SourceOrigin(line: 1, column: column + 1, escapes: escapes))
    }
    let record = TXTRecord(strings: strings)
    for offset in -1...(record.joined.count + 1) {
      #expect(record.location(ofJoinedOffset: offset) == Self.walkedLocation(strings, offset), "offset \(offset)")
      #expect(record.location(ofJoinedEnd: offset) == Self.walkedEnd(strings, offset), "end \(offset)")
    }
  }

  /// `location(ofJoinedOffset:)` by its definition: the first string holding the offset.
  static func walkedLocation(_ strings: [CharacterString], _ offset: Int) -> SPFKit.SourceLocation? {
    var remaining = offset
    for (index, string) in strings.enumerated() {
      if remaining < string.bytes.count || (index == strings.count - 1 && remaining == string.bytes.count) {
        return string.origin.map { SourceLocation(line: $0.line, column: walkedColumn($0, remaining)) }
      }
      remaining -= string.bytes.count
    }
    return strings.last?.origin.map { SourceLocation(line: $0.line, column: $0.column) }
  }

  /// `location(ofJoinedEnd:)` by its definition: the first string ending at or after the offset.
  static func walkedEnd(_ strings: [CharacterString], _ offset: Int) -> SPFKit.SourceLocation? {
    guard offset > 0 else { return walkedLocation(strings, 0) }
    var remaining = offset
    for string in strings {
      if remaining <= string.bytes.count {
        return string.origin.map { SourceLocation(line: $0.line, column: walkedColumn($0, remaining)) }
      }
      remaining -= string.bytes.count
    }
    return walkedLocation(strings, offset)
  }

  static func walkedColumn(_ origin: SourceOrigin, _ index: Int) -> Int {
    origin.column + index + origin.escapes.filter { $0.byteIndex < index }.reduce(0) { $0 + $1.sourceLength - 1 }
  }

  @Test func recordsBuiltInCode() {
    #expect(TXTRecord(text: "v=spf1 -all").location(ofJoinedOffset: 3) == SourceLocation(line: 1, column: 4))
    let record = TXTRecord(strings: [CharacterString("v=spf1 "), CharacterString("-all")])
    #expect(record.location(ofJoinedOffset: 3) == nil)
    #expect(record.boundaries == [7])
    #expect(record.text == "v=spf1 -all")
  }

  @Test func presentationEscapes() {
    let record = TXTRecord(strings: [CharacterString(bytes: Array(#"a"b\c"#.utf8) + [0x00, 0x7F, 0xC3, 0xA9])])
    #expect(record.presentation == #""a\"b\\c\000\127\195\169""#)
    #expect(TXTRecord(strings: [CharacterString("a"), CharacterString("")]).presentation == #""a" """#)
  }
}
