import Foundation
import Testing

@Suite struct ExplainCommandTests {
  @Test func explainsARuleByCodeAndBySlug() async throws {
    let byCode = try await SPFKitProcess.run(["explain", "SPF103"])
    let bySlug = try await SPFKitProcess.run(["explain", "permissive-all"])
    #expect(byCode.status == 0)
    #expect(byCode.stdout == bySlug.stdout)
    for section in [
      "SPF103 permissive-all (warning)", "What it does", "Why is this bad?", "Example", "Use instead",
      "References",
    ] {
      #expect(byCode.stdout.contains(section), "\(section)")
    }
  }

  @Test func listsEveryRuleWithoutAnArgument() async throws {
    let run = try await SPFKitProcess.run(["explain"])
    #expect(run.status == 0)
    let lines = run.stdout.split(separator: "\n")
    #expect(lines.count >= 29)
    #expect(lines.allSatisfy { $0.hasPrefix("SPF") })
  }

  @Test func unknownRuleIsAUsageError() async throws {
    let run = try await SPFKitProcess.run(["explain", "SPF999"])
    #expect(run.status == 2)
    #expect(run.stderr.hasPrefix("error: no rule 'SPF999'"))
  }

  @Test func everyExampleBehavesAsDocumentedWhenRun() async throws {
    // The examples `explain` shows are commands a user can paste: run them through a shell.
    let list = try await SPFKitProcess.run(["explain"]).stdout.split(separator: "\n")
    for line in list where !line.contains("(dns)") && !line.contains("(zone)") {
      let code = String(line.prefix(6))
      let document = try await SPFKitProcess.run(["explain", code]).stdout.components(separatedBy: "\n")
      let commands = document.filter { $0.hasPrefix("  spfkit lint ") }
      try #require(commands.count == 2, "\(code) shows an example and a counter-example")
      let example = try await Shell.run(commands[0], binary: SPFKitProcess.binary)
      let counter = try await Shell.run(commands[1], binary: SPFKitProcess.binary)
      #expect(example.contains("[\(code)]"), "\(code) example: \(commands[0])")
      #expect(!counter.contains("[\(code)]"), "\(code) counter-example: \(commands[1])")
    }
  }

  @Test func readmeRuleTableIsCurrent() async throws {
    let table = try await SPFKitProcess.run(["explain", "--format", "markdown"]).stdout
    let readme = try String(contentsOf: SPFKitProcess.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
    let begin = "<!-- rules:begin -->\n"
    let end = "<!-- rules:end -->"
    let start = try #require(readme.range(of: begin), "README.md has no \(begin)")
    let stop = try #require(readme.range(of: end), "README.md has no \(end)")
    #expect(
      String(readme[start.upperBound..<stop.lowerBound]) == table,
      "README rule table is stale: regenerate with 'spfkit explain --format markdown'")
  }
}

/// Runs a `spfkit ...` command line through /bin/sh with the binary under test first on the line.
enum Shell {
  static func run(_ commandLine: String, binary: URL) async throws -> String {
    let line = commandLine.trimmingCharacters(in: .whitespaces)
    return try await ChildRun.run(
      URL(fileURLWithPath: "/bin/sh"), ["-c", "\"$SPFKIT\"" + line.dropFirst("spfkit".count)],
      environment: ["SPFKIT": binary.path, "PATH": "/usr/bin:/bin"]
    ).stdout
  }
}
