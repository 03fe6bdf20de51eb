import Testing

@testable import SPFKit

extension RuleTests {
  /// SPF016: an mx name with more than 10 MX records.
  struct MXTooManyRecordsTests {
    static func mx(_ name: String, _ count: Int) -> String {
      (1...count).map { "\(name) MX m\($0).example.net" }.joined(separator: "\n")
    }

    static let cases: [DNSRuleCase] = [
      DNSRuleCase(
        marked: "v=spf1 ↓mx:big.example.com -all", zone: mx("big.example.com", 11),
        message: "'big.example.com' has 11 MX records: 'mx:big.example.com' may look up at most 10",
        why: "11 MX records"),
      DNSRuleCase(marked: "v=spf1 mx:ten.example.com -all", zone: mx("ten.example.com", 10), why: "10 are allowed"),
      DNSRuleCase(
        marked: "v=spf1 ↓mx/24 -all", zone: mx("example.com", 12), message: "'example.com' has 12 MX records",
        why: "a bare mx queries the owner name"),
      DNSRuleCase(
        marked: "v=spf1 ↓redirect=_spf.example.net",
        zone: mx("_spf.example.net", 11) + "\n_spf.example.net TXT v=spf1 mx -all",
        message: "in the policy of '_spf.example.net'", why: "through a redirect"),
      DNSRuleCase(
        marked: "v=spf1 a:big.example.com exists:big.example.com -all", zone: mx("big.example.com", 11),
        why: "only mx reads MX records"),
    ]

    @Test(arguments: cases)
    func finds(_ c: DNSRuleCase) async {
      await DNSRuleHarness.expect("SPF016", c)
    }
  }
}
