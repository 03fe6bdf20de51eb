import Testing

@testable import SPFKit

extension RuleTests {
  /// SPF004: more than 2 void lookups through the include tree.
  struct TooManyVoidLookupsTests {
    static let cases: [DNSRuleCase] = [
      DNSRuleCase(
        marked: "v=spf1 a:n1.example.com a:n2.example.com ↓a:n3.example.com -all",
        message: "makes 3 void DNS lookups: 'a:n3.example.com' is void lookup 3", note: "a:n1.example.com: NXDOMAIN",
        why: "three names that do not exist"),
      DNSRuleCase(marked: "v=spf1 a:n1.example.com a:n2.example.com -all", why: "two void lookups are allowed"),
      DNSRuleCase(
        marked: "v=spf1 mx:txt.example.com a:txt.example.com ↓exists:txt.example.com -all",
        zone: "txt.example.com TXT hello", note: "mx:txt.example.com: no MX records",
        why: "a name without records of the type asked is void too (NODATA)"),
      DNSRuleCase(
        marked: "v=spf1 a:n1.example.com ↓include:_spf.example.net -all",
        zone: "_spf.example.net TXT v=spf1 a:n2.example.net a:n3.example.net -all",
        message: "'a:n3.example.net' in the policy of '_spf.example.net' is void lookup 3",
        note: "path: example.com → include:_spf.example.net → a:n3.example.net",
        why: "counted through includes; the finding points at the include that leads there"),
      DNSRuleCase(
        marked: "v=spf1 include:g1.example.net include:g2.example.net ↓redirect=g3.example.net",
        why: "include and redirect targets that do not exist are void lookups"),
      DNSRuleCase(
        marked: "v=spf1 a:v1.example.com a:v2.example.com ↓a:v3.example.com -all",
        zone: "v1.example.com A 192.0.2.1\nv2.example.com A 192.0.2.2\nv3.example.com A 192.0.2.3",
        message: "for IPv6 clients", note: "a:v1.example.com: no AAAA records",
        why: "an a term without AAAA records is void for IPv6 clients"),
      DNSRuleCase(
        marked: "v=spf1 a:n1.example.com a:n2.example.com -all a:n3.example.com",
        why: "terms after all are never evaluated"),
      DNSRuleCase(
        marked: "v=spf1 exists:%{i}.n1.example.com exists:%{i}.n2.example.com exists:%{i}.n3.example.com -all",
        why: "targets that depend on the client are not queried"),
      DNSRuleCase(
        marked: "v=spf1 a:n1.example.com a:n2.example.com a:bad.example.com -all",
        zone: "bad.example.com SERVFAIL", why: "a failed query is not a void lookup"),
      DNSRuleCase(
        marked: "v=spf1 include:a.example.net ↓include:b.example.net -all",
        zone: """
          a.example.net TXT v=spf1 include:s.example.net -all
          b.example.net TXT v=spf1 include:s.example.net -all
          s.example.net TXT v=spf1 a:n1.example.net a:n2.example.net -all
          """,
        message: "makes 4 void DNS lookups", why: "a policy reached twice makes its void lookups twice"),
    ]

    @Test(arguments: cases)
    func finds(_ c: DNSRuleCase) async {
      await DNSRuleHarness.expect("SPF004", c)
    }
  }
}
