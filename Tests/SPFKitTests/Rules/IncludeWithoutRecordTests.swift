import Testing

@testable import SPFKit

extension RuleTests {
  /// SPF015: an include or redirect target without an SPF record, or with several.
  struct IncludeWithoutRecordTests {
    static let zone = """
      _spf.example.com TXT v=spf1 ip4:192.0.2.0/24 -all
      verify.example.com TXT google-site-verification=abc
      empty.example.com A 192.0.2.1
      two.example.com TXT v=spf1 -all
      two.example.com TXT v=spf1 ~all
      provider.example.net TXT v=spf1 include:gone.example.net -all
      refused.example.net REFUSED
      """

    static let cases: [DNSRuleCase] = [
      DNSRuleCase(
        marked: "v=spf1 ↓include:gone.example.com -all", zone: zone,
        message: "include target 'gone.example.com' has no SPF record (NXDOMAIN)", why: "NXDOMAIN"),
      DNSRuleCase(
        marked: "v=spf1 ↓include:empty.example.com -all", zone: zone, message: "(no TXT records)",
        why: "a name without TXT records"),
      DNSRuleCase(
        marked: "v=spf1 ↓include:verify.example.com -all", zone: zone,
        message: "(its TXT record is not SPF)", why: "TXT records, none of them SPF"),
      DNSRuleCase(
        marked: "v=spf1 ↓redirect=two.example.com", zone: zone,
        message: "redirect target 'two.example.com' publishes 2 SPF records", why: "two SPF records"),
      DNSRuleCase(marked: "v=spf1 include:_spf.example.com -all", zone: zone, why: "a target with one record"),
      DNSRuleCase(
        marked: "v=spf1 ↓include:provider.example.net -all", zone: zone,
        message: "'include:gone.example.net' in the policy of 'provider.example.net'",
        note: "path: example.com → include:provider.example.net → include:gone.example.net",
        why: "a provider's broken include points at the include of it"),
      DNSRuleCase(
        marked: "v=spf1 include:refused.example.net -all", zone: zone,
        why: "a refused query says nothing about the record: SPF201 reports it"),
      DNSRuleCase(
        marked: "v=spf1 -all redirect=gone.example.com", zone: zone,
        why: "a redirect beside all is never followed"),
      DNSRuleCase(marked: "v=spf1 include:%{l}.example.com -all", zone: zone, why: "a target that needs the sender"),
    ]

    @Test(arguments: cases)
    func finds(_ c: DNSRuleCase) async {
      await DNSRuleHarness.expect("SPF015", c)
    }
  }
}
