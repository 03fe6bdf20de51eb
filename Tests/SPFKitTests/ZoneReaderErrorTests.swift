import SPFKit
import Testing

/// A zone that cannot be read: `↓` marks where the error points; `message` is part of its text.
struct ZoneErrorCase: Sendable, CustomTestStringConvertible {
  var why: String
  var zone: String
  var message: String
  var file = "test.zone"
  var files: [String: String] = [:]
  var testDescription: String { why }
}

private let deepIncludes = Dictionary(
  uniqueKeysWithValues: (1...17).map { ("d\($0).zone", "$INCLUDE d\($0 + 1).zone\n") })

let zoneErrorCases: [ZoneErrorCase] = [
  .init(
    why: "a quote not closed on its line", zone: "a 1 TXT ↓\"v=spf1 -all\nb 1 TXT \"x\"\n",
    message: "unterminated character-string"),
  .init(
    why: "a quote not closed at the end of the file", zone: "a 1 TXT ↓\"v=spf1",
    message: "unterminated character-string"),
  .init(
    why: "'(' not closed at the end of the file", zone: "a 1 TXT ↓( \"x\"\n\"y\"\n", message: "unbalanced parentheses"),
  .init(why: "')' without '('", zone: "a 1 TXT \"x\" ↓)\n", message: "unbalanced parentheses: ')' without '('"),
  .init(
    why: "a missing $INCLUDE file, reported at the including line", zone: "a 1 A 192.0.2.1\n$INCLUDE ↓missing.zone\n",
    message: "cannot open 'missing.zone': no such file or directory"),
  .init(
    why: "an include loop", zone: "$INCLUDE a.zone\n", message: "include loop: 'a.zone' is already being read",
    file: "b.zone", files: ["a.zone": "$INCLUDE b.zone\n", "b.zone": "\n$INCLUDE ↓a.zone\n"]),
  .init(
    why: "a file including itself", zone: "$INCLUDE ↓test.zone\n", message: "include loop", files: ["test.zone": ""]),
  .init(
    why: "more than 16 nested includes", zone: "$INCLUDE d1.zone\n", message: "nests deeper than 16 files",
    file: "d16.zone", files: deepIncludes.merging(["d16.zone": "$INCLUDE ↓d17.zone\n"]) { $1 }),
  .init(
    why: "$GENERATE of TXT records, which would go unlinted", zone: "a 1 TXT \"x\"\n$GENERATE 1-3 h$ ↓TXT \"y\"\n",
    message: "'$GENERATE' of TXT records is not supported"),
  .init(
    why: "$GENERATE of SPF records, with TTL and class", zone: "$GENERATE 1-3 h$ 60 IN ↓spf \"v=spf1 -all\"\n",
    message: "'$GENERATE' of spf records is not supported"),
  .init(why: "a NUL byte", zone: "a 1 TXT \"x\"\nb 1 TXT \"↓\u{0}\"\n", message: "binary data: NUL byte"),
  .init(
    why: "a NUL byte after the first kilobyte", zone: String(repeating: "; padding\n", count: 200) + "a 1 TXT ↓\u{0}\n",
    message: "binary data: NUL byte"),
  .init(
    why: "control characters all over the first kilobyte",
    zone: "↓" + String(repeating: "\u{1}\u{2}\u{3}abc\u{7f}", count: 40),
    message: "binary data: 160 of the first 280 bytes"),
  .init(
    why: "a TTL over 2^32 - 1", zone: "a ↓4294967296 TXT \"x\"\n", message: "TTL '4294967296' is out of range"),
  .init(why: "a TTL whose units overflow", zone: "a ↓7102w TXT \"x\"\n", message: "is out of range"),
  .init(why: "$TTL out of range", zone: "$TTL ↓99999999999\n", message: "is out of range"),
  .init(why: "a bare number after units, as BIND", zone: "a ↓1h30 TXT \"x\"\n", message: "invalid TTL '1h30'"),
  .init(
    why: "a line over 64 KiB", zone: "a 1 TXT \"" + String(repeating: "x", count: 70_000) + "\"\n",
    message: "line is longer than 65536 bytes"),
  .init(why: "an unknown type", zone: "a 1 ↓BOGUS x\n", message: "unknown record type 'BOGUS'"),
  .init(why: "another class than the zone's", zone: "a 1 ↓CH TXT \"x\"\n", message: "class 'CH' does not match"),
  .init(why: "an empty label", zone: "a.↓.b 1 TXT \"x\"\n", message: "empty label in 'a..b'"),
  .init(
    why: "a label over 63 octets", zone: "x.↓\(String(repeating: "l", count: 64)) 1 TXT \"x\"\n",
    message: "is longer than 63 octets"),
  .init(
    why: "a name over 255 octets", zone: "↓" + String(repeating: "abcdefg.", count: 32) + " 1 TXT \"x\"\n",
    message: "longer than 255"),
  .init(
    why: #"a \DDD escape over 255"#, zone: #"a 1 TXT "x↓\256""# + "\n", message: "escape '\\256' is greater than 255"),
  .init(
    why: #"a \DDD escape with two digits"#, zone: #"a 1 TXT "↓\25x""# + "\n", message: "needs three decimal digits"),
  .init(why: "unquoted escapes are checked too", zone: #"a 1 TXT ab↓\9"# + "\n", message: "three decimal digits"),
  .init(why: "a bad escape in an owner name", zone: #"a↓\300 1 TXT "x""# + "\n", message: "greater than 255"),
  .init(why: "a blank owner on the first record", zone: "\n   ↓1 TXT \"x\"\n", message: "no owner name to repeat"),
  .init(why: "an unknown directive", zone: "↓$FOO bar\n", message: "unknown directive '$FOO'"),
  .init(why: "TXT without a string", zone: "a 1 ↓TXT ; nothing\n", message: "TXT record has no character-string"),
  .init(why: "a quoted owner", zone: "↓\"a\" 1 TXT \"x\"\n", message: "expected an owner name, found a quoted string"),
  .init(why: "a missing type", zone: "a 1 IN↓\n", message: "missing record type"),
  .init(
    why: "a backslash before a newline outside quotes", zone: "a 1 TXT ab↓\\\ncd\n",
    message: "backslash at the end of a line"),
  .init(
    why: "generic data shorter than announced", zone: "a 1 TXT \\# ↓3 0161\n",
    message: "announces 3 octets but 2 follow"),
  .init(
    why: "generic data cut inside a string", zone: "a 1 TXT \\# ↓2 0561\n", message: "ends inside a character-string"),
  .init(
    why: "$ORIGIN with extra words", zone: "$ORIGIN a. ↓b.\n", message: "unexpected 'b.' after the '$ORIGIN' argument"),
]

@Suite struct ZoneReaderErrorTests {
  @Test(arguments: zoneErrorCases)
  func reportsError(_ testCase: ZoneErrorCase) throws {
    let (zone, zoneMarks) = ZoneTestSupport.marked(testCase.zone)
    var files: [String: String] = [:]
    var marks = zoneMarks
    for (name, text) in testCase.files {
      let (file, fileMarks) = ZoneTestSupport.marked(text)
      files[name] = file
      if name == testCase.file, !fileMarks.isEmpty { marks = fileMarks }
    }
    let error = try #require(ZoneTestSupport.error(zone, files: files), "\(testCase.why)")
    #expect(error.file == testCase.file, "\(testCase.why)")
    #expect(error.message.contains(testCase.message), "\(testCase.why): \(error.message)")
    let expected = marks.first ?? SourceLocation(line: 1, column: 65_537)
    #expect(SourceLocation(line: error.line, column: error.column) == expected, "\(testCase.why)")
  }

  @Test func lineTooLongPointsPastTheLimit() throws {
    let zone = "a 1 TXT \"x\"\nb 1 TXT \"" + String(repeating: "x", count: 70_000) + "\"\n"
    let error = try #require(ZoneTestSupport.error(zone))
    #expect(SourceLocation(line: error.line, column: error.column) == SourceLocation(line: 2, column: 65_537))
  }

  @Test func inputErrorsAreReportedWithTheFile() throws {
    struct Broken: ZoneInput {
      var calls = 0
      mutating func nextChunk() throws -> [UInt8]? {
        calls += 1
        if calls == 1 { return Array("a 1 TXT \"x\"\n".utf8) }
        throw ZoneTestSupport.MissingFile()
      }
    }
    var reader = ZoneReader(source: ZoneSource(name: "broken.zone", input: Broken()))
    let error = try #require(throws: ZoneReadError.self) { try reader.next() }
    #expect(error.description == "broken.zone:1:1: cannot read 'broken.zone': no such file or directory")
  }

  @Test func includeWithoutOpenerIsAnError() throws {
    var reader = ZoneReader(source: ZoneSource(name: "z", input: ZoneBytesInput("$INCLUDE x\n")))
    let error = try #require(throws: ZoneReadError.self) { try reader.next() }
    #expect(error.message.contains("'$INCLUDE' is not supported here"))
  }

  @Test func descriptionIsCompilerStyle() {
    let error = ZoneReadError(file: "db.example", line: 3, column: 9, message: "unknown record type 'BOGUS'")
    #expect(error.description == "db.example:3:9: unknown record type 'BOGUS'")
  }
}
