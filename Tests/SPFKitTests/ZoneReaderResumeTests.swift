import SPFKit
import Testing

/// `ZoneReader.resumePoints` and `init(resumingAt:source:)`: a reader started at any resume point
/// reads exactly the records a reader of the whole file reads from there on, with the same owners,
/// TTLs, locations and suppression codes.
@Suite struct ZoneReaderResumeTests {
  /// A zone with what a reader carries from line to line: `$ORIGIN` and `$TTL` changes, a last
  /// explicit TTL, blank owners, parentheses across lines, comments that disable rules on the next
  /// line, records of other types, escapes and an `$INCLUDE`.
  static let zone = """
    $TTL 300
    @ IN SOA ns hostmaster ( 1 2 3
      4 5 )
    a IN TXT "v=spf1 -all"
      IN TXT "site-verification=1"
    b 600 IN TXT ( "v=spf1 "
      "ip4:192.0.2.1 -all" )
    c IN A 192.0.2.2
      IN TXT "v=spf1 ptr -all" ; spfkit-disable SPF102
    ; spfkit-disable SPF104
    d IN TXT "v=spf1 ?all"
    $ORIGIN sub.example.com.
    e TXT "v=spf1 \\"quoted\\" -all"
    $INCLUDE inc.zone
    f IN SPF "v=spf1 mx -all"
    $TTL 60
    g IN TXT unquoted\\032word
    \\104 IN TXT "v=spf1 a -all"
    last.example.net. IN TXT "v=spf1 include:x.example -all"

    """

  static let files = ["inc.zone": "i IN TXT \"v=spf1 -all\"\n  IN TXT \"second\"\n"]

  /// A reader of the zone's bytes from `point` to `end` (or the end), `$INCLUDE` served from `files`.
  static func reader(from point: ZoneResumePoint, to end: Int? = nil, chunkSize: Int = 65_536) -> ZoneReader {
    let bytes = Array(zone.utf8)
    let part = Array(bytes[point.offset..<(end ?? bytes.count)])
    return ZoneReader(
      resumingAt: point, source: ZoneSource(name: "test.zone", input: ZoneBytesInput(part, chunkSize: chunkSize)),
      opener: ZoneTestSupport.opener(files))
  }

  /// Every record of the zone, and its resume points one line apart at most.
  static func wholeRead() throws -> (records: [ZoneRecord], points: [ZoneResumePoint]) {
    var whole = ZoneTestSupport.reader(zone, files: files)
    whole.resumePointSpacing = 1
    var records: [ZoneRecord] = []
    while let record = try whole.next() { records.append(record) }
    #expect(whole.hasIncluded)
    #expect(whole.recordCount == records.count)
    return (records, whole.resumePoints)
  }

  @Test func aReaderStartedAtEachPointReadsTheRestOfTheFile() throws {
    let (records, points) = try Self.wholeRead()
    #expect(
      points.map(\.line) == [2, 4, 6, 8, 13, 15, 17, 18, 19],
      "record lines that name their owner, in the top file, not under a disabling comment")
    for point in points {
      var resumed = Self.reader(from: point, chunkSize: 7)
      var rest: [ZoneRecord] = []
      while let record = try resumed.next() { rest.append(record) }
      #expect(rest == Array(records[point.recordsBefore...]), "from line \(point.line)")
      #expect(resumed.recordCount == records.count)
    }
  }

  @Test func aReaderStoppedAtTheNextPointReadsOnlyThePart() throws {
    let (records, points) = try Self.wholeRead()
    for (point, next) in zip(points, points.dropFirst()) {
      var resumed = Self.reader(from: point, to: next.offset)
      var read: [ZoneRecord] = []
      while let record = try resumed.next() { read.append(record) }
      #expect(read == Array(records[point.recordsBefore..<next.recordsBefore]), "lines \(point.line)-\(next.line - 1)")
    }
  }

  @Test func pointsAreAsFarApartAsAsked() throws {
    let lines = (0..<200).map { "h\($0) IN TXT \"v=spf1 ip4:192.0.2.\($0) -all\"" }
    var reader = ZoneTestSupport.reader(lines.joined(separator: "\n") + "\n")
    reader.resumePointSpacing = 1_000
    while try reader.next() != nil {}
    let offsets = reader.resumePoints.map(\.offset)
    #expect(offsets.first == 0)
    #expect(zip(offsets, offsets.dropFirst()).allSatisfy { $1 - $0 >= 1_000 && $1 - $0 < 1_100 })
    var unasked = ZoneTestSupport.reader(lines.joined(separator: "\n") + "\n")
    while try unasked.next() != nil {}
    #expect(unasked.resumePoints.isEmpty, "none unless asked for")
  }
}
