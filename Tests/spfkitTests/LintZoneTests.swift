import Foundation
import Testing

/// `spfkit lint --zone FILE`: records grouped by owner, exact positions, suppression, bad input.
@Suite struct LintZoneTests {
  /// Lints `zone` written to `z.zone` (and `files`) in a scratch directory, from that directory;
  /// `extra` arguments go before `--zone`, which takes the arguments after it.
  static func lint(_ zone: String, files: [String: String] = [:], _ extra: [String] = []) async throws
    -> SPFKitProcess.Output
  {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    try scratch.write("z.zone", zone)
    for (name, text) in files { try scratch.write(name, text) }
    return try await SPFKitProcess.run(["lint"] + extra + ["--zone", "z.zone"], directory: scratch.url)
  }

  @Test func recordsOfOneOwnerAreGroupedWhereverTheyAre() async throws {
    let (zone, marks) = markedZone(
      """
      $ORIGIN example.com.
      a 300 IN TXT "v=spf1 -all"
      b 300 IN TXT "v=spf1 a -all"
      c 300 IN A 192.0.2.1
      A 300 IN TXT "↓v=spf1 mx -all"

      """)
    let run = try await Self.lint(zone)
    #expect(run.status == 1)
    #expect(run.stderr.isEmpty)
    #expect(
      run.stdout.contains(
        "z.zone:\(marks[0]): error[SPF001] 'a.example.com' publishes 2 SPF records: receivers return permerror"))
    #expect(run.stdout.hasSuffix("3 records checked: 1 error; 2 infos not shown (--severity info)\n"))
  }

  @Test func positionsGoThroughEscapesAndParentheses() async throws {
    let (zone, marks) = markedZone(
      """
      a 300 IN TXT ( "v=spf1 a:\\101xample.com -ip4:10.1.2.3↓/33 "   ; a comment
                     "ip4:↓1.2.3.04 -all" )

      """)
    let run = try await Self.lint(zone)
    #expect(run.stdout.contains("z.zone:\(marks[0]): error[SPF008]"), "after a \\DDD escape: \(run.stdout)")
    #expect(run.stdout.contains("z.zone:\(marks[1]): error[SPF007]"), "in the string on the next line")
  }

  @Test func includedFilesAreNamedAndFoundBesideTheIncludingFile() async throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    try scratch.write("zones/main.zone", "$ORIGIN example.com.\n$INCLUDE sub/hosts.inc\n")
    try scratch.write("zones/sub/hosts.inc", "; hosts\nmx1 300 IN TXT \"v=spf1 +all\"\n")
    let run = try await SPFKitProcess.run(["lint", "--zone", "zones/main.zone"], directory: scratch.url)
    #expect(run.status == 0)
    #expect(run.stdout.hasPrefix("zones/sub/hosts.inc:2:24: warning[SPF103] '+all' lets every host"))
  }

  /// A comment on a directive's line silences nothing: not the included file's records, nor the
  /// record after the `$INCLUDE` (which, read in one piece or in parts, is reported alike).
  @Test func aSuppressionCommentOnAnIncludeLineSilencesNoRecord() async throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    try scratch.write(
      "z.zone", "$ORIGIN example.com.\n$INCLUDE inc.zone ; spfkit-disable SPF102\nb 300 IN TXT \"v=spf1 ptr -all\"\n")
    try scratch.write("inc.zone", "i 300 IN TXT \"v=spf1 ptr -all\"\n")
    let run = try await SPFKitProcess.run(["lint", "--zone", "z.zone"], directory: scratch.url)
    #expect(run.stdout.contains("inc.zone:1:22: warning[SPF102]"), "\(run.stdout)")
    #expect(run.stdout.contains("z.zone:3:22: warning[SPF102]"), "\(run.stdout)")
    #expect(run.status == 0)
  }

  @Test func suppressionCommentsSilenceRulesForOneRecordOrTheName() async throws {
    let (zone, marks) = markedZone(
      """
      ; spfkit-disable SPF102
      relay 300 IN TXT "v=spf1 ptr -all"
      other 300 IN TXT "v=spf1 ↓ptr -all"
      twice 300 IN TXT "v=spf1 -all" ; spfkit-disable multiple-records -- migrating, see ticket 42
      twice 300 IN TXT "v=spf1 mx -all"

      """)
    let run = try await Self.lint(zone, ["--disable", "SPF201"])
    #expect(run.stdout.contains("z.zone:\(marks[0]): warning[SPF102]"), "a comment covers its own record only")
    #expect(!run.stdout.contains("z.zone:2:"))
    #expect(!run.stdout.contains("SPF001"), "a name's finding is silenced by a comment on any of its records")
    #expect(run.status == 0)
  }

  @Test func zonesAndRecordArgumentsTogether() async throws {
    let run = try await Self.lint("a 300 IN TXT \"v=spf1 ?all\"\n", ["v=spf1 +all"])
    #expect(run.stdout.hasPrefix("<arg1>:1:8: warning[SPF103]"))
    #expect(run.stdout.contains("z.zone:1:22: warning[SPF104]"))
    #expect(run.stdout.hasSuffix("2 records checked: 2 warnings\n"))
  }

  /// pre-commit appends file names after `--zone`: each is a zone, up to the next option or `--`.
  @Test func zoneTakesEveryFileUpToTheNextOption() async throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    try scratch.write("a.zone", "a 1 TXT \"v=spf1 +all\"\n")
    try scratch.write("b.zone", "b 1 TXT \"v=spf1 ?all\"\n")
    let run = try await SPFKitProcess.run(
      ["lint", "--zone", "a.zone", "b.zone", "--strict", "--", "v=spf1 a"], directory: scratch.url)
    #expect(run.status == 1)
    #expect(run.stdout.contains("a.zone:1:17: warning[SPF103]"))
    #expect(run.stdout.contains("b.zone:1:17: warning[SPF104]"))
    #expect(run.stdout.contains("<arg1>:1:9: warning[SPF105]"), "after '--', a record")
  }

  @Test func explainsZoneExamplesThatBehave() async throws {
    let explained = try await SPFKitProcess.run(["explain", "SPF113"]).stdout
    let lines = explained.components(separatedBy: "\n")
    let example = try #require(lines.firstIndex(of: "Example (zone file)"))
    let instead = try #require(lines.firstIndex(of: "Use instead"))
    let flagged = try await Self.lint(lines[example + 1].trimmingCharacters(in: .whitespaces) + "\n")
    let clean = try await Self.lint(lines[instead + 1].trimmingCharacters(in: .whitespaces) + "\n")
    #expect(flagged.stdout.contains("z.zone:1:22: warning[SPF113] record type 'SPF' (99) is never queried"))
    #expect(!clean.stdout.contains("SPF113"))
  }

  /// Before any `$ORIGIN`, names are completed with the origin BIND's usual file names give.
  @Test(arguments: [
    ("example.org.zone", "example.org"), ("db.example.net", "example.net"), ("example.com.db", "example.com"),
    ("zones.txt", "."),
  ])
  func originComesFromTheFileName(_ file: String, _ owner: String) async throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    try scratch.write(file, "@ 1 TXT \"v=spf1 -all\"\n@ 1 TXT \"v=spf1 a -all\"\n")
    let run = try await SPFKitProcess.run(["lint", "--zone", file], directory: scratch.url)
    #expect(run.stdout.contains("\(file):2:10: error[SPF001] '\(owner)' publishes 2 SPF records"), "\(run.stdout)")
  }

  /// `$GENERATE` of other types is skipped like those records; the TXT records around it are linted.
  @Test func aGenerateOfOtherTypesIsSkipped() async throws {
    let run = try await Self.lint(
      "$ORIGIN 2.0.192.in-addr.arpa.\n$GENERATE 1-100 $ PTR host$.example.com.\nmail 1 TXT \"v=spf1 +all\"\n")
    #expect(run.status == 0)
    #expect(run.stdout.hasPrefix("z.zone:3:20: warning[SPF103]"), "\(run.stdout)")
  }

  /// TXT data in the generic form (RFC 3597) is hexadecimal: a finding in it points at the record's
  /// type, on the record's line (it pointed at line 1), and gives no edit into the hexadecimal.
  @Test func aFindingInGenericDataPointsAtTheRecordsType() async throws {
    let zone = "$ORIGIN example.com.\n\n\nfoo IN TXT \\# 12 0b76 3d73 7066 3120 2b61 6c6c\n"
    let text = try await Self.lint(zone)
    #expect(text.stdout.hasPrefix("z.zone:4:8: warning[SPF103] '+all' lets every host"), "\(text.stdout)")
    let json = try await Self.lint(zone, ["--format", "json"])
    let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let inputs = try #require(document["inputs"] as? [[String: Any]])
    let finding = try #require((inputs.first?["diagnostics"] as? [[String: Any]])?.first)
    #expect(finding["line"] as? Int == 4)
    #expect(finding["column"] as? Int == 8)
    #expect(finding["endColumn"] as? Int == 11)
    let sarif = try await Self.lint(zone, ["--format", "sarif"])
    #expect(!sarif.stdout.contains("\"fixes\""), "no edit into hexadecimal data")
  }

  @Test func aPipeIsReadOnce() async throws {
    let run = try await SPFKitProcess.run(
      ["lint", "--zone", "/dev/stdin"], input: "a 1 TXT \"v=spf1 -all\"\nb 1 A 192.0.2.1\na 1 TXT \"v=spf1 a -all\"\n")
    #expect(run.status == 1)
    #expect(run.stdout.contains("/dev/stdin:3:10: error[SPF001] 'a' publishes 2 SPF records"))
  }

  /// A zone that cannot be read, beside a good one: `↓` marks where the error points.
  struct BadInput: Sendable, CustomTestStringConvertible {
    let why: String
    /// The bad file's bytes (with one `↓`), or nil to give `path` without writing it.
    var bytes: [UInt8]?
    var path = "bad.zone"
    var files: [String: String] = [:]
    let message: String
    var testDescription: String { why }
  }

  static let badInputs: [BadInput] = [
    BadInput(
      why: "an unterminated quote", bytes: Array("a 1 TXT \"v=spf1 +all\"\nb 1 TXT ↓\"v=spf1 -all\n".utf8),
      message: "unterminated character-string: no closing '\"' on the line"),
    BadInput(
      why: "an unterminated parenthesis", bytes: Array("a 1 TXT \"v=spf1 +all\"\nb 1 TXT ↓( \"v=spf1\"\n".utf8),
      message: "unbalanced parentheses: '(' is not closed before the end of the file"),
    BadInput(
      why: "a missing $INCLUDE file", bytes: Array("a 1 TXT \"v=spf1 +all\"\n$INCLUDE ↓inc/none.zone\n".utf8),
      message: "cannot open 'inc/none.zone': no such file or directory"),
    BadInput(
      why: "a binary file", bytes: [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01] + Array("↓".utf8) + [0x00, 0x00, 0x00],
      message: "binary data: NUL byte in 'bad.zone'"),
    BadInput(
      why: "invalid UTF-8 in an owner",
      bytes: Array("a 1 TXT \"v=spf1 +all\"\nw".utf8) + Array("↓".utf8)
        + [0xFF] + Array("x 1 TXT \"v=spf1 -all\"\n".utf8),
      message: "name 'w\u{FFFD}x' is not valid UTF-8: write other octets as '\\DDD'"),
    BadInput(
      why: "$GENERATE of TXT records, which would go unlinted",
      bytes: Array("a 1 TXT \"v=spf1 +all\"\n$GENERATE 1-10 h$ 300 IN ↓txt \"v=spf1 -all\"\n".utf8),
      message: "'$GENERATE' of txt records is not supported: they would go unlinted; lint the zone as "
        + "named-compilezone writes it, expanded"),
    BadInput(
      why: "a directory", path: "dir", files: ["dir/x": ""], message: "cannot read 'dir': is a directory"),
    BadInput(why: "a missing file", path: "none.zone", message: "cannot open 'none.zone': no such file or directory"),
  ]

  @Test(arguments: badInputs)
  func badInputIsReportedWithItsPositionAndTheOthersAreLinted(_ c: BadInput) async throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    var location = "1:1"
    if let bytes = c.bytes {
      let (raw, marks) = markedZone(bytes: bytes)
      location = marks.first ?? location
      try scratch.write(c.path, bytes: raw)
    }
    for (name, text) in c.files { try scratch.write(name, text) }
    try scratch.write("good.zone", "g 1 TXT \"v=spf1 +all\"\n")
    let run = try await SPFKitProcess.run(
      ["lint", "--zone", c.path, "--zone", "good.zone"], directory: scratch.url)
    #expect(run.status == 2)
    #expect(run.stderr == "\(c.path):\(location): error: \(c.message)\n")
    #expect(!run.stdout.contains(c.path + ":"), "nothing of the bad file is reported")
    #expect(run.stdout.hasPrefix("good.zone:1:17: warning[SPF103]"), "the other file is linted")
  }
}
