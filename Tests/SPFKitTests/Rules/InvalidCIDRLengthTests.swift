import Testing

@testable import SPFKit

extension RuleTests {
  /// SPF008 `invalid-cidr-length`.
  struct InvalidCIDRLengthTests {
    static let cases: [RuleCase] = [
      .flags("ip4 prefix over 32", "v=spf1 ip4:192.0.2.0↓/33↓ -all"),
      .flags("ip6 prefix over 128", "v=spf1 ip6:2001:db8::↓/129↓ -all"),
      .flags("a leading zero", "v=spf1 ip4:192.0.2.0↓/024↓ -all"),
      .flags("an empty prefix", "v=spf1 ip4:192.0.2.0↓/↓ -all"),
      .flags("not a number", "v=spf1 ip4:192.0.2.0↓/x↓ -all"),
      .flags("a over 32", "v=spf1 a↓/33↓ -all"),
      .flags("mx ip6 length over 128: the ip6 part", "v=spf1 mx/↓/129↓ -all"),
      .flags("a domain, then a bad dual length", "v=spf1 a:mail.example.com/24/↓/↓ -all"),
      .flags("a second length without '//'", "v=spf1 mx↓/24/64↓ -all"),
      .flags("ptr takes no prefix length", "v=spf1 ptr↓/24↓ -all", fixed: "v=spf1 ptr -all"),
      .passes(
        "lengths in range", "v=spf1 ip4:192.0.2.0/24 ip6:2001:db8::/32 ip4:192.0.2.1/32 ip6:2001:db8::1/128 -all"),
      .passes("/0 is a length", "v=spf1 ip4:0.0.0.0/0 ip6:::/0 -all"),
      .passes("dual lengths", "v=spf1 a/24 mx//64 a:mail.example.com/24//64 mx:example.com//128 -all"),
      .passes("RFC 7208 B.1", "v=spf1 mx/30 mx:example.org/30 -all"),
    ]

    @Test(arguments: cases)
    func check(_ c: RuleCase) throws { try RuleTest.check(InvalidCIDRLength.self, c) }
  }
}
