import Testing

@testable import SPFKit

extension RuleTests {
  /// SPF007 `invalid-ip-address`.
  struct InvalidIPAddressTests {
    static let cases: [RuleCase] = [
      .flags("a leading zero: the address only", "v=spf1 ip4:↓192.0.2.01↓ -all"),
      .flags("an octet over 255", "v=spf1 ip4:↓192.0.2.256↓ -all"),
      .flags("three octets, before the prefix length", "v=spf1 ip4:↓192.0.2↓/24 -all"),
      .flags(
        "an IPv6 address in ip4: the whole term", "v=spf1 ↓ip4:2001:db8::1↓ -all", fixed: "v=spf1 ip6:2001:db8::1 -all"),
      .flags(
        "an IPv6 network in ip4 keeps qualifier and prefix", "v=spf1 ↓-ip4:2001:db8::/32↓ ~all",
        fixed: "v=spf1 -ip6:2001:db8::/32 ~all"),
      .flags("an IPv4 address in ip6", "v=spf1 ↓ip6:192.0.2.1↓ -all", fixed: "v=spf1 ip4:192.0.2.1 -all"),
      .flags("no address", "v=spf1 ↓ip4:↓ -all"),
      .flags("two '::' gaps", "v=spf1 ip6:↓2001:db8::1::2↓ -all"),
      .flags("nine groups", "v=spf1 ip6:↓2001:db8:0:0:0:0:0:0:1↓ -all"),
      .flags("five hex digits", "v=spf1 ip6:↓2001:db8:12345::↓/48 -all"),
      .passes(
        "addresses and networks of both families",
        "v=spf1 ip4:192.0.2.1 ip4:192.0.2.0/24 ip6:2001:db8::1 ip6:2001:DB8::/32 ip6:::ffff:192.0.2.1 -all"),
      .passes("the zero address with /0", "v=spf1 ip4:0.0.0.0/0 ip6:::/0 -all"),
      .passes("a bad prefix length is SPF008's concern", "v=spf1 ip4:192.0.2.0/33 -all"),
      .passes("RFC 7208 B.1", "v=spf1 ip4:192.0.2.128/28 -all"),
    ]

    @Test(arguments: cases)
    func check(_ c: RuleCase) throws { try RuleTest.check(InvalidIPAddress.self, c) }
  }
}
