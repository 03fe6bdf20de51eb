import SPFKit
import Testing

/// A zone whose `↓` marks stand before the bytes at `offsets` of the first record's joined text.
struct ZoneLocationCase: Sendable, CustomTestStringConvertible {
  var why: String
  var zone: String
  var offsets: [Int]
  var testDescription: String { why }
}

let zoneLocationCases: [ZoneLocationCase] = [
  .init(why: "first content byte, after the quote", zone: "a 1 TXT \"↓v=spf1 -all\"\n", offsets: [0]),
  .init(why: "an escaped quote takes two columns", zone: #"a 1 TXT "a↓\"↓b""# + "\n", offsets: [1, 2]),
  .init(why: "an escaped backslash takes two columns", zone: #"a 1 TXT "↓\\↓\\↓b""# + "\n", offsets: [0, 1, 2]),
  .init(why: #"a \DDD escape takes four columns"#, zone: #"a 1 TXT "x↓\059↓y""# + "\n", offsets: [1, 2]),
  .init(why: #"a \X escape takes two columns"#, zone: #"a 1 TXT "↓\x↓y""# + "\n", offsets: [0, 1]),
  .init(
    why: "strings of a record in parentheses keep their own lines",
    zone: "a 1 TXT ( \"↓ab\"\n     \"c↓d\" ; comment\n  ↓e )\n", offsets: [0, 3, 4]),
  .init(why: "tabs count as one column", zone: "a\t1\tTXT\t\"↓x\"\n", offsets: [0]),
  .init(why: "columns are UTF-8 bytes", zone: "a 1 TXT \"é↓x\"\n", offsets: [2]),
  .init(why: "unquoted strings start at their first byte", zone: #"a 1 TXT ↓a↓\;↓b"# + "\n", offsets: [0, 1, 2]),
  .init(why: "the end offset is just past the last byte", zone: "a 1 TXT \"ab↓\"\n", offsets: [2]),
  .init(
    why: "a record after other lines and a multi-line SOA",
    zone: "@ 1 SOA ns hm (\n 1 2 3 4 5 )\n\n; note\nspf 1 TXT \"v=spf1 ↓ptr -all\"\n", offsets: [7]),
]

@Suite struct ZoneReaderLocationTests {
  @Test(arguments: zoneLocationCases)
  func locatesJoinedBytes(_ testCase: ZoneLocationCase) throws {
    let (zone, marks) = ZoneTestSupport.marked(testCase.zone)
    let record = try #require(try ZoneTestSupport.read(zone).first)
    let found = testCase.offsets.map { record.txt.location(ofJoinedOffset: $0) }
    #expect(found == marks, "\(testCase.why)")
  }

  @Test(arguments: zoneLocationCases, [1, 5])
  func locationsSurviveChunkBoundaries(_ testCase: ZoneLocationCase, chunkSize: Int) throws {
    let (zone, marks) = ZoneTestSupport.marked(testCase.zone)
    let record = try #require(try ZoneTestSupport.read(zone, chunkSize: chunkSize).first)
    #expect(testCase.offsets.map { record.txt.location(ofJoinedOffset: $0) } == marks, "\(testCase.why)")
  }

  @Test func ownerAndTypeLocations() throws {
    let (zone, marks) = ZoneTestSupport.marked("↓spf 300 IN ↓TXT \"x\"\n↓  ( ↓SPF \"y\" )\n")
    let records = try ZoneTestSupport.read(zone)
    #expect(records.map(\.ownerLocation) == [marks[0], marks[2]])
    #expect(records.map(\.typeLocation) == [marks[1], marks[3]])
    #expect(records.map(\.line) == [1, 2])
  }

  @Test func escapesAreMarked() throws {
    let record = try #require(try ZoneTestSupport.read(#"a 1 TXT "a\"b\059c""# + "\n").first)
    let origin = try #require(record.txt.strings[0].origin)
    #expect(
      origin
        == SourceOrigin(
          line: 1, column: 10, escapes: [.init(byteIndex: 1, sourceLength: 2), .init(byteIndex: 3, sourceLength: 4)]))
  }

  @Test func includedFileLinesAreItsOwn() throws {
    let files = ["inc.zone": "\n\nb 1 TXT ( \"x\"\n  \"y\" )\n"]
    let records = try ZoneTestSupport.read("a 1 A 192.0.2.1\n$INCLUDE inc.zone\n", files: files)
    let record = try #require(records.first)
    #expect(record.file == "inc.zone")
    #expect(record.txt.location(ofJoinedOffset: 1) == SourceLocation(line: 4, column: 4))
  }

  @Test func genericDataHasNoOrigin() throws {
    let record = try #require(try ZoneTestSupport.read("a 1 TXT \\# 2 0178\n").first)
    #expect(record.txt.strings[0].origin == nil)
    #expect(record.txt.location(ofJoinedOffset: 0) == nil)
  }
}
