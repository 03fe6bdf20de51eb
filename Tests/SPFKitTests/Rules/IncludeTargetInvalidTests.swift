import Testing

@testable import SPFKit

extension RuleTests {
  /// SPF018: an include or redirect target whose record has a syntax error.
  struct IncludeTargetInvalidTests {
    static let zone = """
      typo.example.net TXT v=spf1 ipv4:192.0.2.1 -all
      deep.example.net TXT v=spf1 include:typo.example.net -all
      good.example.net TXT v=spf1 ip4:192.0.2.1 -all
      twice.example.net TXT v=spf1 ip4:192.0.2.01 ipv4:192.0.2.2 -all
      """

    static let cases: [DNSRuleCase] = [
      DNSRuleCase(
        marked: "v=spf1 ↓include:typo.example.net -all", zone: zone,
        message: "include target 'typo.example.net' publishes a record with 1 syntax error: 'ipv4:192.0.2.1'",
        why: "a misspelt mechanism in the included record"),
      DNSRuleCase(
        marked: "v=spf1 ↓include:deep.example.net -all", zone: zone,
        message: "in the policy of 'deep.example.net'",
        why: "found two levels down, reported at the term that leads there"),
      DNSRuleCase(
        marked: "v=spf1 ↓redirect=typo.example.net", zone: zone, message: "redirect target 'typo.example.net'",
        why: "a redirect target too"),
      DNSRuleCase(
        marked: "v=spf1 ↓include:twice.example.net -all", zone: zone, message: "2 syntax errors",
        why: "every error is counted"),
      DNSRuleCase(marked: "v=spf1 include:good.example.net -all", zone: zone, why: "a valid target"),
    ]

    @Test(arguments: cases)
    func finds(_ c: DNSRuleCase) async { await DNSRuleHarness.expect("SPF018", c) }
  }
}
