import Testing

@testable import SPFKit

extension RuleTests {
  /// SPF017: an include or redirect chain that returns to a name on the path.
  struct IncludeLoopTests {
    static let zone = """
      a.example.net TXT v=spf1 include:b.example.net -all
      b.example.net TXT v=spf1 include:a.example.net -all
      back.example.net TXT v=spf1 include:example.com -all
      self.example.net TXT v=spf1 redirect=self.example.net
      shared.example.net TXT v=spf1 ip4:192.0.2.1 -all
      p1.example.net TXT v=spf1 include:shared.example.net -all
      p2.example.net TXT v=spf1 include:shared.example.net -all
      """

    static let cases: [DNSRuleCase] = [
      DNSRuleCase(
        marked: "v=spf1 ↓include:a.example.net -all", zone: zone,
        message: "'include:a.example.net' in the policy of 'b.example.net' leads back to 'a.example.net'",
        note: "loop: example.com → include:a.example.net → include:b.example.net → include:a.example.net",
        why: "two names that include each other"),
      DNSRuleCase(
        marked: "v=spf1 ↓include:back.example.net -all", zone: zone,
        message: "leads back to 'example.com'", why: "a provider that includes the linted domain"),
      DNSRuleCase(
        marked: "v=spf1 ↓include:example.com -all", zone: zone, message: "'include:example.com' leads back",
        why: "a record that includes its own name"),
      DNSRuleCase(marked: "v=spf1 ↓redirect=self.example.net", zone: zone, why: "a redirect to itself"),
      DNSRuleCase(
        marked: "v=spf1 include:p1.example.net include:p2.example.net -all", zone: zone,
        why: "a name reached by two branches is no loop"),
      DNSRuleCase(
        marked: "v=spf1 include:example.com -all", zone: zone, name: nil,
        why: "without a name, the record's own name cannot be recognised"),
    ]

    @Test(arguments: cases)
    func finds(_ c: DNSRuleCase) async {
      await DNSRuleHarness.expect("SPF017", c)
    }
  }
}
