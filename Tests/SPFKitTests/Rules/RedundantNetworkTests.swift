import Testing

@testable import SPFKit

extension RuleTests {
  /// SPF108 `redundant-network`: a network that never changes the result.
  struct RedundantNetworkTests {
    static let cases: [RuleCase] = [
      .flags(
        "a host after the network that holds it", "v=spf1 ip4:192.0.2.0/24 ↓ip4:192.0.2.5↓ -all",
        fixed: "v=spf1 ip4:192.0.2.0/24 -all"),
      .flags(
        "a host before a covering network with the same qualifier", "v=spf1 ↓ip4:192.0.2.5↓ ip4:192.0.2.0/24 -all",
        fixed: "v=spf1 ip4:192.0.2.0/24 -all"),
      .flags("an earlier cover decides first whatever the qualifiers", "v=spf1 -ip4:192.0.2.0/24 ↓ip4:192.0.2.5↓ -all"),
      .flags(
        "a later cover past directives of the same qualifier",
        "v=spf1 ↓ip4:192.0.2.5↓ mx include:_spf.example.com ip4:192.0.2.0/24 -all"),
      .flags("the same qualifier need not be pass", "v=spf1 ↓~ip4:192.0.2.5↓ ~ip4:192.0.2.0/24 -all"),
      .flags("a narrower network", "v=spf1 ip4:198.51.100.0/24 ↓ip4:198.51.100.128/25↓ -all"),
      .flags("IPv6", "v=spf1 ip6:2001:db8::/32 ↓ip6:2001:db8:1::/48↓ -all"),
      .flags("two covered networks", "v=spf1 ip4:192.0.2.0/24 ↓ip4:192.0.2.5↓ ip4:192.0.2.0/25 -all", findings: 2),
      .flags("a network with host bits is masked first", "v=spf1 ip4:192.0.2.7/24 ↓ip4:192.0.2.64/26↓ -all"),
      .passes("a fail for one host before a pass for its network", "v=spf1 -ip4:192.0.2.5 ip4:192.0.2.0/24 -all"),
      .passes(
        "a directive of another qualifier between host and later network",
        "v=spf1 ip4:192.0.2.5 -include:_spf.example.com ip4:192.0.2.0/24 -all"),
      .passes("adjacent halves", "v=spf1 ip4:192.0.2.0/25 ip4:192.0.2.128/25 -all"),
      .passes("the same network twice is SPF109's concern", "v=spf1 ip4:192.0.2.0/24 ip4:192.0.2.0/24 -all"),
      .passes("the same network written with host bits", "v=spf1 ip4:192.0.2.0/24 ip4:192.0.2.9/24 -all"),
      .passes("disjoint networks", "v=spf1 ip4:192.0.2.0/24 ip4:198.51.100.0/24 -all"),
      .passes(
        "IPv4 and a mapped IPv6 address are different mechanisms",
        "v=spf1 ip4:192.0.2.0/24 ip6:::ffff:192.0.2.5 -all"),
      .passes("networks in different records", "v=spf1 ip4:192.0.2.0/24 -all", "v=spf1 ip4:192.0.2.5 -all"),
    ]

    @Test(arguments: cases)
    func check(_ c: RuleCase) throws { try RuleTest.check(RedundantNetwork.self, c) }
  }
}
