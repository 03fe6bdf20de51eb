import SPFKitTestSupport
import Testing

@testable import SPFKit

/// Every rule that needs DNS behaves as its metadata examples say, with `RuleExampleZone` published.
struct DNSRuleExampleTests {
  static let dnsRules = RuleCatalog.metadata.filter { $0.requirement == .dns }

  @Test func theDNSRulesAreTheOnesTheDesignNames() {
    #expect(Self.dnsRules.map(\.code) == ["SPF004", "SPF015", "SPF016", "SPF017", "SPF018", "SPF116"])
  }

  @Test(arguments: dnsRules.map(\.code))
  func examplesBehave(_ code: String) async throws {
    let metadata = try #require(RuleCatalog.rule(named: code)?.metadata)
    let resolver = PolicyResolver(InMemoryResolver(zone: RuleExampleZone.zone))
    for (records, triggers) in [(metadata.triggering, true), (metadata.nonTriggering, false)] {
      let diagnostics = await Linter().lint(
        records.map { TXTRecord(text: $0) }, name: "example.com", resolvingWith: resolver)
      #expect(diagnostics.contains { $0.code == code } == triggers, "\(records)")
      let linted = Linter().lint(records.map { TXTRecord(text: $0) }, name: "example.com")
      #expect(!linted.contains { $0.code == code }, "a DNS rule finds nothing without DNS: \(records)")
    }
  }
}
