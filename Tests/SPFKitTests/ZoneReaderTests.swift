import SPFKit
import SPFKitTestSupport
import Testing

/// A zone and the records it holds, each summarized as `owner ttl TYPE string|string`.
struct ZoneFeatureCase: Sendable, CustomTestStringConvertible {
  var why: String
  var zone: String
  var records: [String]
  var files: [String: String] = [:]
  var testDescription: String { why }
}

/// The reader's features, as BIND reads them (checked against `named-checkzone -D` by hand).
let zoneFeatureCases: [ZoneFeatureCase] = [
  .init(why: "absolute owner", zone: "a.example.org. 300 IN TXT \"x\"\n", records: ["a.example.org. 300 TXT x"]),
  .init(why: "relative owner takes the origin", zone: "a 300 TXT \"x\"\n", records: ["a.example.com. 300 TXT x"]),
  .init(why: "'@' is the origin", zone: "@ 300 TXT \"x\"\n", records: ["example.com. 300 TXT x"]),
  .init(
    why: "a blank owner repeats the previous one", zone: "a 300 A 192.0.2.1\n  300 TXT \"x\"\n\tTXT \"y\"\n",
    records: ["a.example.com. 300 TXT x", "a.example.com. 300 TXT y"]),
  .init(
    why: "$ORIGIN applies to later relative names, relative to the previous origin",
    zone: "$ORIGIN sub\na 1 TXT \"x\"\n$ORIGIN other.test.\n@ 1 TXT \"y\"\n",
    records: ["a.sub.example.com. 1 TXT x", "other.test. 1 TXT y"]),
  .init(
    why: "a blank owner after $ORIGIN keeps the old absolute owner",
    zone: "a 1 TXT \"x\"\n$ORIGIN o.test.\n  TXT \"y\"\n",
    records: ["a.example.com. 1 TXT x", "a.example.com. 1 TXT y"]),
  .init(
    why: "$TTL is the default; an explicit TTL wins", zone: "$TTL 1h\na TXT \"x\"\nb 60 TXT \"y\"\nc TXT \"z\"\n",
    records: ["a.example.com. 3600 TXT x", "b.example.com. 60 TXT y", "c.example.com. 3600 TXT z"]),
  .init(
    why: "without $TTL the last explicit TTL carries over (RFC 1035); none known is nil",
    zone: "a TXT \"w\"\nb 60 TXT \"x\"\nc TXT \"y\"\n",
    records: ["a.example.com. - TXT w", "b.example.com. 60 TXT x", "c.example.com. 60 TXT y"]),
  .init(
    why: "TTL units in any case, summed", zone: "a 1h30m TXT \"x\"\nb 1W2d TXT \"y\"\nc 2H1M5S TXT \"z\"\n",
    records: ["a.example.com. 5400 TXT x", "b.example.com. 777600 TXT y", "c.example.com. 7265 TXT z"]),
  .init(
    why: "TTL over 2^31 - 1 reads as 0 (RFC 2181 §8, as BIND)", zone: "a 2147483648 TXT \"x\"\n",
    records: ["a.example.com. 0 TXT x"]),
  .init(
    why: "TTL and class in either order, any case", zone: "a 5 IN TXT \"x\"\nb in 6 txt \"y\"\nc IN TxT \"z\"\n",
    records: ["a.example.com. 5 TXT x", "b.example.com. 6 TXT y", "c.example.com. 6 TXT z"]),
  .init(
    why: "parentheses across lines, with comments and a comment-only line inside",
    zone: "a 1 TXT ( \"v=spf1\" ; first\n; only a comment\n    \" -all\"\n)\nb 1 TXT \"next\"\n",
    records: ["a.example.com. 1 TXT v=spf1| -all", "b.example.com. 1 TXT next"]),
  .init(
    why: "parentheses may open before the type", zone: "a ( 1 IN\n TXT \"x\" )\n", records: ["a.example.com. 1 TXT x"]),
  .init(
    why: "unquoted strings, with escapes", zone: #"a 1 TXT v=spf1 \065\;b a\ b"# + "\n",
    records: ["a.example.com. 1 TXT v=spf1|A;b|a b"]),
  .init(
    why: #"quoted escapes: \", \\, \DDD and \X"#, zone: #"a 1 TXT "q\"b\\s\059\x\010""# + "\n",
    records: ["a.example.com. 1 TXT q\"b\\s;x\n"]),
  .init(
    why: "a token that starts with an escape, after a longer token, holds only its own bytes",
    zone: #"long-owner-name 1 TXT "a much longer string than what follows" \059x \"q"# + "\n"
      + #"\059b 1 TXT "\"w" "ab""# + "\n",
    records: [
      "long-owner-name.example.com. 1 TXT a much longer string than what follows|;x|\"q",
      "\\059b.example.com. 1 TXT \"w|ab",
    ]),
  .init(
    why: "';', '(' and ')' inside quotes are text", zone: "a 1 TXT \"a;b (c) d\" ; real comment\n",
    records: ["a.example.com. 1 TXT a;b (c) d"]),
  .init(
    why: "';' ends an unquoted word and starts a comment", zone: "a 1 TXT abc;comment \"x\"\n",
    records: ["a.example.com. 1 TXT abc"]),
  .init(
    why: "a quote ends an unquoted word, as in BIND", zone: "a 1 TXT ab\"cd\"ef\n",
    records: ["a.example.com. 1 TXT ab|cd|ef"]),
  .init(
    why: "SPF, TYPE99 and TYPE16", zone: "a 1 SPF \"x\"\nb 1 TYPE99 \"y\"\nc 1 type16 \"z\"\n",
    records: ["a.example.com. 1 SPF x", "b.example.com. 1 SPF y", "c.example.com. 1 TXT z"]),
  .init(
    why: ##"RFC 3597 generic data '\#', hexadecimal split anywhere"##,
    zone: ##"a 1 TYPE16 \# 7 03616263 02 6 465"## + "\nb 1 TXT \\# 2 0102\n",
    records: ["a.example.com. 1 TXT abc|de", "b.example.com. 1 TXT \u{2}"]),
  .init(
    why: "other types are skipped, quoted data and parentheses included",
    zone: """
      @ 1 IN SOA ns hostmaster ( 1 ; serial
          2 3 4 5 )
      @ 1 NS ns
      @ 1 MX 10 mail
      @ 1 CAA 0 issue "ca.test; \\"x\\" ("
      _sip._tcp 1 SRV 0 5 5060 sip
      www 1 CNAME @
      ns 1 A 192.0.2.1
      ns 1 AAAA 2001:db8::1
      x 1 TYPE65280 \\# 0
      y 1 TXT "kept"

      """, records: ["y.example.com. 1 TXT kept"]),
  .init(
    why: "escaped owner names keep their text, resolve their bytes", zone: #"a\.b\032c 1 TXT "x""# + "\n",
    records: [#"a\.b\032c.example.com. 1 TXT x"#]),
  .init(
    why: "CRLF line endings; a lone CR inside quotes is text", zone: "a 1 TXT \"x\"\r\nb 1 TXT \"y\rz\"\r\n",
    records: ["a.example.com. 1 TXT x", "b.example.com. 1 TXT y\rz"]),
  .init(
    why: "$GENERATE of another type is skipped, not expanded",
    zone: "$GENERATE 1-3 h$ 300 IN CNAME x$\n$GENERATE 1-3 $ PTR \"h$.example.\"\na 1 TXT \"y\"\n",
    records: ["a.example.com. 1 TXT y"]),
  .init(why: "an empty string", zone: "a 1 TXT \"\"\n", records: ["a.example.com. 1 TXT "]),
  .init(
    why: "a string over 255 octets is for lint to report, not the reader",
    zone: "a 1 TXT \"\(String(repeating: "x", count: 300))\"\n",
    records: ["a.example.com. 1 TXT \(String(repeating: "x", count: 300))"]),
  .init(why: "no newline at the end of the file", zone: "a 1 TXT \"x\"", records: ["a.example.com. 1 TXT x"]),
  .init(
    why: "an escaped newline inside quotes is a newline byte, as in BIND", zone: "a 1 TXT \"x\\\ny\"\nb 1 TXT z\n",
    records: ["a.example.com. 1 TXT x\ny", "b.example.com. 1 TXT z"]),
  .init(
    why: "$INCLUDE: the file's records, its origin argument, the including owner and origin kept after",
    zone: "a 1 A 192.0.2.1\n$INCLUDE \"inc.zone\" sub\n  1 TXT \"after\"\nb 1 TXT \"b\"\n",
    records: [
      "a.example.com. 1 TXT inherited", "c.sub.example.com. 1 TXT c", "a.example.com. 1 TXT after",
      "b.example.com. 1 TXT b",
    ],
    files: ["inc.zone": "  TXT \"inherited\"\nc TXT \"c\"\n"]),
  .init(
    why: "$TTL set in an included file stays set, as in BIND", zone: "$INCLUDE inc.zone\na TXT \"x\"\n",
    records: ["a.example.com. 77 TXT x"], files: ["inc.zone": "$TTL 77\n"]),
]

/// Summarizes a record as `owner ttl TYPE string|string`.
func zoneSummary(_ record: ZoneRecord) -> String {
  let ttl = record.ttl.map { String($0) } ?? "-"
  return "\(record.owner.text) \(ttl) \(record.type.mnemonic) " + ZoneTestSupport.strings(record).joined(separator: "|")
}

@Suite struct ZoneReaderTests {
  @Test(arguments: zoneFeatureCases)
  func readsFeature(_ testCase: ZoneFeatureCase) throws {
    let records = try ZoneTestSupport.read(testCase.zone, files: testCase.files)
    #expect(records.map(zoneSummary) == testCase.records, "\(testCase.why)")
  }

  @Test(arguments: zoneFeatureCases, [1, 2, 3, 7])
  func chunkBoundariesDoNotMatter(_ testCase: ZoneFeatureCase, chunkSize: Int) throws {
    let whole = try ZoneTestSupport.read(testCase.zone, files: testCase.files)
    let chunked = try ZoneTestSupport.read(testCase.zone, files: testCase.files, chunkSize: chunkSize)
    #expect(chunked == whole, "\(testCase.why)")
  }

  @Test func recordKnowsItsFileAndLine() throws {
    let files = ["inc.zone": "\n\nc 1 TXT \"c\"\n"]
    let records = try ZoneTestSupport.read("\na 1 TXT (\n\"x\" )\n$INCLUDE inc.zone\n", files: files)
    #expect(records.map(\.file) == ["test.zone", "inc.zone"])
    #expect(records.map(\.line) == [2, 3])
  }

  @Test func invalidUTF8IsNotAnError() throws {
    var bytes = Array("a\\255".utf8) + [0xC3, 0x41] + Array(" 1 TXT \"".utf8)
    bytes += [0xFF, 0xFE, 0x80] + Array("\"\n".utf8)
    var reader = ZoneTestSupport.reader(bytes)
    let record = try #require(try reader.next())
    #expect(record.txt.strings[0].bytes == [0xFF, 0xFE, 0x80])
    #expect(record.owner.labels.first == [0x61, 0xFF, 0xC3, 0x41])
  }

  @Test func namesMustBeUTF8WhenRequired() throws {
    let cases: [(bytes: [UInt8], column: Int, why: String)] = [
      (Array("ab".utf8) + [0xFF] + Array(" 1 TXT \"x\"\n".utf8), 3, "an owner"),
      (Array("$ORIGIN x".utf8) + [0xC3, 0x41] + Array(".\na 1 TXT \"x\"\n".utf8), 10, "an $ORIGIN"),
      (Array("a".utf8) + [0xE2, 0x82] + Array(" 1 TXT \"x\"\n".utf8), 2, "a truncated sequence"),
    ]
    for c in cases {
      var reader = ZoneTestSupport.reader(c.bytes)
      reader.requiresUTF8Names = true
      let error = #expect(throws: ZoneReadError.self, "\(c.why)") { try reader.next() }
      #expect(error?.line == 1 && error?.column == c.column, "\(c.why)")
      #expect(error?.message.contains("is not valid UTF-8: write other octets as '\\DDD'") == true, "\(c.why)")
    }
    var reader = ZoneTestSupport.reader("b\u{FC}cher 1 TXT \"x\"\na\\255 1 TXT \"y\"\n")
    reader.requiresUTF8Names = true
    #expect(try reader.next()?.owner.text == "b\u{FC}cher.example.com.", "valid UTF-8 passes")
    #expect(try reader.next()?.owner.labels.first == [0x61, 0xFF], "escaped octets pass")
  }

  @Test func nextOwnerReadsAndChecksLikeNext() throws {
    var reader = ZoneTestSupport.reader("a 1 TXT \"x\"\nb 1 A 192.0.2.1\nc 1 SPF \"y\" z\n")
    #expect(try reader.nextOwner()?.text == "a.example.com.")
    #expect(try reader.nextOwner()?.text == "c.example.com.")
    #expect(try reader.nextOwner() == nil)
    let bad = ["a 1 TXT\n", "a 1 TXT \"\\999\"\n", "a 1 TXT x\\1\n", "a 1 TXT (\"x\"\n"]
    for zone in bad {
      var owners = ZoneTestSupport.reader(zone)
      var records = ZoneTestSupport.reader(zone)
      let ownerError = #expect(throws: ZoneReadError.self, "\(zone)") { try owners.nextOwner() }
      let recordError = #expect(throws: ZoneReadError.self, "\(zone)") { try records.next() }
      #expect(ownerError == recordError, "\(zone)")
    }
  }

  @Test func nextOwnerKeyTellsOwnersApartLikeNames() throws {
    let zone = "a 1 TXT \"x\"\nb 1 A 192.0.2.1\nA.example.com. 1 SPF \"y\" z\n  1 TXT \"w\"\n\\099 1 TXT \"v\"\n"
    var keys = ZoneTestSupport.reader(zone)
    var owners = ZoneTestSupport.reader(zone)
    var pairs: [(key: Int, owner: ZoneName)] = []
    while let key = try keys.nextOwnerKey(), let owner = try owners.nextOwner() { pairs.append((key, owner)) }
    #expect(try keys.nextOwnerKey() == nil && owners.nextOwner() == nil, "one key per record")
    #expect(pairs.map(\.owner.text) == ["a.example.com.", "A.example.com.", "A.example.com.", "\\099.example.com."])
    #expect(Set(pairs.map(\.key)).count == 2, "a, A (twice) and c (escaped) are two owners")
    #expect(pairs[0].key == pairs[1].key && pairs[1].key == pairs[2].key, "ASCII case is folded")
    for zone in ["a 1 TXT\n", "a 1 TXT \"\\999\"\n", "a 1 TXT x\\1\n", "a 1 TXT (\"x\"\n"] {
      var keyReader = ZoneTestSupport.reader(zone)
      var recordReader = ZoneTestSupport.reader(zone)
      let keyError = #expect(throws: ZoneReadError.self, "\(zone)") { try keyReader.nextOwnerKey() }
      let recordError = #expect(throws: ZoneReadError.self, "\(zone)") { try recordReader.next() }
      #expect(keyError == recordError, "\(zone)")
    }
  }

  @Test func typeLengthIsAsWritten() throws {
    let records = try ZoneTestSupport.read("a 1 SPF \"x\"\nb 1 TYPE99 \"y\"\nc 1 txt \"z\"\n")
    #expect(records.map(\.typeLength) == [3, 6, 3])
  }

  @Test func ownerNamesCompareAsDNSNames() throws {
    let records = try ZoneTestSupport.read("ABC 1 TXT \"x\"\na\\098c.example.com. 1 TXT \"y\"\n")
    #expect(records[0].owner == records[1].owner)
    #expect(Set(records.map(\.owner)).count == 1)
    #expect(records[0].owner.wireLength == 17)
  }

  @Test func garbageNeverTraps() {
    var random = SplitMix64(seed: 0xBAD_5EED)
    let alphabet = Array("\"();\\\n\n\r\t  $@.0123456789aAhHmMwW#INTXTSPFORIGININCLUDE".utf8)
    for round in 0..<3_000 {
      let prefix = round % 4 == 0 ? Array("$INCLUDE b\n".utf8) : []
      let bytes =
        prefix
        + (0..<Int.random(in: 0...300, using: &random)).map { _ in
          Int.random(in: 0..<8, using: &random) == 0
            ? UInt8.random(in: 0...255, using: &random) : alphabet[Int.random(in: 0..<alphabet.count, using: &random)]
        }
      let files = ["a": String(decoding: bytes.reversed(), as: UTF8.self), "b": "$INCLUDE a\n"]
      var reader = ZoneTestSupport.reader(bytes, files: files, chunkSize: Int.random(in: 1...40, using: &random))
      var steps = 0
      while steps < 10_000, (try? reader.next()) != nil { steps += 1 }
      #expect(steps < 10_000, "round \(round) did not finish")
    }
  }

  /// Reading does not depend on how the input is cut: random zones of skipped records (whose rest of
  /// line the lexer skips in one scan when its chunk holds it), TXT records, comments, parentheses,
  /// escapes and NUL bytes give the same records and the same error at chunk sizes 1 to 9 (where a
  /// line rarely fits a chunk) as in one chunk. Checked to fail when the skip forgets its newline's line.
  @Test func chunkSizeNeverChangesWhatIsRead() {
    var random = SplitMix64(seed: 0x5C1D_11E5)
    let pieces = [
      "h IN A 192.0.2.1", "  IN MX 10 mx1", "  IN TXT \"v=spf1 -all\"", "x 300 IN A 192.0.2.2 ; note",
      "  MX 10 mx ; spfkit-disable SPF102", "; spfkit-disable SPF104", "  TXT \"v=spf1 ?all\"", "a NS (ns1",
      "  ns2 )", "b A 1.2.3.4 \\", "c A \"q;\" 1", "d A 1\u{0}2", "e SOA ns host ( 1 2 3 4 5 )",
      "  HINFO \"a b\" c", "f AAAA 2001:db8::1", "\tA\t192.0.2.9\r", "g A 192.0.2.1)", "$TTL 60", "  A",
    ]
    for round in 0..<2_000 {
      let lines = (0..<Int.random(in: 1...12, using: &random)).map { _ in
        pieces[Int.random(in: 0..<pieces.count, using: &random)]
      }
      // The lexer's first chunk holds the first 1,024 bytes whatever the chunk size (it looks for
      // binary data there): a comment fills them, so the lines that follow are read in small chunks.
      let padding = "; " + String(repeating: "-", count: 1_100) + "\n"
      let text = padding + "$ORIGIN example.com.\n" + lines.joined(separator: "\n") + (round % 5 == 0 ? "" : "\n")
      let whole = Self.readAll(text, chunkSize: 65_536)
      let chunked = Self.readAll(text, chunkSize: 1 + round % 9)
      #expect(chunked.records == whole.records, "round \(round): \(text)")
      #expect(chunked.error == whole.error, "round \(round): \(text)")
    }
  }

  /// A reader is a value: a copy taken mid-file reads on by itself to the same records as the
  /// original, though both began with one token memory (and strings that outgrow it).
  @Test func aCopiedReaderReadsOnByItself() throws {
    let text = (0..<200).map {
      "h\($0) A 192.0.2.1\n  TXT \"v=spf1 ip4:192.0.2.\($0) -all\" \"\(String(repeating: "x", count: $0 * 2))\""
    }
    .joined(separator: "\n")
    let expected = try ZoneTestSupport.read(text, chunkSize: 7)
    var original = ZoneTestSupport.reader(text, chunkSize: 7)
    _ = try original.next()
    var copy = original
    var fromOriginal: [ZoneRecord] = []
    var fromCopy: [ZoneRecord] = []
    // Interleaved, so each write of one lands between reads of the other.
    while true {
      let a = try original.next()
      let b = try copy.next()
      if let a { fromOriginal.append(a) }
      if let b { fromCopy.append(b) }
      if a == nil && b == nil { break }
    }
    #expect(fromOriginal == Array(expected.dropFirst()))
    #expect(fromCopy == fromOriginal)
  }

  /// Every record of `text` up to its first error, and that error.
  static func readAll(_ text: String, chunkSize: Int) -> (records: [ZoneRecord], error: ZoneReadError?) {
    var reader = ZoneTestSupport.reader(text, chunkSize: chunkSize)
    var records: [ZoneRecord] = []
    do {
      while let record = try reader.next() { records.append(record) }
      return (records, nil)
    } catch {
      return (records, error)
    }
  }

  @Test func stopsAtTheFirstError() throws {
    var reader = ZoneTestSupport.reader("a 1 TXT \"x\"\nb 1 BOGUS y\nc 1 TXT \"z\"\n")
    #expect(try reader.next() != nil)
    #expect(throws: ZoneReadError.self) { try reader.next() }
    #expect(try reader.next() == nil)
  }
}
