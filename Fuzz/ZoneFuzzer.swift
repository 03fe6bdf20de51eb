/// libFuzzer target `zone`: the zone reader (RFC 1035 §5) and the lint of each owner's records.
///
/// The input is a zone file. `$INCLUDE inc.zone` opens a small fixed file and `$INCLUDE self` the
/// input again (an include loop); every other path is missing. The input's length picks the reader
/// options, so seeds stay plain zone files.
enum ZoneFuzzer {
  static let fileName = "fuzz.zone"
  static let includedText = "sub 300 IN TXT \"v=spf1 ip4:192.0.2.1 -all\"\n@ TXT ( \"v=spf1 \" \"a\" )\n"

  /// What one read of the file gave: its records, address records, and the error it stopped at.
  struct Reading: Equatable {
    var records: [ZoneRecord] = []
    var addressRecords: [ZoneAddressRecord] = []
    var error: ZoneReadError?
  }

  struct MissingFile: Error, CustomStringConvertible {
    var description: String { "no such file" }
  }

  static func run(_ input: [UInt8]) {
    let requiresUTF8Names = input.count & 1 == 1
    let whole = read(input, chunkSize: 65_536, requiresUTF8Names: requiresUTF8Names)
    // Chunk boundaries fall anywhere: inside a token, an escape, a UTF-8 sequence, a CRLF.
    let chunked = read(input, chunkSize: 1 + input.count % 7, requiresUTF8Names: requiresUTF8Names)
    FuzzCheck.require(whole == chunked, "chunked reading differs: \(whole.error as Any) / \(chunked.error as Any)")
    let lineCount = input.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
    for record in whole.records where record.file == fileName {
      FuzzCheck.require((1...lineCount).contains(record.line), "record line \(record.line) of \(lineCount)")
    }
    if let error = whole.error, error.file == fileName {
      FuzzCheck.require((1...lineCount).contains(error.line) && error.column >= 1, "error at \(error)")
    }
    for record in whole.records { checkWriterRoundTrip(record) }
    checkResumePoints(input, requiresUTF8Names: requiresUTF8Names)
    for owner in owners(whole.records) { LintInvariants.check(LintContext(zoneRecords: owner), linter: Linter()) }
  }

  static func read(_ input: [UInt8], chunkSize: Int, requiresUTF8Names: Bool) -> Reading {
    let source = ZoneSource(name: fileName, input: ZoneBytesInput(input, chunkSize: chunkSize))
    var reader = ZoneReader(source: source, opener: { path, _ in try open(path, input: input) })
    reader.requiresUTF8Names = requiresUTF8Names
    reader.collectsAddressData = true
    var reading = reading(&reader)
    reading.addressRecords = reader.addressRecords
    return reading
  }

  /// The records `reader` reads to its end, and the error it stops at.
  static func reading(_ reader: inout ZoneReader) -> Reading {
    var reading = Reading()
    do {
      while let record = try reader.next() { reading.records.append(record) }
    } catch {
      reading.error = error
    }
    return reading
  }

  /// A reader started at a resume point (as `lint --zone` starts one for each part of a file) reads
  /// what the whole reading read from there on, to the same error, whatever the chunk boundaries.
  static func checkResumePoints(_ input: [UInt8], requiresUTF8Names: Bool) {
    var reader = ZoneReader(
      source: ZoneSource(name: fileName, input: ZoneBytesInput(input)),
      opener: { path, _ in try open(path, input: input) })
    reader.requiresUTF8Names = requiresUTF8Names
    reader.resumePointSpacing = 1
    let whole = reading(&reader)
    let points = reader.resumePoints
    FuzzCheck.require(zip(points, points.dropFirst()).allSatisfy { $0.offset < $1.offset }, "points in file order")
    // At most 16 points, spread over the file: each resumed read costs a read of the rest.
    let step = max(1, points.count / 16)
    for point in stride(from: 0, to: points.count, by: step).map({ points[$0] }) {
      FuzzCheck.require(point.offset < input.count && point.recordsBefore <= whole.records.count, "point \(point)")
      let rest = Array(input[point.offset...])
      var resumed = ZoneReader(
        resumingAt: point,
        source: ZoneSource(name: fileName, input: ZoneBytesInput(rest, chunkSize: 1 + rest.count % 5)),
        opener: { path, _ in try open(path, input: input) })
      resumed.requiresUTF8Names = requiresUTF8Names
      let again = reading(&resumed)
      FuzzCheck.require(
        again.records == Array(whole.records[point.recordsBefore...]), "records from the point at line \(point.line)")
      FuzzCheck.require(
        again.error == whole.error, "error from line \(point.line): \(again.error as Any) / \(whole.error as Any)")
    }
  }

  static func open(_ path: String, input: [UInt8]) throws -> ZoneSource {
    switch path {
    case "inc.zone": ZoneSource(name: "inc.zone", input: ZoneBytesInput(includedText))
    case "self": ZoneSource(name: fileName, input: ZoneBytesInput(input))
    default: throw MissingFile()
    }
  }

  /// The records grouped by owner (ASCII case ignored), in the order owners first appear, as
  /// `spfkit lint --zone` lints them.
  static func owners(_ records: [ZoneRecord]) -> [[ZoneRecord]] {
    var groups: [[ZoneRecord]] = []
    var position: [ZoneName: Int] = [:]
    for record in records {
      if let index = position[record.owner] {
        groups[index].append(record)
      } else {
        position[record.owner] = groups.count
        groups.append([record])
      }
    }
    return groups
  }

  /// `ZoneWriter` writes a record that `ZoneReader` reads back with the same owner, type and strings.
  static func checkWriterRoundTrip(_ record: ZoneRecord) {
    let text = ZoneWriter().text(owner: record.owner, ttl: record.ttl ?? 3600, record: record.txt, type: record.type)
    var reader = ZoneReader(source: ZoneSource(name: "written.zone", input: ZoneBytesInput(text)))
    do {
      let reread = try reader.next()
      FuzzCheck.require(try reader.next() == nil, "'\(text)' reads as more than one record")
      FuzzCheck.require(reread?.owner == record.owner, "owner of '\(text)' reads back as \(reread?.owner as Any)")
      FuzzCheck.require(reread?.type == record.type, "type of '\(text)'")
      let strings = record.txt.strings.isEmpty ? [[]] : record.txt.strings.map(\.bytes)
      FuzzCheck.require(reread?.txt.strings.map(\.bytes) == strings, "strings of '\(text)' read back differently")
    } catch {
      FuzzCheck.require(false, "the writer's '\(text)' does not read: \(error)")
    }
  }
}
