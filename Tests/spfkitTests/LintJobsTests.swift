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
