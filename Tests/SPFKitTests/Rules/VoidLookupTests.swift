import Testing

@testable import SPFKit

extension RuleTests {
  /// SPF116: a lookup answered NXDOMAIN or no data.
  struct VoidLookupTests {
    static let zone = """
      mail.example.com A 192.0.2.10
      v4.example.com A 192.0.2.11
      txt.example.com TXT hello
      _spf.example.net TXT v=spf1 a:gone.example.net mx -all
      """

    static let cases: [DNSRuleCase] = [
      DNSRuleCase(
        marked: "v=spf1 ↓a:gone.example.com a:mail.example.com -all", zone: zone,
        message: "'gone.example.com' does not exist (NXDOMAIN): 'a:gone.example.com' matches nothing",
        why: "NXDOMAIN"),
      DNSRuleCase(
        marked: "v=spf1 ↓a:txt.example.com ↓mx:txt.example.com ↓exists:txt.example.com -all", zone: zone,
        why: "NODATA for a (no A or AAAA), mx and exists"),
      DNSRuleCase(
        marked: "v=spf1 a:v4.example.com -all", zone: zone,
        why: "an a name with A records only is void for IPv6 clients alone: SPF004 counts it, SPF116 is quiet"),
      DNSRuleCase(
        marked: "v=spf1 ↓↓include:_spf.example.net -all", zone: zone,
        note: "path: example.com → include:_spf.example.net → a:gone.example.net",
        why: "void lookups in an included policy point at the include, one finding each"),
      DNSRuleCase(
        marked: "v=spf1 include:gone.example.com redirect=gone.example.com", zone: zone,
        why: "void include and redirect targets are SPF015"),
      DNSRuleCase(
        marked: "v=spf1 ↓mx -all", zone: zone, message: "'example.com' has no MX records",
        why: "a bare mx queries the owner name"),
      DNSRuleCase(
        marked: "v=spf1 a:bad.example.com -all", zone: "bad.example.com REFUSED",
        why: "a refused query is not a void lookup"),
      DNSRuleCase(marked: "v=spf1 -all a:gone.example.com", zone: zone, why: "terms after all are never evaluated"),
    ]

    @Test(arguments: cases)
    func finds(_ c: DNSRuleCase) async {
      await DNSRuleHarness.expect("SPF116", c)
    }

    @Test func aVoidTermOfTheRecordCanBeRemoved() async throws {
      let c = DNSRuleCase(marked: "v=spf1 ip4:192.0.2.1 a:gone.example.com -all", why: "fix")
      let fix = try #require(await DNSRuleHarness.findings("SPF116", c).first?.fix)
      #expect(String(decoding: fix.applied(to: Array(c.record.utf8)), as: UTF8.self) == "v=spf1 ip4:192.0.2.1 -all")
    }
  }
}
