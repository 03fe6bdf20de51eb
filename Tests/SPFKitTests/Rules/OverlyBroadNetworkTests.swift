import Testing

@testable import SPFKit

extension RuleTests {
  /// SPF115 `overly-broad-network`: a pass for more than a /12 (ip4) or a /32 (ip6).
  struct OverlyBroadNetworkTests {
    static let cases: [RuleCase] = [
      .flags("a /8", "v=spf1 ↓ip4:64.0.0.0/8↓ -all"),
      .flags("/11 is one bit too wide", "v=spf1 ↓ip4:64.0.0.0/11↓ -all"),
      .flags("every IPv4 address", "v=spf1 ↓ip4:0.0.0.0/0↓ -all"),
      .flags("an explicit '+'", "v=spf1 ↓+ip4:64.0.0.0/8↓ -all"),
      .flags("an IPv6 /16", "v=spf1 ↓ip6:2400::/16↓ -all"),
      .flags("an IPv6 /31", "v=spf1 ↓ip6:2a00::/31↓ -all"),
      .flags("a/8 authorizes a /8 around each address", "v=spf1 ↓a/8↓ -all"),
      .flags("mx with an IPv6 /24", "v=spf1 ↓mx//24↓ -all"),
      .flags("a with a domain and both lengths", "v=spf1 ↓a:mail.example.com/8//64↓ -all"),
      .passes("a /12", "v=spf1 ip4:64.0.0.0/12 -all"),
      .passes("a large sender's /15", "v=spf1 ip4:40.92.0.0/15 -all"),
      .passes("a /19", "v=spf1 ip4:64.233.160.0/19 -all"),
      .passes("an IPv6 /32", "v=spf1 ip6:2400::/32 -all"),
      .passes("a fail for a wide network", "v=spf1 -ip4:0.0.0.0/0 mx ~all"),
      .passes("a softfail or neutral for a wide network", "v=spf1 ~ip4:64.0.0.0/8 ?ip6:2400::/16 -all"),
      .passes("a and mx with narrow or default lengths", "v=spf1 a mx a/24 mx//64 -all"),
    ]

    @Test(arguments: cases)
    func check(_ c: RuleCase) throws { try RuleTest.check(OverlyBroadNetwork.self, c) }
  }
}
