import Foundation
import SPFKitTestSupport
import Testing

/// `spfkit explain --format json`, and every rule's examples run through the binary as the JSON states
/// them: the triggering example fires its rule, the fixed one lints clean under `--strict`.
@Suite struct ExplainJSONTests {
  struct Rule: Decodable {
    let code: String
    let slug: String
    let severity: String
    let summary: String
    let rationale: String
    let reference: String
    let requirement: String
    let triggering: [String]
    let nonTriggering: [String]
  }

  static func rules() async throws -> [Rule] {
    let run = try await SPFKitProcess.run(["explain", "--format", "json"])
    try #require(run.status == 0 && run.stderr.isEmpty, "\(run.stderr)")
    return try JSONDecoder().decode([Rule].self, from: Data(run.stdout.utf8))
  }

  @Test func listsEveryRuleOfTheTextList() async throws {
    let rules = try await Self.rules()
    let list = try await SPFKitProcess.run(["explain"]).stdout.split(separator: "\n").map { String($0.prefix(6)) }
    #expect(rules.map(\.code) == list)
    #expect(rules.allSatisfy { !$0.triggering.isEmpty && !$0.nonTriggering.isEmpty && !$0.rationale.isEmpty })
    #expect(rules.contains { $0.code == "SPF118" && $0.slug == "sender-id-record" && $0.severity == "warning" })
  }

  @Test func oneRuleIsAnArrayOfOne() async throws {
    let run = try await SPFKitProcess.run(["explain", "too-many-lookups", "--format", "json"])
    let rules = try JSONDecoder().decode([Rule].self, from: Data(run.stdout.utf8))
    #expect(rules.map(\.code) == ["SPF003"])
    #expect(rules[0].requirement == "none" && rules[0].reference == "RFC 7208 §4.6.4")
  }

  /// The zone the DNS rules' examples name, served by a real `named`.
  static let exampleZone = NamedFixture(zones: [NamedZone(origin: ".", zoneFile: RuleExampleZone.masterFile)])

  /// Rules that need DNS run with `--resolve` against `named` serving the names their examples use.
  @Test(.enabled(if: NamedServer.testsEnabled, Comment(rawValue: NamedServer.skipNote)))
  func everyDNSExampleBehavesThroughTheBinary() async throws {
    let server = try await Self.exampleZone.server()
    let dns = ["--resolve", "--server", server.ipv4Server]
    for rule in try await Self.rules() where rule.requirement == "dns" {
      let fires = try await SPFKitProcess.run(["lint"] + dns + rule.triggering)
      #expect(fires.stdout.contains("[\(rule.code)]"), "\(rule.code) example: \(fires.stdout)\(fires.stderr)")
      let clean = try await SPFKitProcess.run(["lint", "--strict"] + dns + rule.nonTriggering)
      #expect(clean.status == 0, "\(rule.code) use instead: \(clean.stdout)\(clean.stderr)")
    }
  }

  @Test func everyExampleBehavesThroughTheBinary() async throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    for rule in try await Self.rules() where rule.requirement != "dns" {
      let (triggering, fixed) = try arguments(rule, scratch)
      let fires = try await SPFKitProcess.run(["lint"] + triggering)
      #expect(fires.stdout.contains("[\(rule.code)]"), "\(rule.code) example: \(fires.stdout)")
      let clean = try await SPFKitProcess.run(["lint", "--strict"] + fixed)
      #expect(clean.status == 0, "\(rule.code) use instead: \(clean.stdout)")
    }
  }

  /// The `spfkit lint` arguments of both examples; a zone rule's lines go to a zone file first.
  func arguments(_ rule: Rule, _ scratch: ScratchDirectory) throws -> ([String], [String]) {
    guard rule.requirement == "zone" else { return (rule.triggering, rule.nonTriggering) }
    try scratch.write("\(rule.code).zone", rule.triggering.joined(separator: "\n") + "\n")
    try scratch.write("\(rule.code)-fixed.zone", rule.nonTriggering.joined(separator: "\n") + "\n")
    return (["--zone", scratch.path("\(rule.code).zone")], ["--zone", scratch.path("\(rule.code)-fixed.zone")])
  }
}
