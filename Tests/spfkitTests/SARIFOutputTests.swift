import Foundation
import Testing

/// `spfkit lint --format sarif`: a SARIF 2.1.0 log, valid against the OASIS schema.
@Suite struct SARIFOutputTests {
  /// The schema in `../shared/schemas/` (see its README).
  static let schema = SPFKitProcess.packageRoot.deletingLastPathComponent()
    .appendingPathComponent("shared/schemas/sarif-schema-2.1.0.json")

  static let zone = """
    $ORIGIN example.com.
    news 300 IN TXT "v=spf1 ip4:81.2.0.0/16" "ip4:81.3.0.0/16 -all"
    hosts 300 IN TXT ( "v=spf1 a:\\101xample.com "
                       "ip4:81.7.0.26/24 ?all" )
    legacy 300 IN SPF "v=spf1 -all"
    nbsp 300 IN TXT "v=spf1\\194\\160-all"

    """

  /// Runs `spfkit lint --format sarif` in a scratch directory holding `z.zone`.
  static func sarif(_ extra: [String]) async throws -> (run: SPFKitProcess.Output, log: [String: Any]) {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    try scratch.write("z.zone", zone)
    let run = try await SPFKitProcess.run(["lint", "--format", "sarif"] + extra, directory: scratch.url)
    let log = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    return (run, log)
  }

  @Test(.enabled(if: ExternalTool.jsonschema.testsEnabled, ExternalTool.jsonschema.skipNote))
  func validAgainstTheSchema() async throws {
    try #require(ExternalTool.jsonschema.isAvailable, "python3 -c 'import jsonschema' fails: CI=true requires it")
    try #require(FileManager.default.fileExists(atPath: Self.schema.path), "no SARIF schema at \(Self.schema.path)")
    let (run, _) = try await Self.sarif(["v=spf1 +all", "--severity", "info", "--zone", "z.zone", "missing.zone"])
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    try scratch.write("log.sarif", run.stdout)
    let check = Process()
    check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    check.arguments = [
      "python3", "-c",
      "import json, sys, jsonschema; jsonschema.validate(json.load(open(sys.argv[1])), json.load(open(sys.argv[2])))",
      scratch.path("log.sarif"), Self.schema.path,
    ]
    let errors = Pipe()
    check.standardError = errors
    try check.run()
    let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    check.waitUntilExit()
    #expect(check.terminationStatus == 0, "\(message)")
  }

  @Test func driverResultsAndInputErrors() async throws {
    let (run, log) = try await Self.sarif(["v=spf1 +all", "--severity", "info", "--zone", "z.zone", "missing.zone"])
    #expect(run.status == 2)
    #expect(log["version"] as? String == "2.1.0")
    let sarifRun = try #require((log["runs"] as? [[String: Any]])?.first)
    let driver = try #require((sarifRun["tool"] as? [String: Any])?["driver"] as? [String: Any])
    #expect(driver["name"] as? String == "spfkit")
    #expect((driver["informationUri"] as? String)?.hasPrefix("https://") == true)
    let rules = try #require(driver["rules"] as? [[String: Any]])
    let rule = try #require(rules.first { $0["id"] as? String == "SPF113" })
    #expect(rule["name"] as? String == "spf-rr-type")
    #expect((rule["shortDescription"] as? [String: Any])?["text"] as? String == "an SPF (type 99) resource record")
    #expect((rule["defaultConfiguration"] as? [String: Any])?["level"] as? String == "warning")
    #expect(((rule["help"] as? [String: Any])?["text"] as? String)?.contains("IN SPF \"v=spf1 mx -all\"") == true)

    let results = try #require(sarifRun["results"] as? [[String: Any]])
    func result(_ code: String) throws -> [String: Any] {
      try #require(results.first { $0["ruleId"] as? String == code })
    }
    func region(_ result: [String: Any]) -> [String: Int]? {
      let location = (result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
      return location?["region"] as? [String: Int]
    }
    func uri(_ result: [String: Any]) -> String? {
      let location = (result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
      return (location?["artifactLocation"] as? [String: Any])?["uri"] as? String
    }
    #expect(uri(try result("SPF103")) == "%3Carg1%3E")
    #expect(region(try result("SPF113")) == ["startLine": 5, "startColumn": 15, "endColumn": 18])
    #expect(region(try result("SPF110")) == ["startLine": 4, "startColumn": 21, "endColumn": 37])
    #expect(uri(try result("SPF110")) == "z.zone")
    #expect(try result("SPF201")["level"] as? String == "note")
    let invocation = try #require((sarifRun["invocations"] as? [[String: Any]])?.first)
    #expect(invocation["executionSuccessful"] as? Bool == false)
    let notification = try #require((invocation["toolExecutionNotifications"] as? [[String: Any]])?.first)
    #expect(
      (notification["message"] as? [String: Any])?["text"] as? String
        == "cannot open 'missing.zone': no such file or directory")
  }

  /// Applying every fix's replacements to the zone text removes the findings they fix.
  @Test func fixesApplyToTheZoneFile() async throws {
    let (_, log) = try await Self.sarif(["--zone", "z.zone"])
    let results = try #require(((log["runs"] as? [[String: Any]])?.first?["results"]) as? [[String: Any]])
    var lines = Self.zone.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.utf8) }
    var edits: [(line: Int, start: Int, end: Int, text: String)] = []
    var fixed: Set<String> = []
    for result in results {
      guard let fix = (result["fixes"] as? [[String: Any]])?.first else { continue }
      fixed.insert(result["ruleId"] as? String ?? "")
      for change in fix["artifactChanges"] as? [[String: Any]] ?? [] {
        for replacement in change["replacements"] as? [[String: Any]] ?? [] {
          let region = try #require(replacement["deletedRegion"] as? [String: Int])
          let text = try #require((replacement["insertedContent"] as? [String: Any])?["text"] as? String)
          edits.append((region["startLine"]!, region["startColumn"]!, region["endColumn"]!, text))
        }
      }
    }
    #expect(fixed == ["SPF014", "SPF104", "SPF110", "SPF013"])
    for edit in edits.sorted(by: { ($0.line, $0.start) > ($1.line, $1.start) }) {
      lines[edit.line - 1].replaceSubrange((edit.start - 1)..<(edit.end - 1), with: Array(edit.text.utf8))
    }
    let repaired = String(decoding: Array(lines.joined(separator: [0x0A])), as: UTF8.self)
    #expect(repaired.contains(#""v=spf1\032-all""#), "a space in a string without one is escaped")
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    try scratch.write("z.zone", repaired)
    let relint = try await SPFKitProcess.run(["lint", "--zone", "z.zone"], directory: scratch.url)
    for code in fixed { #expect(!relint.stdout.contains("[\(code)]"), "\(code) after its fix:\n\(relint.stdout)") }
  }
}
