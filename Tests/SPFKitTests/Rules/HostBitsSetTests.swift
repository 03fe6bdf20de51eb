import Testing

@testable import SPFKit

extension RuleTests {
  /// SPF110 `host-bits-set`.
  struct HostBitsSetTests {
    static let cases: [RuleCase] = [
      .flags("ip4 host bits", "v=spf1 ↓ip4:192.0.2.5/24↓ -all", fixed: "v=spf1 ip4:192.0.2.0/24 -all"),
      .flags(
        "the qualifier is kept", "v=spf1 mx ↓-ip4:198.51.100.77/26↓ ~all", fixed: "v=spf1 mx -ip4:198.51.100.64/26 ~all"
      ),
      .flags("a wide prefix", "v=spf1 ↓ip4:10.1.2.3/8↓ -all", fixed: "v=spf1 ip4:10.0.0.0/8 -all"),
      .flags("ip6 host bits", "v=spf1 ↓ip6:2001:db8::1/32↓ -all", fixed: "v=spf1 ip6:2001:db8::/32 -all"),
      .flags(
        "ip6 written in upper case", "v=spf1 ↓ip6:2001:DB8:0:0:8::/64↓ -all", fixed: "v=spf1 ip6:2001:db8::/64 -all"),
      .flags("in the second string", #""v=spf1 mx " "↓ip4:192.0.2.129/25↓ -all""#),
      .passes("a network address", "v=spf1 ip4:192.0.2.0/24 ip6:2001:db8::/32 -all"),
      .passes("hosts", "v=spf1 ip4:192.0.2.5 ip4:192.0.2.5/32 ip6:2001:db8::1 ip6:2001:db8::1/128 -all"),
      .passes("/0 of the zero address", "v=spf1 ip4:0.0.0.0/0 -all"),
      .passes("RFC 7208 B.1", "v=spf1 ip4:192.0.2.128/28 -all"),
      .passes("a/24 names a host, not a network", "v=spf1 a:mail.example.com/24 -all"),
    ]

    @Test(arguments: cases)
    func check(_ c: RuleCase) throws { try RuleTest.check(HostBitsSet.self, c) }
  }
}
