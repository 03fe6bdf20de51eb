import Testing

@testable import SPFKit

extension RuleTests {
  /// SPF006 `unknown-mechanism`.
  struct UnknownMechanismTests {
    static let cases: [RuleCase] = [
      .flags("'ipv4:' for 'ip4:'", "v=spf1 ↓ipv4:192.0.2.1↓ -all", fixed: "v=spf1 ip4:192.0.2.1 -all"),
      .flags(
        "'ipv6:' for 'ip6:', qualifier kept", "v=spf1 ↓-ipv6:2001:db8::1↓ ~all",
        fixed: "v=spf1 -ip6:2001:db8::1 ~all"),
      .flags(
        "a misspelt include", "v=spf1 ↓inlcude:_spf.example.com↓ -all",
        fixed: "v=spf1 include:_spf.example.com -all"),
      .flags(
        "a dot typed for the colon", "v=spf1 ↓include.example.com↓ -all", fixed: "v=spf1 include:example.com -all"),
      .flags("a bare IPv4 address", "v=spf1 ↓192.0.2.1↓ -all", fixed: "v=spf1 ip4:192.0.2.1 -all"),
      .flags("a bare IPv6 network", "v=spf1 ↓2001:db8::/32↓ -all", fixed: "v=spf1 ip6:2001:db8::/32 -all"),
      .flags(
        "'redirect:' for 'redirect='", "v=spf1 ↓redirect:_spf.example.com↓",
        fixed: "v=spf1 redirect=_spf.example.com"),
      .flags("'all' takes no argument: only the extra text", "v=spf1 -all↓:example.com↓", fixed: "v=spf1 -all"),
      .flags("'all' takes no prefix length", "v=spf1 -all↓/24↓", fixed: "v=spf1 -all"),
      .flags(
        "a stray ';' after all: the fix drops it", "v=spf1 ip4:192.0.2.1 ↓-all;", fixed: "v=spf1 ip4:192.0.2.1 -all"),
      .flags("a word that is nothing", "v=spf1 ↓spf↓ -all"),
      .flags("one edit in a short name", "v=spf1 ↓ip5:192.0.2.1↓ -all", fixed: "v=spf1 ip4:192.0.2.1 -all"),
      .flags(
        "two edits in a long name", "v=spf1 ↓exsits:%{i}.example.com↓ -all",
        fixed: "v=spf1 exists:%{i}.example.com -all"),
      .flags(
        "in the second string of a presentation record",
        #""v=spf1 ip4:192.0.2.1 " "↓ipv4:198.51.100.1↓ -all""#),
      .passes(
        "all eight mechanisms (RFC 7208 §5)",
        "v=spf1 a mx ptr include:_spf.example.com exists:%{i}.example.com ip4:192.0.2.1 ip6:2001:db8::1 -all"),
      .passes("mechanism names are case-insensitive", "v=spf1 A MX Include:_spf.example.com IP4:192.0.2.1 -ALL"),
      .passes("an unknown modifier is SPF112's concern", "v=spf1 foo=bar -all"),
      .passes("a mechanism written with '=' is a modifier: SPF112's concern", "v=spf1 include=_spf.example.com -all"),
      .passes("RFC 7208 B.1: 'mx/30 mx:example.org/30'", "v=spf1 mx/30 mx:example.org/30 -all"),
    ]

    @Test(arguments: cases)
    func check(_ c: RuleCase) throws { try RuleTest.check(UnknownMechanism.self, c) }
  }
}
