import Foundation
import Testing

/// `spfkit lint` output at scale (issue 11): streaming json, jsonl, `--severity`, `--statistics`,
/// `--output`; the cap per record and code (issue 10).
@Suite struct LintOutputTests {
  /// Three records on standard input: clean, with a warning, with an error.
  static let bulk = "v=spf1 ip4:8.8.8.8 -all\nv=spf1 ip4:8.8.4.0/24 ?all\nv=spf1 ip4:1.2.3.04 -all\n"

  static func document(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  @Test func aCleanBulkInputPrintsOnlyItsSummary() async throws {
    let input = "v=spf1 ip4:8.8.8.8 -all\nv=spf1 include:_spf.example.net -all\n"
    let text = try await SPFKitProcess.run(["lint", "-"], input: input)
    #expect(text.status == 0)
    #expect(text.stdout == "2 records checked: no problems; 1 info not shown (--severity info)\n")
    let json = try await SPFKitProcess.run(["lint", "--format", "json", "-"], input: input)
    let document = try Self.document(json.stdout)
    #expect((document["inputs"] as? [Any])?.isEmpty == true, "clean names are left out in bulk mode")
    #expect((document["summary"] as? [String: Any])?["records"] as? Int == 2)
    let jsonl = try await SPFKitProcess.run(["lint", "--format", "jsonl", "-"], input: input)
    #expect(jsonl.stdout.isEmpty)
  }

  @Test func jsonWritesTheHeaderThenOneNameALineThenTheSummary() async throws {
    let run = try await SPFKitProcess.run(["lint", "--format", "json", "-"], input: Self.bulk)
    #expect(run.status == 1)
    let lines = run.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count == 4, "header, two names with findings, the end: \(lines)")
    #expect(lines.first == #"{"version":1,"tool":{"name":"spfkit","version":"0.1.0"},"inputs":["#)
    for line in lines.dropFirst().dropLast() {
      let object = try #require(
        try JSONSerialization.jsonObject(with: Data(line.trimmingSuffix(",").utf8)) as? [String: Any])
      #expect(object["diagnostics"] != nil)
    }
    let summary = try #require(try Self.document(run.stdout)["summary"] as? [String: Any])
    #expect(summary["errors"] as? Int == 1)
    #expect(summary["warnings"] as? Int == 1)
    #expect(summary["severity"] as? String == "warning")
    #expect(summary["codes"] as? [String: Int] == ["SPF007": 1, "SPF104": 1])
  }

  @Test func jsonlIsOneObjectPerNameWithFindings() async throws {
    let run = try await SPFKitProcess.run(["lint", "--format", "jsonl", "-"], input: Self.bulk)
    #expect(run.status == 1)
    let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines.count == 3 && lines.last == "", "two objects and the final newline: \(lines)")
    let codes = try lines.dropLast().map { line in
      let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      let records = try #require(object["records"] as? [[String: Any]])
      #expect(records.first?["source"] as? String == "<stdin>")
      return try #require(object["diagnostics"] as? [[String: Any]]).compactMap { $0["code"] as? String }
    }
    #expect(codes == [["SPF104"], ["SPF007"]])
  }

  @Test(arguments: [
    (["v=spf1 ptr -all"], ["SPF201", "SPF102"], "a record argument: info and up"),
    (["--severity", "warning", "v=spf1 ptr -all"], ["SPF102"], "infos hidden"),
    (["--severity", "error", "v=spf1 ptr ip4:1.2.3.04 -all"], ["SPF007"], "warnings hidden too"),
    (["-"], ["SPF102"], "bulk mode: warning and up"),
    (["--severity", "info", "-"], ["SPF201", "SPF102"], "bulk mode, infos asked for"),
  ])
  func severityIsTheLowestShown(_ arguments: [String], _ codes: [String], _ why: String) async throws {
    let run = try await SPFKitProcess.run(["lint", "--format", "jsonl"] + arguments, input: "v=spf1 ptr -all\n")
    let object = try Self.document(run.stdout)
    let shown = try #require(object["diagnostics"] as? [[String: Any]]).compactMap { $0["code"] as? String }
    #expect(shown == codes, "\(why)")
  }

  @Test func hiddenFindingsStillDecideTheExitStatus() async throws {
    let run = try await SPFKitProcess.run(["lint", "--severity", "error", "--strict", "v=spf1 ptr -all"])
    #expect(run.status == 1, "--strict fails on the hidden warning")
    #expect(run.stdout == "1 record checked: no problems; 1 warning, 1 info not shown (--severity info)\n")
  }

  @Test func unknownSeverityIsAUsageError() async throws {
    let run = try await SPFKitProcess.run(["lint", "--severity", "notice", "v=spf1 -all"])
    #expect(run.status == 2)
    #expect(run.stdout.isEmpty)
    #expect(run.stderr.hasPrefix("error: unknown severity 'notice' for '--severity': use one of error, warning, info"))
  }

  @Test func statisticsCountEachCodeBeforeTheSummary() async throws {
    let input = Self.bulk + "v=spf1 ip4:8.8.4.0/24 ?all\n"
    let run = try await SPFKitProcess.run(["lint", "--statistics", "-"], input: input)
    #expect(run.status == 1)
    #expect(
      run.stdout.hasSuffix(
        """
        2  SPF104  neutral-all
        1  SPF007  invalid-ip-address
        4 records checked: 1 error, 2 warnings

        """), "\(run.stdout)")
  }

  @Test func outputIsWrittenBesideTheFileAndRenamed() async throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    try scratch.write("report.json", "old")
    let run = try await SPFKitProcess.run(
      ["lint", "--format", "json", "--output", scratch.path("report.json"), "-"], stdin: Array(Self.bulk.utf8))
    #expect(run.status == 1)
    #expect(run.stdout.isEmpty)
    let written = try String(contentsOfFile: scratch.path("report.json"), encoding: .utf8)
    #expect((try Self.document(written)["summary"] as? [String: Any])?["records"] as? Int == 3)
    #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path) == ["report.json"])
  }

  @Test func aUsageErrorLeavesNoTemporaryFile() async throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let run = try await SPFKitProcess.run(
      ["lint", "--output", scratch.path("report.txt"), "--server", "127.0.0.1", "v=spf1 -all"])
    #expect(run.status == 2)
    #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).isEmpty)
  }

  /// A full disk (`/dev/full`) is an error, never a silent half report.
  @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full"), "no /dev/full"))
  func aFailedWriteExitsTwo() async throws {
    let run = try await ToolProcess.run(
      ["sh", "-c", "\"$0\" lint 'v=spf1 -all' > /dev/full", SPFKitProcess.binary.path], directory: nil)
    #expect(run.status == 2)
    #expect(run.stderr == "error: cannot write standard output: no space left on device\n")
  }

  @Test func outputIntoAMissingDirectoryIsAnInputError() async throws {
    let run = try await SPFKitProcess.run(["lint", "--output", "/nonexistent-dir/report.txt", "v=spf1 -all"])
    #expect(run.status == 2)
    #expect(run.stdout.isEmpty)
    #expect(run.stderr.hasPrefix("error: /nonexistent-dir/report.txt: cannot write '--output' file"), "\(run.stderr)")
  }
}

/// The cap of 20 findings per record and code, in every format, with the true count in the summary
/// (issue 10), and unreadable inputs counted in every summary.
@Suite struct LintOutputCapTests {
  /// 25 private networks: 25 SPF111 findings in one record.
  static let record = "v=spf1 " + (1...25).map { "ip4:10.0.0.\($0)" }.joined(separator: " ") + " -all"
  static let omitted = "and 5 more SPF111 findings in this record"

  static func lint(_ format: String) async throws -> SPFKitProcess.Output {
    try await SPFKitProcess.run(["lint", "--format", format, "--disable", "SPF002", Self.record])
  }

  @Test func textPrintsTwentyThenOneLineAndTheTrueCount() async throws {
    let run = try await Self.lint("text")
    #expect(run.stdout.components(separatedBy: "warning[SPF111]").count - 1 == 20)
    #expect(run.stdout.contains("<arg1>:1:1: note: \(Self.omitted)\n"))
    #expect(run.stdout.hasSuffix("1 record checked: 25 warnings\n"))
  }

  @Test(arguments: ["json", "jsonl"])
  func jsonListsTwentyAndCountsTheRest(_ format: String) async throws {
    let run = try await Self.lint(format)
    let text = format == "json" ? run.stdout : run.stdout.split(separator: "\n").first.map(String.init) ?? ""
    let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    let input = format == "json" ? try #require((root["inputs"] as? [[String: Any]])?.first) : root
    let codes = try #require(input["diagnostics"] as? [[String: Any]]).compactMap { $0["code"] as? String }
    #expect(codes.filter { $0 == "SPF111" }.count == 20)
    let omitted = try #require(input["omitted"] as? [[String: Any]])
    #expect(omitted.count == 1)
    #expect(omitted.first?["code"] as? String == "SPF111")
    #expect(omitted.first?["count"] as? Int == 5)
    #expect(omitted.first?["message"] as? String == Self.omitted)
    if format == "json" {
      let summary = try #require(root["summary"] as? [String: Any])
      #expect(summary["warnings"] as? Int == 25)
      #expect(summary["omitted"] as? Int == 5)
      #expect((summary["codes"] as? [String: Int])?["SPF111"] == 25)
    }
  }

  @Test func sarifHasTwentyResultsAndANote() async throws {
    let run = try await Self.lint("sarif")
    let log = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let sarifRun = try #require((log["runs"] as? [[String: Any]])?.first)
    let results = try #require(sarifRun["results"] as? [[String: Any]])
    #expect(results.filter { $0["ruleId"] as? String == "SPF111" }.count == 20)
    let invocation = try #require((sarifRun["invocations"] as? [[String: Any]])?.first)
    let notes = try #require(invocation["toolExecutionNotifications"] as? [[String: Any]])
    #expect(notes.map { ($0["message"] as? [String: Any])?["text"] as? String } == [Self.omitted])
    #expect(notes.first?["level"] as? String == "note")
    let properties = try #require(invocation["properties"] as? [String: Any])
    #expect(properties["warnings"] as? Int == 25)
  }

  @Test func githubHasTwentyAnnotationsAndANotice() async throws {
    let run = try await Self.lint("github")
    let lines = run.stdout.split(separator: "\n").map(String.init)
    #expect(lines.filter { $0.hasPrefix("::warning title=SPF111::") }.count == 20)
    #expect(lines.contains("::notice title=SPF111::<arg1>:1:1: \(Self.omitted)"))
    #expect(lines.last == "1 record checked: 25 warnings")
  }

  /// A missing file, a directory, an unterminated quote: never "no problems" (issue 10).
  @Test(arguments: [
    (["--zone", "missing.zone"], "missing file"),
    (["--zone", "."], "a directory"),
    (["\"v=spf1 -all"], "an unterminated quote"),
  ])
  func unreadableInputIsCountedInEverySummary(_ arguments: [String], _ why: String) async throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    func lint(_ format: String) async throws -> SPFKitProcess.Output {
      let run = try await SPFKitProcess.run(["lint", "--format", format] + arguments, directory: scratch.url)
      #expect(run.status == 2, "\(why), \(format)")
      #expect(!run.stdout.contains("no problems"), "\(why), \(format)")
      return run
    }
    let summary = "0 records checked: 1 input could not be read"
    #expect(try await lint("text").stdout == summary + "\n", "\(why)")
    #expect(try await lint("github").stdout.hasSuffix("\n" + summary + "\n"), "\(why)")
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(try await lint("json").stdout.utf8)) as? [String: Any])
    #expect((json["summary"] as? [String: Any])?["inputErrors"] as? Int == 1, "\(why)")
    #expect((json["inputErrors"] as? [Any])?.count == 1, "\(why)")
    let sarif = try #require(
      try JSONSerialization.jsonObject(with: Data(try await lint("sarif").stdout.utf8)) as? [String: Any])
    let invocation = try #require(
      ((sarif["runs"] as? [[String: Any]])?.first?["invocations"] as? [[String: Any]])?.first)
    #expect((invocation["properties"] as? [String: Any])?["summary"] as? String == summary, "\(why)")
    #expect(invocation["executionSuccessful"] as? Bool == false, "\(why)")
  }
}

extension String {
  /// The string without one trailing `suffix`.
  fileprivate func trimmingSuffix(_ suffix: String) -> String {
    hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
  }
}
