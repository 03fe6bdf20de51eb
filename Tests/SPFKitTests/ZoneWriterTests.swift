import Foundation
import SPFKit
import SPFKitTestSupport
import Testing

/// A record and the exact zone text the writer gives for it.
struct ZoneWriterCase: Sendable, CustomTestStringConvertible {
  var why: String
  var owner: [String]
  var strings: [String]
  var layout = ZoneWriter.Layout.oneLine
  var type = ZoneRecord.RecordType.txt
  var expected: String
  var testDescription: String { why }
}

let zoneWriterCases: [ZoneWriterCase] = [
  .init(
    why: "one string: no parentheses", owner: ["example", "com"], strings: ["v=spf1 -all"],
    expected: #"example.com. 3600 IN TXT "v=spf1 -all""#),
  .init(
    why: "several strings on one line", owner: ["example", "com"], strings: ["v=spf1 ip4:192.0.2.0/24", " -all"],
    expected: #"example.com. 3600 IN TXT ( "v=spf1 ip4:192.0.2.0/24" " -all" )"#),
  .init(
    why: "several strings, one per line", owner: ["example", "com"], strings: ["a", "b", "c"], layout: .stringPerLine,
    expected: "example.com. 3600 IN TXT (\n  \"a\"\n  \"b\"\n  \"c\" )"),
  .init(
    why: "one string per line still needs no parentheses", owner: ["example", "com"], strings: ["a"],
    layout: .stringPerLine,
    expected: #"example.com. 3600 IN TXT "a""#),
  .init(
    why: #"quotes and backslashes are escaped, other bytes as \DDD"#, owner: ["example", "com"],
    strings: ["say \"hi\" \\ é;\t"], expected: #"example.com. 3600 IN TXT "say \"hi\" \\ \195\169;\009""#),
  .init(
    why: "owner labels with special characters are escaped", owner: ["we\"ird name", "a.b", "@$;()", "com"],
    strings: ["x"], expected: #"we\"ird\032name.a\.b.\@\$\;\(\).com. 3600 IN TXT "x""#),
  .init(why: "the root owner", owner: [], strings: ["x"], expected: #". 3600 IN TXT "x""#),
  .init(why: "no string is written as one empty string", owner: ["a"], strings: [], expected: #"a. 3600 IN TXT """#),
  .init(
    why: "the SPF type", owner: ["a"], strings: ["v=spf1 -all"], type: .spf, expected: #"a. 3600 IN SPF "v=spf1 -all""#),
]

@Suite struct ZoneWriterTests {
  @Test(arguments: zoneWriterCases)
  func writes(_ testCase: ZoneWriterCase) throws {
    let owner = try ZoneName(labels: testCase.owner.map { Array($0.utf8) })
    let record = TXTRecord(strings: testCase.strings.map { CharacterString($0) })
    let text = ZoneWriter(layout: testCase.layout).text(owner: owner, ttl: 3600, record: record, type: testCase.type)
    #expect(text == testCase.expected, "\(testCase.why)")
  }

  @Test(arguments: zoneWriterCases)
  func readsBackWhatItWrites(_ testCase: ZoneWriterCase) throws {
    let owner = try ZoneName(labels: testCase.owner.map { Array($0.utf8) })
    let record = TXTRecord(strings: testCase.strings.map { CharacterString($0) })
    let text = ZoneWriter(layout: testCase.layout).text(owner: owner, ttl: 3600, record: record, type: testCase.type)
    let read = try #require(try ZoneTestSupport.read(text + "\n").first)
    #expect(read.owner == owner && read.owner.labels == owner.labels, "\(testCase.why)")
    #expect(read.txt.strings.map(\.bytes) == (record.strings.isEmpty ? [[]] : record.strings.map(\.bytes)))
    #expect(read.ttl == 3600 && read.type == testCase.type)
  }

  @Test func randomRecordsRoundTrip() throws {
    var random = SplitMix64(seed: 0x5EED_2024)
    for _ in 0..<300 {
      let (owner, record) = try ZoneWriterTests.randomRecord(&random)
      let layout: ZoneWriter.Layout = Bool.random(using: &random) ? .oneLine : .stringPerLine
      let ttl = UInt32.random(in: 0...0x7FFF_FFFF, using: &random)
      let text = ZoneWriter(layout: layout).text(owner: owner, ttl: ttl, record: record) + "\n"
      let chunkSize = Int.random(in: 1...64, using: &random)
      let read = try #require(try ZoneTestSupport.read(text, chunkSize: chunkSize).first, "\(text)")
      #expect(read.owner.labels == owner.labels, "\(text)")
      #expect(read.txt.strings.map(\.bytes) == record.strings.map(\.bytes), "\(text)")
      #expect(read.ttl == ttl)
    }
  }

  /// A random owner under `example.com.` (any octets) and one to three random strings.
  static func randomRecord(_ random: inout SplitMix64) throws -> (ZoneName, TXTRecord) {
    let labels = (0..<Int.random(in: 1...3, using: &random)).map { _ in
      (0..<Int.random(in: 1...20, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
    }
    let owner = try ZoneName(labels: labels + [Array("example".utf8), Array("com".utf8)])
    let strings = (0..<Int.random(in: 1...3, using: &random)).map { _ in
      CharacterString(
        bytes: (0..<Int.random(in: 0...255, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) })
    }
    return (owner, TXTRecord(strings: strings))
  }
}
