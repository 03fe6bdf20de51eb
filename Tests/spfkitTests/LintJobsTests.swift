import Foundation
import Testing

/// `spfkit lint --jobs`: bulk and zone input linted on several threads prints exactly what one
/// thread prints, in input order, in every format, with input errors in their place.
@Suite struct LintJobsTests {
  /// Records on standard input, many more than one batch of the pipeline (256 per thread), with
  /// findings of every severity, clean lines, and lines that are no record or not UTF-8.
  static let bulk: [UInt8] = {
    let records = [
      "v=spf1 ip4:8.8.8.8 -all", "v=spf1 ip4:8.8.4.0/24 ?all", "v=spf1 ip4:1.2.3.04 -all",
      "v=spf1 a mx ptr -all", "v=spf1 include:_spf.example.net include:_spf.example.net -all",
      "v=spf1 ip4:10.0.0.0/8 +all", "example.com", "v=spf1 mx redirect=_spf.example.net",
    ]
    var bytes: [UInt8] = []
    for index in 0..<5_000 {
      if index % 997 == 500 {
        bytes += [0x76, 0x3D, 0xFF, 0xFE]  // invalid UTF-8
      } else {
        bytes += Array(records[index % records.count].utf8)
        bytes += Array(" ip4:192.0.2.\(index % 250)".utf8).prefix(index % 3 == 0 ? 0 : 32)
      }
      bytes.append(0x0A)
    }
    return bytes
  }()

  /// A zone with an owner split across the file (records of one name apart) and many owners.
  static let zone: String = {
    var lines = [
      "$ORIGIN example.com.", "$TTL 300", "@ IN SOA ns hostmaster 1 2 3 4 5", "split IN TXT \"v=spf1 -all\"",
    ]
    for index in 0..<3_000 {
      lines.append("h\(index) IN TXT \"v=spf1 ip4:198.51.100.\(index % 256) \(index % 2 == 0 ? "?all" : "-all")\"")
    }
    lines.append("split IN TXT \"v=spf1 ~all\"")
    return lines.joined(separator: "\n") + "\n"
  }()

  @Test(arguments: ["text", "json", "jsonl", "sarif", "github"])
  func bulkOutputIsTheSameOnOneThreadAndOnMany(format: String) async throws {
    let one = try await SPFKitProcess.run(["lint", "--jobs", "1", "--format", format, "-"], stdin: Self.bulk)
    let many = try await SPFKitProcess.run(["lint", "--jobs", "3", "--format", format, "-"], stdin: Self.bulk)
    #expect(one.status == 2, "invalid UTF-8 lines are input errors: \(one.stderr.prefix(300))")
    #expect(many.status == one.status)
    #expect(many.stdout == one.stdout)
    #expect(many.stderr == one.stderr)
    #expect(one.stderr.contains("<stdin>:501:3: error: "), "the first line that is not UTF-8, in its place")
    #expect(one.stdout.utf8.count > 100_000, "most records have findings")
  }

  @Test(arguments: ["text", "json", "jsonl"])
  func zoneOutputIsTheSameOnOneThreadAndOnMany(format: String) async throws {
    let directory = try ScratchDirectory()
    defer { directory.remove() }
    try directory.write("db.example.com", Self.zone)
    let path = directory.path("db.example.com")
    let one = try await SPFKitProcess.run(["lint", "--jobs", "1", "--format", format, "--zone", path])
    let many = try await SPFKitProcess.run(["lint", "--jobs", "2", "--format", format, "--zone", path])
    #expect(one.status == 1)
    #expect(many.status == 1)
    #expect(many.stdout == one.stdout)
    #expect(one.stdout.contains("SPF001"), "the split owner is one name with two SPF records")
  }

  /// A zone of about 400 KB whose owners' records are consecutive, so that a regular file is cut
  /// into parts of 16 KB for the workers: with what a reader carries from line to line across the
  /// cuts (`$ORIGIN`, `$TTL`, a last explicit TTL, blank owners, parentheses across lines, comments
  /// that disable a rule on the next line), names with two SPF records, other record types.
  static let partedZone = partedZone(owners: 6_000)

  /// `partedZone` with about `owners` names.
  static func partedZone(owners: Int) -> String {
    var lines = ["$ORIGIN example.com.", "$TTL 300", "@ IN SOA ns hostmaster ( 1 2 3", "  4 5 )"]
    for index in 0..<owners {
      let host = "h\(index)"
      switch index % 11 {
      case 0: lines.append("$ORIGIN zone\(index / 11 % 7).example.com.")
      case 1: lines.append("$TTL \(60 + index % 5)")
      case 3: lines += ["\(host) 600 IN TXT ( \"v=spf1 \"", "  \"ip4:198.51.100.\(index % 256) ?all\" )"]
      case 4: lines += ["\(host) IN A 192.0.2.1", "  IN TXT \"v=spf1 a mx ptr -all\"", "  IN MX 10 mx"]
      case 5: lines += ["\(host) IN TXT \"v=spf1 -all\"", "  IN TXT \"v=spf1 +all\""]
      case 6: lines.append("\(host) IN SPF \"v=spf1 mx -all\" ; spfkit-disable SPF113")
      default: break
      }
      if index % 2 == 0 { lines.append("; spfkit-disable SPF104") }
      lines.append("\(host)x IN TXT \"v=spf1 ip4:203.0.113.\(index % 256) include:_spf.example.net ?all\"")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  @Test(arguments: ["text", "json", "jsonl", "sarif"])
  func aZoneFileReadInPartsPrintsWhatOneReadingPrints(format: String) async throws {
    let directory = try ScratchDirectory()
    defer { directory.remove() }
    try directory.write("zone", Self.partedZone)
    #expect(Self.partedZone.utf8.count > 20 * 16_384, "many parts")
    // Standard input redirected from the file is a regular file, read in parts; from a pipe it
    // is read once, by one thread. Both are named /dev/stdin.
    let arguments = ["lint", "--severity", "info", "--format", format, "--zone", "/dev/stdin"]
    let parts = try await SPFKitProcess.run(arguments, standardInputFrom: directory.path("zone"))
    let once = try await SPFKitProcess.run(arguments, stdin: Array(Self.partedZone.utf8))
    #expect(parts.status == 1, "SPF001 is an error: \(parts.stderr.prefix(300))")
    #expect(parts.status == once.status)
    #expect(parts.stderr == once.stderr)
    #expect(parts.stdout == once.stdout)
    guard format == "text" else { return }  // SARIF lists every rule
    #expect(once.stdout.contains("[SPF001]") && once.stdout.contains("[SPF102]"))
    #expect(!once.stdout.contains("[SPF113]"), "disabled by the comment on each SPF record's line")
  }

  /// Endings that make the parts of a big zone not stand, found by the first pass only at the end,
  /// after the workers have linted (and held) megabytes of output: an error, and a name whose
  /// records are apart.
  static let unstandingEnds = [
    "bad IN TXT \"unterminated\n", "h1x.zone0.example.com. IN TXT \"v=spf1 -all\"\n",
  ]

  @Test(arguments: ["text", "json"], unstandingEnds)
  func aZoneFileWhosePartsDoNotStandPrintsNoneOfTheirOutput(format: String, end: String) async throws {
    let directory = try ScratchDirectory()
    defer { directory.remove() }
    let zone = Self.partedZone(owners: 30_000) + end
    try directory.write("zone", zone)
    let arguments = ["lint", "--severity", "info", "--format", format, "--zone", "/dev/stdin"]
    let file = try await SPFKitProcess.run(arguments, standardInputFrom: directory.path("zone"))
    let pipe = try await SPFKitProcess.run(arguments, stdin: Array(zone.utf8))
    #expect(file.status == pipe.status)
    #expect(file.stderr == pipe.stderr)
    let lastLine = zone.split(separator: "\n").count
    if end.hasPrefix("bad") {
      #expect(file.status == 2)
      #expect(file.stderr.contains("/dev/stdin:\(lastLine):12: error: unterminated"))
      #expect(file.stdout == pipe.stdout)
      #expect(!file.stdout.contains("SPF1"), "no finding of a file with an error")
    } else {
      // A file hands an owner over at its last record, a pipe at the end in the order of first
      // records: the same lines, each once, in another order (JSON's separating commas aside).
      func lines(_ output: String) -> [Substring] {
        output.split(separator: "\n").map { $0.hasSuffix(",") ? $0.dropLast() : $0 }.sorted()
      }
      #expect(file.status == 1, "SPF001: h1x.zone0.example.com has two SPF records, apart")
      #expect(lines(file.stdout) == lines(pipe.stdout))
      let lastFinding = format == "text" ? file.stdout.split(separator: "\n").last { $0.hasPrefix("/dev/stdin:") } : nil
      #expect(format != "text" || lastFinding?.hasPrefix("/dev/stdin:\(lastLine):") == true, "h1x comes last")
    }
  }

  @Test func theSummaryCountsEveryThreadsFindings() async throws {
    let run = try await SPFKitProcess.run(["lint", "--jobs", "4", "--format", "json", "-"], stdin: Self.bulk)
    let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let summary = try #require(document["summary"] as? [String: Any])
    let errors = try #require(summary["inputErrors"] as? Int)
    #expect(errors == run.stderr.split(separator: "\n").count, "one message per input error")
    #expect(errors >= 5, "five lines are not UTF-8, others are no SPF record")
    #expect(summary["records"] as? Int == 5_000 - errors, "every other line")
    let inputs = try #require(document["inputs"] as? [[String: Any]])
    let shown = inputs.reduce(0) { $0 + (($1["diagnostics"] as? [Any])?.count ?? 0) }
    let codes = try #require(summary["codes"] as? [String: Int])
    #expect(codes.values.reduce(0, +) == shown, "findings at or above the threshold, all shown")
  }

  @Test(arguments: ["0", "many", "100000"])
  func aBadJobCountIsAUsageError(count: String) async throws {
    let run = try await SPFKitProcess.run(["lint", "--jobs", count, "-"], input: "v=spf1 -all\n")
    #expect(run.status == 2)
    #expect(run.stdout.isEmpty)
    #expect(run.stderr.contains("'--jobs' takes a whole number of threads from 1 to 1024, not '\(count)'"))
  }
}
