import SPFKitTestSupport
import Testing

@testable import SPFKit

/// Properties of the parser over generated input: it never traps, its spans stay inside the text, and whatever
/// parses without issue prints canonically and re-parses to the same terms.
struct SPFParserPropertyTests {
  static let seeds: [UInt64] = [1, 2, 3, 0xC0FFEE]

  // MARK: - Random bytes

  /// Pieces random input is made of: SPF fragments, the bytes the grammar treats specially, and raw bytes.
  static let fragments: [[UInt8]] =
    [
      "v=spf1", " ", "  ", "ip4:", "ip6:", "a", "mx", "ptr", "all", "include:", "exists:", "redirect=", "exp=", "%{",
      "}", "%", "%%", "%_", "%-", "/", "//", ":", "::", "=", ".", "-", "+", "~", "?", "!", "\"", "'", "d", "i", "r",
      "0", "1", "24", "128", "192.0.2.1", "2001:db8::", "example.com", "\t", "\u{0}", "é", "\u{201C}", "\u{2013}",
    ].map { Array($0.utf8) } + [[0x80], [0xFF], [0xC0], [0xE2, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80]]

  static func randomBytes(_ rng: inout SplitMix64) -> [UInt8] {
    var bytes: [UInt8] = rng.chance(0.7) ? Array("v=spf1 ".utf8) : []
    let length = rng.chance(0.9) ? rng.int(0...80) : rng.int(0...4096)
    while bytes.count < length {
      if rng.chance(0.3) {
        bytes.append(UInt8.random(in: 0...255, using: &rng))
      } else {
        bytes += rng.pick(fragments)
      }
    }
    return bytes
  }

  /// Spans lie inside the text, issues come in source order, and every invalid term holds one issue
  /// (or one per invalid character, when its characters are what is wrong).
  static func checkSpans(_ parsed: ParsedRecord, count: Int, _ input: [UInt8]) {
    func inside(_ span: SourceSpan, _ bounds: SourceSpan) -> Bool {
      bounds.start <= span.start && span.start <= span.end && span.end <= bounds.end
    }
    let text = SourceSpan(start: 0, end: count)
    for issue in parsed.issues { #expect(inside(issue.span, text), "\(issue.span) in \(input)") }
    #expect(parsed.issues.map(\.span.start) == parsed.issues.map(\.span.start).sorted(), "source order: \(input)")
    // Terms and issues are both in source order: walk them together, so a 10 MB line stays linear.
    var previousEnd = 0
    var issueIndex = 0
    var problems: [String] = []
    for term in parsed.record.terms {
      if !(inside(term.span, text) && term.span.length > 0 && term.span.start > previousEnd) {
        problems.append("term \(term.span) after \(previousEnd)")
      }
      previousEnd = term.span.end
      let parts = [term.qualifierSpan, term.nameSpan, term.argumentSpan, term.cidrSpan].compactMap { $0 }
      for part in parts where !inside(part, term.span) { problems.append("\(part) outside term \(term.span)") }
      while issueIndex < parsed.issues.count, parsed.issues[issueIndex].span.start < term.span.start { issueIndex += 1 }
      var held = 0
      while issueIndex < parsed.issues.count, term.span.contains(parsed.issues[issueIndex].span.start) {
        held += 1
        issueIndex += 1
      }
      let isInvalid = if case .invalid = term.kind { true } else { false }
      if isInvalid ? held < 1 : held != 0 {
        problems.append("\(isInvalid ? "invalid" : "valid") term \(term.span): \(held)")
      }
    }
    #expect(problems.isEmpty, "\(problems.prefix(5)) in \(input.prefix(200))")
  }

  /// A record with no issue prints canonically: the print re-parses to the same terms and prints the same.
  static func checkRoundTrip(_ parsed: ParsedRecord, _ input: String) {
    let printed = parsed.record.description
    let reparsed = SPFParser.parse(printed)
    #expect(reparsed.issues.isEmpty, "print of \(input.debugDescription) is \(printed.debugDescription)")
    #expect(reparsed.record.terms.map(\.kind) == parsed.record.terms.map(\.kind), "\(input.debugDescription)")
    #expect(reparsed.record.description == printed, "printing is idempotent: \(input.debugDescription)")
  }

  @Test(arguments: seeds)
  func randomBytesNeverTrap(seed: UInt64) {
    var rng = SplitMix64(seed: seed)
    for _ in 0..<1500 {
      let bytes = Self.randomBytes(&rng)
      let parsed = SPFParser.parse(bytes)
      Self.checkSpans(parsed, count: bytes.count, bytes)
      if parsed.isValid { Self.checkRoundTrip(parsed, String(decoding: bytes, as: UTF8.self)) }
    }
  }

  @Test func tenMegabyteLine() {
    var rng = SplitMix64(seed: 10)
    var text = "v=spf1 include:" + String(repeating: "a.", count: 1_000_000) + "com"
    text += " a:" + String(repeating: "%{d}", count: 250_000)
    text += " ip6:" + String(repeating: "1:", count: 500_000)
    text += " " + String(repeating: "x", count: 1_000_000)
    text += " exists:%{" + String(repeating: "d", count: 1_000_000)
    text += String(repeating: " ip4:192.0.2.1", count: 150_000)
    var line = Array(text.utf8)
    while line.count < 10_000_000 { line += Self.randomBytes(&rng) }
    let parsed = SPFParser.parse(line)
    Self.checkSpans(parsed, count: line.count, [])
    #expect(parsed.record.terms.count > 150_000)
  }

  // MARK: - Records from the grammar

  @Test(arguments: seeds)
  func validRecordsRoundTrip(seed: UInt64) {
    var generator = RecordGenerator(rng: SplitMix64(seed: seed))
    for _ in 0..<1500 {
      let record = generator.record()
      let parsed = SPFParser.parse(record)
      #expect(parsed.issues.map(\.message) == [], "grammar-valid record rejected: \(record.debugDescription)")
      guard parsed.isValid else { continue }
      Self.checkSpans(parsed, count: record.utf8.count, Array(record.utf8))
      Self.checkRoundTrip(parsed, record)
    }
  }

  // MARK: - TXT presentation

  @Test(arguments: seeds)
  func presentationRoundTrips(seed: UInt64) throws {
    var rng = SplitMix64(seed: seed)
    for _ in 0..<200 {
      let strings = (0..<rng.int(1...4)).map { _ in
        CharacterString(bytes: (0..<rng.int(0...255)).map { _ in UInt8.random(in: 0...255, using: &rng) })
      }
      let presentation = Array(TXTRecord(strings: strings).presentation.utf8)
      let parsed = try TXTRecord.parsePresentation(presentation)
      #expect(parsed.strings.map(\.bytes) == strings.map(\.bytes))
      Self.checkLocations(parsed, presentation)
    }
  }

  /// Every joined byte maps to the source column where its encoding starts: the byte itself, or its escape.
  static func checkLocations(_ record: TXTRecord, _ source: [UInt8]) {
    let wrong = record.joined.indices.filter { offset in
      guard let location = record.location(ofJoinedOffset: offset), location.column - 1 < source.count else {
        return true
      }
      let at = location.column - 1
      guard source[at] == UInt8(ascii: "\\") else { return source[at] != record.joined[offset] }
      let escaped = source[at + 1]
      guard escaped >= 0x30, escaped <= 0x39 else { return escaped != record.joined[offset] }
      return source[(at + 1)...(at + 3)].reduce(0) { $0 * 10 + Int($1) - 0x30 } != Int(record.joined[offset])
    }
    #expect(wrong.isEmpty, "joined offsets mapped to the wrong column: \(wrong.prefix(5))")
  }

  @Test(arguments: seeds)
  func presentationNeverTraps(seed: UInt64) {
    var rng = SplitMix64(seed: seed)
    let pieces: [[UInt8]] = ["\"", "\\", " ", "\t", "0", "2", "5", "9", "a", "\\\"", "\\2", "\\256"].map {
      Array($0.utf8)
    }
    for _ in 0..<2000 {
      var bytes: [UInt8] = []
      for _ in 0..<rng.int(0...40) {
        bytes += rng.chance(0.8) ? rng.pick(pieces) : [UInt8.random(in: 0...255, using: &rng)]
      }
      do {
        let record = try TXTRecord.parsePresentation(bytes)
        #expect(!record.strings.isEmpty)
        Self.checkLocations(record, bytes)
      } catch {
        #expect((1...(bytes.count + 1)).contains(error.column), "column \(error.column) of \(bytes)")
      }
    }
  }
}
