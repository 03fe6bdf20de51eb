import Foundation
import Testing

@testable import SPFKit

/// `Linter` calls a rule that needs DNS answers or zone facts only for a context that has them
/// (`RuleRequirement`), and a rule that only reports the parser's issues only for a name with one;
/// the catalog's DNS rules finding what they should with DNS is `DNSRuleExampleTests`' concern.
struct LinterRequirementTests {
  /// Reports every name it is called for.
  struct Counting<Need: RequirementSource>: Rule {
    static var metadata: RuleMetadata {
      RuleMetadata(
        code: "TST\(Need.requirement.rawValue)", slug: "counting", severity: .warning, summary: "", rationale: "",
        reference: "", triggering: [], nonTriggering: [], requirement: Need.requirement)
    }

    func check(_ context: LintContext, into diagnostics: inout [Diagnostic]) {
      diagnostics.append(Diagnostic(Self.metadata, "called"))
    }
  }

  protocol RequirementSource: Sendable { static var requirement: RuleRequirement { get } }
  enum Offline: RequirementSource { static let requirement = RuleRequirement.none }
  enum NeedsDNS: RequirementSource { static let requirement = RuleRequirement.dns }
  enum NeedsZone: RequirementSource { static let requirement = RuleRequirement.zone }

  static let linter = Linter(rules: [Counting<Offline>(), Counting<NeedsDNS>(), Counting<NeedsZone>()])
  static let records = [TXTRecord(text: "v=spf1 mx -all")]

  @Test func offlineRunsOnlyTheRulesThatNeedNothing() {
    #expect(Self.linter.lint(Self.records).map(\.code) == ["TSTnone"])
  }

  @Test func zoneFactsAddTheZoneRules() {
    let zone = ZoneFacts(records: [
      ZoneFacts.Record(type: .txt, typeRange: SourceRange(start: SourceLocation(line: 1, column: 1), length: 3))
    ])
    let codes = Self.linter.lint(LintContext(records: Self.records, zone: zone)).map(\.code)
    #expect(codes.sorted() == ["TSTnone", "TSTzone"])
    var memo = LintMemo()
    for _ in 0..<3 {
      #expect(Self.linter.lint(Self.records, zone: zone, memo: &memo).map(\.code).sorted() == ["TSTnone", "TSTzone"])
    }
  }

  /// A syntax-issue rule that reports every name it is called for.
  struct CountingIssues: SyntaxIssueRule {
    static let issueKind = SyntaxIssue.Kind.unknownMechanism
    static let metadata = RuleMetadata(
      code: "TSTissues", slug: "counting-issues", severity: .warning, summary: "", rationale: "", reference: "",
      triggering: [], nonTriggering: [])

    func check(_ context: LintContext, into diagnostics: inout [Diagnostic]) {
      diagnostics.append(Diagnostic(Self.metadata, "called"))
    }
  }

  @Test(arguments: [("v=spf1 mx -all", false), ("v=spf1 mx foo -all", true), ("v=spf1 ip4:1.2.3 -all", true)])
  func aSyntaxIssueRuleIsCalledOnlyForANameWithAnIssue(_ example: (record: String, called: Bool)) {
    let linter = Linter(rules: [CountingIssues()])
    let records = [TXTRecord(text: example.record)]
    let expected = example.called ? ["TSTissues"] : []
    #expect(linter.lint(records).map(\.code) == expected)
    var memo = LintMemo()
    for _ in 0..<3 { #expect(linter.lint(records, memo: &memo).map(\.code) == expected) }
  }

  /// What makes the skip safe: each of the catalog's syntax-issue rules, called anyway, finds nothing
  /// in a name without issues, over the catalog's own examples and the example records.
  @Test func theCatalogsSyntaxIssueRulesFindNothingWithoutAnIssue() throws {
    let issueRules = RuleCatalog.rules.filter { $0 is any SyntaxIssueRule }
    #expect(issueRules.count >= 7)
    let examples = RuleCatalog.rules.flatMap { $0.metadata.triggering + $0.metadata.nonTriggering }
    let file = try String(contentsOf: Self.exampleRecords, encoding: .utf8)
    let records = examples + file.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") }
    var clean = 0
    for text in records {
      let context = LintContext(records: [TXTRecord(text: text)])
      guard !context.hasSyntaxIssues else { continue }
      clean += 1
      for rule in issueRules {
        var found: [Diagnostic] = []
        rule.check(context, into: &found)
        #expect(found.isEmpty, "\(rule.metadata.code) on '\(text)'")
      }
    }
    #expect(clean > 20)
  }

  /// `Examples/records.txt`, found from this file (Tests/SPFKitTests/ in the package).
  static let exampleRecords = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Examples/records.txt")
}
