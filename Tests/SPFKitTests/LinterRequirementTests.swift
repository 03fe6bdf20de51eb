import Testing

@testable import SPFKit

/// `Linter` calls a rule that needs DNS answers or zone facts only for a context that has them
/// (`RuleRequirement`); the catalog's DNS rules finding what they should with DNS is
/// `DNSRuleExampleTests`' concern.
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
}
