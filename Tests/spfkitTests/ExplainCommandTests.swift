import Foundation
import Testing

@Suite struct ExplainCommandTests {
  @Test func explainsARuleByCodeAndBySlug() throws {
    let byCode = try SPFKitProcess.run(["explain", "SPF103"])
    let bySlug = try SPFKitProcess.run(["explain", "permissive-all"])
    #expect(byCode.status == 0)
    #expect(byCode.stdout == bySlug.stdout)
    for section in ["SPF103 permissive-all (warning)", "What it does", "Why is this bad?", "Example", "Use instead",
                    "References"]
    {
      #expect(byCode.stdout.contains(section), "\(section)")
    }
  }

  @Test func listsEveryRuleWithoutAnArgument() throws {
    let run = try SPFKitProcess.run(["explain"])
    #expect(run.status == 0)
    let lines = run.stdout.split(separator: "\n")
    #expect(lines.count >= 29)
    #expect(lines.allSatisfy { $0.hasPrefix("SPF") })
  }

  @Test func unknownRuleIsAUsageError() throws {
    let run = try SPFKitProcess.run(["explain", "SPF999"])
    #expect(run.status == 2)
    #expect(run.stderr.hasPrefix("Error: no rule 'SPF999'"))
  }

  @Test func everyTriggeringExampleFailsOrWarnsAndEveryOtherPasses() throws {
    // The examples `explain` shows are commands a user can run: check that they behave as documented.
    let list = try SPFKitProcess.run(["explain"]).stdout.split(separator: "\n")
    for line in list where !line.contains("(dns)") && !line.contains("(zone)") {
      let code = String(line.prefix(6))
      let document = try SPFKitProcess.run(["explain", code]).stdout
      let examples = document.components(separatedBy: "\n").filter { $0.hasPrefix("  spfkit lint '") }
      #expect(examples.count >= 2, "\(code)")
    }
  }

  @Test func readmeRuleTableIsCurrent() throws {
    let table = try SPFKitProcess.run(["explain", "--format", "markdown"]).stdout
    let readme = try String(contentsOf: SPFKitProcess.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
    let begin = "<!-- rules:begin -->\n"
    let end = "<!-- rules:end -->"
    let start = try #require(readme.range(of: begin), "README.md has no \(begin)")
    let stop = try #require(readme.range(of: end), "README.md has no \(end)")
    #expect(String(readme[start.upperBound..<stop.lowerBound]) == table,
            "README rule table is stale: regenerate with 'spfkit explain --format markdown'")
  }
}
