import Testing

@testable import SPFKit

extension RuleTests {
  /// SPF111 `non-public-network`: special-purpose blocks (RFC 6890 and the IANA registries).
  struct NonPublicNetworkTests {
    /// A network or host inside every special-purpose block, and what the block is.
    static let specialNetworks: [(network: String, why: String)] = [
      ("ip4:0.0.0.0/8", "'this network'"), ("ip4:0.1.2.3", "a host in 'this network'"),
      ("ip4:10.0.0.0/8", "private use 10/8"), ("ip4:10.20.30.40", "a private 10/8 host"),
      ("ip4:100.64.0.0/10", "shared address space (CGN)"), ("ip4:100.127.255.1", "the top of 100.64/10"),
      ("ip4:127.0.0.1", "loopback"), ("ip4:169.254.1.0/24", "link-local"),
      ("ip4:172.16.0.0/12", "private use 172.16/12"), ("ip4:172.31.255.255", "the top of 172.16/12"),
      ("ip4:192.0.0.8", "IETF protocol assignments"), ("ip4:192.0.2.1", "TEST-NET-1"),
      ("ip4:192.88.99.1", "6to4 relay anycast"), ("ip4:192.168.1.0/24", "private use 192.168/16"),
      ("ip4:198.19.0.1", "benchmarking 198.18/15"), ("ip4:198.51.100.0/24", "TEST-NET-2"),
      ("ip4:203.0.113.7", "TEST-NET-3"), ("ip4:224.0.0.1", "multicast"), ("ip4:240.0.0.0/4", "reserved"),
      ("ip4:255.255.255.255", "limited broadcast"),
      ("ip6:::", "the unspecified address"), ("ip6:::1", "IPv6 loopback"),
      ("ip6:::ffff:203.0.113.1", "IPv4-mapped"), ("ip6:::ffff:0:0/96", "the IPv4-mapped block"),
      ("ip6:64:ff9b:1::/48", "local-use translation"), ("ip6:100::/64", "discard-only"),
      ("ip6:2001:db8::/32", "IPv6 documentation"), ("ip6:2001:db8:1::25", "a documentation host"),
      ("ip6:3fff::/20", "the new IPv6 documentation block"), ("ip6:2001::/32", "TEREDO, in IETF protocol assignments"),
      ("ip6:fd00::/8", "unique local"), ("ip6:fc00::1", "unique local fc00::/7"),
      ("ip6:fe80::1", "IPv6 link-local"), ("ip6:ff02::1", "IPv6 multicast"),
    ]

    /// Public networks, and networks only partly inside a special block.
    static let publicNetworks: [(network: String, why: String)] = [
      ("ip4:8.8.8.8", "a public host"), ("ip4:172.32.0.0/16", "just past 172.16/12"),
      ("ip4:100.128.0.0/10", "just past 100.64/10"), ("ip4:198.20.0.1", "just past 198.18/15"),
      ("ip4:223.255.255.255", "just below multicast"), ("ip4:192.0.3.0/24", "between the TEST-NETs"),
      ("ip4:10.0.0.0/7", "10/8 and the public 11/8"), ("ip4:0.0.0.0/0", "everything, public included"),
      ("ip6:::/0", "all of IPv6"), ("ip6:2001:4860:4860::8888", "a public IPv6 host"),
      ("ip6:2001:db8::/31", "wider than the documentation block"), ("ip6:64:ff9b::/96", "the global NAT64 prefix"),
      ("ip6:2002::/16", "6to4"), ("ip6:2a00:1450::/32", "a public IPv6 block"),
    ]

    static let cases: [RuleCase] =
      specialNetworks.map { .flags("\($0.why): \($0.network)", "v=spf1 ↓\($0.network)↓ -all", fixed: "v=spf1 -all") }
      + publicNetworks.map { .passes("\($0.why): \($0.network)", "v=spf1 \($0.network) -all") }
      + [
        .flags("whatever the qualifier", "v=spf1 mx ↓-ip4:10.0.0.0/8↓ ~all", fixed: "v=spf1 mx ~all"),
        .flags("every one is reported", "v=spf1 ↓ip4:10.0.0.0/8↓ ip4:192.168.0.0/16 ip6:fd00::/8 -all", findings: 3),
        .passes("a, mx and include are resolved, not listed", "v=spf1 a mx include:_spf.example.com -all"),
      ]

    @Test(arguments: cases)
    func check(_ c: RuleCase) throws { try RuleTest.check(NonPublicNetwork.self, c) }

    /// The first-octet filter in front of the block list answers as the list does, for networks that
    /// start at every octet, at several prefixes and offsets.
    @Test func firstOctetFilterAgreesWithTheBlockList() {
      for octet in UInt32(0)...255 {
        for low: UInt32 in [0, 0x0000_0001, 0x0040_0000, 0x00A8_0000, 0x00FF_FFFF] {
          for prefix in [0, 3, 4, 7, 8, 10, 12, 15, 16, 24, 32] {
            let network = IPv4Network(address: IPv4Address(octet << 24 | low), prefixLength: prefix)
            let expected = SpecialPurposeNetworks.ipv4.first { $0.network.contains(network.masked) }?.purpose
            #expect(SpecialPurposeNetworks.purpose(of: network)?.purpose == expected, "\(network)")
          }
        }
      }
    }
  }
}
