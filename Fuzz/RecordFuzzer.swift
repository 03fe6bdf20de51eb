/// libFuzzer target `record`: TXT presentation, the record parser, and the whole linter with every
/// fix applied and re-parsed.
///
/// The input is the TXT records at one name, one per line (at most four): a line starting with `"` is
/// presentation format (`"v=spf1 ..." "... -all"`), any other line one character-string of raw text.
enum RecordFuzzer {
  static func run(_ input: [UInt8]) {
    let lines = input.split(separator: 0x0A, maxSplits: 3, omittingEmptySubsequences: false)
    var records: [TXTRecord] = []
    for (number, line) in lines.enumerated() {
      guard let record = txtRecord(Array(line), line: number + 1) else { continue }
      RecordInvariants.checkPresentation(record)
      let parsed = SPFParser.parse(record.joined)
      RecordInvariants.checkSpans(parsed, count: record.joined.count)
      RecordInvariants.checkRoundTrip(parsed)
      records.append(record)
    }
    LintInvariants.check(LintContext(records: records, name: "example.com"), linter: Linter())
  }

  /// One line as a TXT record: presentation format when it starts with a quote, else raw text; nil
  /// when the presentation is malformed (after checking the error's column lies on the line).
  private static func txtRecord(_ line: [UInt8], line number: Int) -> TXTRecord? {
    guard line.first == 0x22 else {
      return TXTRecord(strings: [CharacterString(bytes: line, origin: SourceOrigin(line: number, column: 1))])
    }
    do {
      let record = try TXTRecord.parsePresentation(line, line: number)
      for offset in 0...record.joined.count {
        let location = record.location(ofJoinedOffset: offset)
        FuzzCheck.require(
          location.map { $0.line == number && (1...line.count + 1).contains($0.column) } ?? false,
          "location of \(offset)")
      }
      return record
    } catch {
      FuzzCheck.require((1...line.count + 1).contains(error.column), "presentation error column \(error.column)")
      return nil
    }
  }
}
