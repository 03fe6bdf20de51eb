import Testing

@testable import SPFKit

/// The per-rule test suites, one file each, mirroring `Sources/SPFKit/Lint/Rules/`.
///
/// Nesting them here makes `swift test --filter Rule` run all of them.
enum RuleTests {}

/// One table row of a rule test: `spfkit lint` RECORD arguments and what the rule must say about them.
///
/// In a flagged case, a `↓` marks where the finding's span starts and an optional second `↓` where
/// it ends. Markers are stripped before linting and turned into UTF-8 byte offsets in the joined
/// text of the record they stand in (for presentation format: after unescaping and joining the
/// strings). `↓↓` marks an empty span.
struct RuleCase: Sendable, CustomTestStringConvertible {
  /// Why the case exists: a failure explains itself with it.
  let why: String
  /// The RECORD arguments, with markers.
  let arguments: [String]
  /// The owner name given to the linter.
  let name: String?
  /// Whether the rule must report at the marker (or must stay silent).
  let isFlagged: Bool
  /// How many findings of the rule the whole input gives, when flagged.
  let findings: Int
  /// The joined text after applying the marked finding's fix, when asserted.
  let fixed: String?
  /// A known bug outside the rule that makes the case fail, with where it is; the case then
  /// documents the expected behaviour and fails once the bug is fixed, as a reminder to drop this.
  let knownIssue: String?

  var testDescription: String { why }

  /// The rule reports at the marker: `findings` times in all, with a fix giving `fixed` if set.
  static func flags(
    _ why: String, _ arguments: String..., name: String? = nil, findings: Int = 1,
    fixed: String? = nil, knownIssue: String? = nil
  ) -> RuleCase {
    RuleCase(
      why: why, arguments: arguments, name: name, isFlagged: true, findings: findings, fixed: fixed,
      knownIssue: knownIssue)
  }

  /// The rule does not report.
  static func passes(_ why: String, _ arguments: String..., name: String? = nil, knownIssue: String? = nil)
    -> RuleCase
  {
    RuleCase(
      why: why, arguments: arguments, name: name, isFlagged: false, findings: 0, fixed: nil,
      knownIssue: knownIssue)
  }
}

/// A position marked in a RECORD argument: which record, and the UTF-8 byte offset in its joined text.
struct Mark: Hashable, Sendable {
  let record: Int
  let offset: Int
}

/// An input ready to lint: the TXT records and the marks found in the arguments.
struct MarkedInput: Sendable {
  let records: [TXTRecord]
  let marks: [Mark]

  /// The marker: a down arrow, never part of any test record.
  static let marker = Array("↓".utf8)

  /// Text with a marker inserted at each UTF-8 byte offset, for generated inputs.
  static func marking(_ text: String, at offsets: Int...) -> String {
    var bytes = Array(text.utf8)
    for offset in offsets.sorted(by: >) { bytes.insert(contentsOf: marker, at: offset) }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Strips the markers from RECORD arguments and builds the records as the CLI does.
  init(_ arguments: [String]) throws {
    var records: [TXTRecord] = []
    var marks: [Mark] = []
    for (index, argument) in arguments.enumerated() {
      let (bytes, offsets) = MarkedInput.stripMarkers(Array(argument.utf8))
      records.append(try MarkedInput.record(bytes))
      marks += offsets.map { Mark(record: index, offset: $0) }
    }
    self.records = records
    self.marks = marks
  }

  /// A RECORD argument as `spfkit lint` reads it (`Sources/spfkit/Input/RecordArgument.swift`): raw
  /// text, or TXT presentation format when it starts with `"`.
  static func record(_ bytes: [UInt8]) throws -> TXTRecord {
    if bytes.first == 0x22 { return try TXTRecord.parsePresentation(bytes, line: 1) }
    return TXTRecord(strings: [CharacterString(bytes: bytes, origin: SourceOrigin(line: 1, column: 1))])
  }

  /// The argument without markers, and each marker's offset in the joined text the argument gives.
  static func stripMarkers(_ bytes: [UInt8]) -> (bytes: [UInt8], offsets: [Int]) {
    let isPresentation = bytes.first == 0x22
    var clean: [UInt8] = []
    var offsets: [Int] = []
    var joined = 0  // data bytes so far: every byte for raw text, unescaped string content otherwise
    var inString = false
    var index = 0
    while index < bytes.count {
      if bytes[index...].starts(with: marker) {
        offsets.append(joined)
        index += marker.count
        continue
      }
      var length = 1
      if !isPresentation {
        joined += 1
      } else if inString, bytes[index] == 0x22 {
        inString = false
      } else if inString {
        if bytes[index] == 0x5C, index + 1 < bytes.count {
          length = bytes[index + 1] >= 0x30 && bytes[index + 1] <= 0x39 ? 4 : 2
        }
        joined += 1
      } else if bytes[index] == 0x22 {
        inString = true
      }
      clean += bytes[index..<min(index + length, bytes.count)]
      index += length
    }
    return (clean, offsets)
  }
}

/// Lints rule cases with the whole catalog and asserts on one rule's findings only.
enum RuleTest {
  /// Checks one case: a flagged case reports exactly at the marks (code, record, span), and its
  /// fix, if any, re-lints without that finding; a passing case reports nothing for the rule.
  static func check<R: Rule>(_ rule: R.Type, _ c: RuleCase, sourceLocation: Testing.SourceLocation = #_sourceLocation)
    throws
  {
    guard let knownIssue = c.knownIssue else { return try verify(rule, c, sourceLocation: sourceLocation) }
    withKnownIssue(Comment(rawValue: knownIssue), sourceLocation: sourceLocation) {
      try verify(rule, c, sourceLocation: sourceLocation)
    }
  }

  private static func verify<R: Rule>(_ rule: R.Type, _ c: RuleCase, sourceLocation: Testing.SourceLocation) throws {
    let code = R.metadata.code
    let input = try MarkedInput(c.arguments)
    let findings = Linter().lint(input.records, name: c.name).filter { $0.code == code }
    let shown = findings.map { "\($0.record.map(String.init) ?? "-") \($0.span?.description ?? "-") \($0.message)" }
    guard c.isFlagged else {
      #expect(input.marks.isEmpty, "a passing case has no marker", sourceLocation: sourceLocation)
      #expect(findings.isEmpty, "\(code) reported \(shown)", sourceLocation: sourceLocation)
      return
    }
    try #require(
      (1...2).contains(input.marks.count), "mark the span with one or two '↓'",
      sourceLocation: sourceLocation)
    let start = input.marks[0]
    #expect(findings.count == c.findings, "\(code) reported \(shown)", sourceLocation: sourceLocation)
    let marked = findings.first { $0.record == start.record && $0.span?.start == start.offset }
    let finding = try #require(marked, "no \(code) starts at \(start); got \(shown)", sourceLocation: sourceLocation)
    #expect(finding.severity == R.metadata.severity && finding.slug == R.metadata.slug, sourceLocation: sourceLocation)
    if input.marks.count == 2 {
      let end = input.marks[1]
      #expect(end.record == start.record, "both marks in one record", sourceLocation: sourceLocation)
      #expect(finding.span?.end == end.offset, "\(code) span is \(finding.span!)", sourceLocation: sourceLocation)
    }
    if c.fixed != nil { #expect(finding.fix != nil, "\(code) has no fix", sourceLocation: sourceLocation) }
    guard let fix = finding.fix, let index = finding.record else { return }
    let original = input.records[index]
    if let fixed = c.fixed {
      #expect(
        String(decoding: fix.applied(to: original.joined), as: UTF8.self) == fixed,
        "fix '\(fix.title)'", sourceLocation: sourceLocation)
    }
    var records = input.records
    records[index] = applying(fix, to: original)
    // The fixed finding is gone: a lone finding leaves none of the rule; among several, fewer say
    // the same (the message quotes the text).
    let after = Linter().lint(records, name: c.name).filter { $0.code == code }
    let same = { (found: [Diagnostic]) in found.filter { $0.message == finding.message }.count }
    let isGone = findings.count == 1 ? after.isEmpty : same(after) < same(findings)
    #expect(isGone, "after '\(fix.title)': \(after.map(\.message))", sourceLocation: sourceLocation)
  }

  /// The record a fix gives: its new record, or the edited text cut where the original strings were.
  static func applying(_ fix: Fix, to txt: TXTRecord) -> TXTRecord {
    if let record = fix.record { return record }
    let text = fix.applied(to: txt.joined)
    let cuts = txt.boundaries.map { boundary in
      fix.edits.reduce(boundary) { position, edit in
        let growth = edit.replacement.utf8.count - edit.span.length
        if edit.span.end <= boundary { return position + growth }
        if edit.span.start < boundary { return position + edit.span.start + edit.replacement.utf8.count - boundary }
        return position
      }
    }
    var strings: [CharacterString] = []
    var start = 0
    for cut in cuts + [text.count] {
      let end = min(max(cut, start), text.count)
      strings.append(CharacterString(bytes: Array(text[start..<end])))
      start = end
    }
    return TXTRecord(strings: strings)
  }
}

extension RuleTests {
  /// The marker helper itself: offsets must be exact for every rule test to mean anything.
  struct MarkedInputTests {
    struct Case: Sendable, CustomTestStringConvertible {
      let argument: String
      let joined: String
      let offsets: [Int]
      let why: String
      var testDescription: String { why }
    }

    static let cases: [Case] = [
      Case(argument: "v=spf1 ↓-all↓", joined: "v=spf1 -all", offsets: [7, 11], why: "raw text: byte offsets"),
      Case(argument: "v=spf1 \u{2013}↓all", joined: "v=spf1 \u{2013}all", offsets: [10], why: "raw text: UTF-8 bytes"),
      Case(argument: #""v=spf1 " "↓-all""#, joined: "v=spf1 -all", offsets: [7], why: "joined strings"),
      Case(argument: #""v=spf1 ↓" "-all""#, joined: "v=spf1 -all", offsets: [7], why: "end of a string"),
      Case(argument: #""\"v=spf1↓\"""#, joined: "\"v=spf1\"", offsets: [7], why: "an escape is one octet"),
      Case(argument: #""v=spf1\032↓-all""#, joined: "v=spf1 -all", offsets: [7], why: "a decimal escape is one octet"),
      Case(argument: "v=spf1 -all", joined: "v=spf1 -all", offsets: [], why: "no marker"),
    ]

    @Test(arguments: cases)
    func offsets(_ c: Case) throws {
      let input = try MarkedInput([c.argument])
      #expect(input.records.map(\.text) == [c.joined])
      #expect(input.marks == c.offsets.map { Mark(record: 0, offset: $0) })
    }
  }
}
