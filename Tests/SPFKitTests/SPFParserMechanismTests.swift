import Testing

@testable import SPFKit

/// `directive = [ qualifier ] mechanism` and the eight mechanisms (RFC 7208 §4.6.2, §5, §12).
struct SPFParserMechanismTests {
  static func directive(_ qualifier: Qualifier, _ mechanism: Mechanism) -> Term.Kind {
    .directive(Directive(qualifier, mechanism))
  }

  static func directive(_ mechanism: Mechanism) -> Term.Kind { directive(.pass, mechanism) }

  static let termCases: [TermCase] = [
    TermCase("", "all", directive(.all), why: "all, default qualifier"),
    TermCase("+", "all", directive(.pass, .all), why: "'+' pass"),
    TermCase("-", "all", directive(.fail, .all), why: "'-' fail"),
    TermCase("~", "all", directive(.softfail, .all), why: "'~' softfail"),
    TermCase("?", "all", directive(.neutral, .all), why: "'?' neutral (OpenSPF all-neutral)"),
    TermCase("-", "ALL", directive(.fail, .all), why: "mechanism names are case-insensitive"),
    TermCase(
      "", "include", argument: "_spf.example.com", directive(.include(spec("_spf.example.com"))),
      why: "include with a domain"),
    TermCase(
      "~", "Include", argument: "example.com", directive(.softfail, .include(spec("example.com"))),
      why: "include in mixed case"),
    TermCase("", "a", directive(.a(nil, .none)), why: "a without argument: the current domain"),
    TermCase("", "a", argument: "example.org", directive(.a(spec("example.org"), .none)), why: "a with a domain"),
    TermCase("", "a", cidr: "/24", directive(.a(nil, DualCIDR(ip4: 24))), why: "a with an IPv4 prefix"),
    TermCase("", "a", cidr: "//64", directive(.a(nil, DualCIDR(ip6: 64))), why: "a with an IPv6 prefix only"),
    TermCase(
      "", "a", cidr: "/24//64", directive(.a(nil, DualCIDR(ip4: 24, ip6: 64))),
      why: "a with both prefixes (OpenSPF a-dual-cidr-ip4-match)"),
    TermCase("", "a", cidr: "/0", directive(.a(nil, DualCIDR(ip4: 0))), why: "prefix 0 (OpenSPF a-cidr4-0)"),
    TermCase("", "a", cidr: "//0", directive(.a(nil, DualCIDR(ip6: 0))), why: "IPv6 prefix 0 (OpenSPF a-cidr6-0)"),
    TermCase("", "a", cidr: "/32//128", directive(.a(nil, DualCIDR(ip4: 32, ip6: 128))), why: "largest prefixes"),
    TermCase(
      "", "a", argument: "example.com", cidr: "/24//64",
      directive(.a(spec("example.com"), DualCIDR(ip4: 24, ip6: 64))), why: "domain and both prefixes"),
    TermCase(
      "", "a", argument: "foo:bar/baz.example.com", directive(.a(spec("foo:bar/baz.example.com"), .none)),
      why: "':' and '/' are macro-literals (OpenSPF a-colon-domain)"),
    TermCase(
      "", "a", argument: "foo/24.example.com", directive(.a(spec("foo/24.example.com"), .none)),
      why: "'/24' inside the domain is no prefix: dual-cidr-length ends the term"),
    TermCase(
      "", "a", argument: "foo/24.example.com", cidr: "/24",
      directive(.a(spec("foo/24.example.com"), DualCIDR(ip4: 24))), why: "a prefix after such a domain"),
    TermCase(
      "", "a", argument: "example.co2", cidr: "/24", directive(.a(spec("example.co2"), DualCIDR(ip4: 24))),
      why: "a digit before the prefix stays in the domain"),
    TermCase("+", "mx", directive(.pass, .mx(nil, .none)), why: "mx without argument"),
    TermCase(
      "", "mx", argument: "example.com", cidr: "/24", directive(.mx(spec("example.com"), DualCIDR(ip4: 24))),
      why: "mx with a domain and a prefix (OpenSPF mx-multi-ip1)"),
    TermCase("", "mx", cidr: "/30", directive(.mx(nil, DualCIDR(ip4: 30))), why: "RFC 7208 §A.1 'mx/30'"),
    TermCase("", "mx", cidr: "//0", directive(.mx(nil, DualCIDR(ip6: 0))), why: "OpenSPF mx-cidr6-0"),
    TermCase(
      "", "mx", argument: "foo:bar/baz.example.com", directive(.mx(spec("foo:bar/baz.example.com"), .none)),
      why: "OpenSPF mx-colon-domain"),
    TermCase("", "ptr", directive(.ptr(nil)), why: "ptr without argument"),
    TermCase(
      "", "ptr", argument: "example.Com", directive(.ptr(spec("example.Com"))),
      why: "ptr with a domain, case kept (OpenSPF ptr-case-change)"),
    TermCase("", "ip4", argument: "192.0.2.1", directive(.ip4(IPv4Network("192.0.2.1")!)), why: "ip4 host"),
    TermCase(
      "-", "ip4", argument: "192.0.2.128", cidr: "/28", directive(.fail, .ip4(IPv4Network("192.0.2.128/28")!)),
      why: "ip4 network; the argument stops before the prefix (RFC 7208 §A.1)"),
    TermCase(
      "", "ip4", argument: "1.1.1.1", cidr: "/0", directive(.ip4(IPv4Network("1.1.1.1/0")!)),
      why: "prefix 0 (OpenSPF cidr4-0)"),
    TermCase(
      "", "ip4", argument: "1.2.3.4", cidr: "/32", directive(.ip4(IPv4Network("1.2.3.4/32")!)),
      why: "prefix 32 (OpenSPF cidr4-32)"),
    TermCase(
      "", "IP4", argument: "255.255.255.255", directive(.ip4(IPv4Network("255.255.255.255")!)),
      why: "largest qnum values, name in upper case"),
    TermCase(
      "", "ip6", argument: "2001:db8::", cidr: "/32", directive(.ip6(IPv6Network("2001:db8::/32")!)),
      why: "ip6 network"),
    TermCase("", "ip6", argument: "::1", directive(.ip6(IPv6Network("::1")!)), why: "'::' compression"),
    TermCase(
      "", "ip6", argument: "::FFFF:1.2.3.4", directive(.ip6(IPv6Network("::ffff:1.2.3.4")!)),
      why: "embedded IPv4 (OpenSPF ip4-mapped-ip6)"),
    TermCase(
      "", "ip6", argument: "::1.1.1.1", cidr: "/0", directive(.ip6(IPv6Network("::1.1.1.1/0")!)),
      why: "embedded IPv4 and prefix 0 (OpenSPF cidr6-0)"),
    TermCase(
      "", "ip6", argument: "Cafe:Babe:8000::", cidr: "/33", directive(.ip6(IPv6Network("cafe:babe:8000::/33")!)),
      why: "hex digits in any case (OpenSPF cidr6-33)"),
    TermCase(
      "", "ip6", argument: "1:2:3:4:5:6:7:8", cidr: "/128", directive(.ip6(IPv6Network("1:2:3:4:5:6:7:8")!)),
      why: "eight groups, prefix 128"),
    TermCase(
      "", "exists", argument: "mail.example.com", directive(.exists(spec("mail.example.com"))),
      why: "exists with a domain"),
  ]

  @Test(arguments: termCases)
  func term(_ c: TermCase) { c.check() }

  static let qualifierCases: [IssueCase] = [
    IssueCase("v=spf1 ⟨!⟩all", .invalidQualifier, suggestion: "-", why: "'!' reads as 'not': '-' is meant"),
    IssueCase("v=spf1 ⟨~~⟩all", .invalidQualifier, suggestion: "~", why: "a doubled qualifier"),
    IssueCase("v=spf1 ⟨-+⟩all", .invalidQualifier, suggestion: "-", why: "two different qualifiers"),
    IssueCase("v=spf1 ⟨--⟩all", .invalidQualifier, suggestion: "-", why: "'--' is two qualifiers, not a long option"),
    IssueCase("v=spf1 ⟨*⟩all", .invalidQualifier, suggestion: .some(nil), why: "'*' is no qualifier"),
    IssueCase("v=spf1 a ⟨-⟩", .invalidQualifier, why: "a qualifier with no mechanism"),
    IssueCase(
      "v=spf1 ⟨-⟩redirect=example.com", .invalidQualifier, suggestion: "",
      why: "a qualifier on a modifier: delete it"),
    IssueCase(
      "v=spf1 -all ⟨?⟩exp=explain.example.com", .invalidQualifier, suggestion: "",
      why: "a qualifier on exp"),
    IssueCase("v=spf1 ⟨+⟩foo=bar", .invalidQualifier, why: "a qualifier on an unknown modifier"),
  ]

  @Test(arguments: qualifierCases)
  func qualifier(_ c: IssueCase) { c.check() }

  static let argumentCases: [IssueCase] = [
    IssueCase(
      "v=spf1 ⟨-all.⟩", .unknownMechanism, suggestion: "-all",
      why: "'.' is a name character, so 'all.' is an unknown name; drop the dot (OpenSPF all-dot)"),
    IssueCase(
      "v=spf1 ⟨all.example.com⟩", .unknownMechanism, suggestion: .some(nil), why: "all never takes an argument"),
    IssueCase(
      "v=spf1 ⟨gpg⟩ -all", .unknownMechanism, suggestion: .some(nil), why: "two edits in three letters: no 'ip4'"),
    IssueCase(
      "v=spf1 ⟨mp3⟩ -all", .unknownMechanism, suggestion: .some(nil), why: "two edits in three letters: no 'ip4'"),
    IssueCase(
      "v=spf1 ⟨+mx.com⟩ -all", .unknownMechanism, suggestion: .some(nil),
      why: "'+mx:com' would not parse (no dot in the domain): no suggestion"),
    IssueCase(
      "v=spf1 ⟨mx.example.com⟩ -all", .unknownMechanism, suggestion: "mx:example.com",
      why: "a dot typed for the colon, where the result parses"),
    IssueCase(
      "v=spf1 ⟨inclde:a.example.com⟩ -all", .unknownMechanism, suggestion: "include:a.example.com", why: "one edit"),
    IssueCase("v=spf1 -all⟨:foobar⟩", .unknownMechanism, suggestion: "", why: "all takes no argument (all-arg)"),
    IssueCase("v=spf1 -all⟨/8⟩", .unknownMechanism, suggestion: "", why: "all takes no prefix (all-cidr)"),
    IssueCase("v=spf1 ⟨include⟩ +all", .invalidDomainSpec, why: "include needs a domain (include-syntax-error)"),
    IssueCase("v=spf1 ⟨include:⟩ -all", .invalidDomainSpec, why: "an empty domain (include-empty-domain)"),
    IssueCase("v=spf1 ⟨include/24⟩", .invalidDomainSpec, why: "include with a prefix and no domain"),
    IssueCase(
      "v=spf1 include:⟨ip5.example.com/24⟩ -all", .invalidDomainSpec,
      why: "include takes no prefix: '/24' ends the top label (include-cidr)"),
    IssueCase("v=spf1 ⟨exists⟩", .invalidDomainSpec, why: "exists needs a domain (exists-implicit)"),
    IssueCase("v=spf1 ⟨exists:⟩", .invalidDomainSpec, why: "an empty domain (exists-empty-domain)"),
    IssueCase("v=spf1 exists:⟨mail.example.com/24⟩", .invalidDomainSpec, why: "exists takes no prefix (exists-cidr)"),
    IssueCase("v=spf1 ⟨a:⟩", .invalidDomainSpec, why: "an empty domain (a-empty-domain)"),
    IssueCase("v=spf1 ⟨a:/24⟩", .invalidDomainSpec, why: "an empty domain before a prefix"),
    IssueCase("v=spf1 ⟨mx:⟩ -all", .invalidDomainSpec, why: "an empty domain (mx-empty-domain)"),
    IssueCase("v=spf1 ⟨ptr:⟩", .invalidDomainSpec, why: "an empty domain (ptr-empty-domain)"),
    IssueCase("v=spf1 a:⟨example.com:8080⟩", .invalidDomainSpec, why: "a port is no domain (a-bad-domain)"),
    IssueCase("v=spf1 mx:⟨example.com:8080⟩", .invalidDomainSpec, why: "a port is no domain (mx-bad-domain)"),
    IssueCase("v=spf1 a⟨/x⟩", .invalidCIDRLength, why: "without a domain, all after the name is the prefix"),
    IssueCase("v=spf1 mx⟨/foo⟩ -all", .invalidCIDRLength, why: "text after the name is never dropped"),
    IssueCase("v=spf1 a⟨/24x⟩", .invalidCIDRLength, why: "a prefix followed by text"),
    IssueCase("v=spf1 a:⟨example.com/24x⟩", .invalidDomainSpec, why: "with a domain, '/24x' ends the top label"),
    IssueCase("v=spf1 ptr⟨/x⟩", .invalidCIDRLength, suggestion: "", why: "ptr/x"),
    IssueCase("v=spf1 ptr⟨/0⟩ -all", .invalidCIDRLength, suggestion: "", why: "ptr takes no prefix (ptr-cidr)"),
    IssueCase("v=spf1 ptr⟨/24⟩", .invalidCIDRLength, suggestion: "", why: "ptr/24"),
    IssueCase("v=spf1 ptr:example.com⟨//64⟩", .invalidCIDRLength, why: "ptr with a domain takes no prefix either"),
  ]

  @Test(arguments: argumentCases)
  func argument(_ c: IssueCase) { c.check() }

  static let dualCIDRCases: [IssueCase] = [
    IssueCase("v=spf1 a⟨/33⟩ -all", .invalidCIDRLength, why: "IPv4 prefix over 32 (a-bad-cidr4)"),
    IssueCase("v=spf1 a/⟨/129⟩ -all", .invalidCIDRLength, why: "IPv6 prefix over 128 (a-bad-cidr6)"),
    IssueCase("v=spf1 mx⟨/33⟩ -all", .invalidCIDRLength, why: "mx-bad-cidr4"),
    IssueCase("v=spf1 mx/⟨/129⟩ -all", .invalidCIDRLength, why: "mx-bad-cidr6"),
    IssueCase(
      "v=spf1 a⟨/24/64⟩ -all", .invalidCIDRLength, why: "one slash before the IPv6 prefix (a-dual-cidr-ip4-err)"),
    IssueCase("v=spf1 a⟨/⟩ -all", .invalidCIDRLength, why: "an empty prefix"),
    IssueCase("v=spf1 a/⟨/⟩", .invalidCIDRLength, why: "an empty IPv6 prefix"),
    IssueCase("v=spf1 a/24/⟨/⟩", .invalidCIDRLength, why: "an empty IPv6 prefix after an IPv4 one"),
    IssueCase("v=spf1 a⟨/24/⟩", .invalidCIDRLength, why: "a single slash after the IPv4 prefix"),
    IssueCase("v=spf1 a⟨/024⟩", .invalidCIDRLength, why: "a leading zero"),
    IssueCase("v=spf1 a/⟨/064⟩", .invalidCIDRLength, why: "a leading zero in the IPv6 prefix"),
    IssueCase("v=spf1 a/⟨//64⟩", .invalidCIDRLength, why: "three slashes"),
    IssueCase("v=spf1 a:example.com⟨/99999999999999999999⟩", .invalidCIDRLength, why: "a huge prefix never overflows"),
  ]

  @Test(arguments: dualCIDRCases)
  func dualCIDR(_ c: IssueCase) { c.check() }

  static let networkCases: [IssueCase] = [
    IssueCase("v=spf1 ⟨ip4⟩", .invalidIPAddress, why: "ip4 needs a network (OpenSPF bare-ip4)"),
    IssueCase("v=spf1 ⟨ip4:⟩", .invalidIPAddress, why: "an empty network"),
    IssueCase("v=spf1 -all ⟨ip6⟩", .invalidIPAddress, why: "ip6 needs a network (OpenSPF bare-ip6)"),
    IssueCase("v=spf1 ip4:⟨⟩/24", .invalidIPAddress, why: "a prefix and no address: an empty span where it is missing"),
    IssueCase("v=spf1 ip4:⟨192.0.2.01⟩", .invalidIPAddress, why: "a leading zero (qnum)"),
    IssueCase("v=spf1 ip4:⟨192.0.2.256⟩", .invalidIPAddress, why: "an octet over 255"),
    IssueCase("v=spf1 ip4:⟨1.2.3⟩", .invalidIPAddress, why: "three octets (OpenSPF bad-ip4-short)"),
    IssueCase("v=spf1 ip4:⟨1.2.3.4:8080⟩", .invalidIPAddress, why: "a port (OpenSPF bad-ip4-port)"),
    IssueCase("v=spf1 ip4:⟨192.0.2.0.⟩", .invalidIPAddress, why: "a trailing dot"),
    IssueCase("v=spf1 ip4:1.2.3.4⟨/33⟩ -all", .invalidCIDRLength, why: "prefix over 32 (OpenSPF cidr4-33)"),
    IssueCase("v=spf1 ip4:1.2.3.4⟨/032⟩ -all", .invalidCIDRLength, why: "a leading zero (OpenSPF cidr4-032)"),
    IssueCase("v=spf1 ip4:1.2.3.4⟨//32⟩", .invalidCIDRLength, why: "ip4 has no dual prefix (OpenSPF ip4-dual-cidr)"),
    IssueCase("v=spf1 ip4:192.0.2.0⟨/⟩", .invalidCIDRLength, why: "an empty prefix"),
    IssueCase("v=spf1 ip4:192.0.2.0⟨/24/24⟩", .invalidCIDRLength, why: "two prefixes"),
    IssueCase(
      "v=spf1 ⟨ip4:2001:db8::1⟩", .invalidIPAddress, suggestion: "ip6:2001:db8::1",
      why: "an IPv6 address in ip4: the whole term is rewritten"),
    IssueCase(
      "v=spf1 ⟨-ip4:2001:db8::/32⟩", .invalidIPAddress, suggestion: "-ip6:2001:db8::/32",
      why: "the qualifier and prefix are kept"),
    IssueCase("v=spf1 ⟨ip6:192.0.2.1⟩", .invalidIPAddress, suggestion: "ip4:192.0.2.1", why: "an IPv4 address in ip6"),
    IssueCase("v=spf1 ip6:⟨:CAFE::BABE⟩", .invalidIPAddress, why: "a single leading colon (OpenSPF ip6-bad1)"),
    IssueCase("v=spf1 ip6:⟨1::2::3⟩", .invalidIPAddress, why: "two '::'"),
    IssueCase("v=spf1 ip6:⟨2001:db8:::1⟩", .invalidIPAddress, why: "':::'"),
    IssueCase("v=spf1 ip6:⟨12345::⟩", .invalidIPAddress, why: "five hex digits in a group"),
    IssueCase("v=spf1 ip6:⟨1:2:3:4:5:6:7:8:9⟩", .invalidIPAddress, why: "nine groups"),
    IssueCase("v=spf1 ip6:⟨1:2:3:4:5:6:7⟩", .invalidIPAddress, why: "seven groups and no '::'"),
    IssueCase("v=spf1 ip6:⟨::192.0.2.01⟩", .invalidIPAddress, why: "a leading zero in the embedded IPv4"),
    IssueCase("v=spf1 ip6:⟨::1.2.3.4:5⟩", .invalidIPAddress, why: "the embedded IPv4 must end the address"),
    IssueCase("v=spf1 ip6:::1.1.1.1⟨/129⟩", .invalidCIDRLength, why: "prefix over 128 (OpenSPF cidr6-129)"),
    IssueCase("v=spf1 ip6:::1.1.1.1⟨//33⟩", .invalidCIDRLength, why: "ip6 has no dual prefix (OpenSPF cidr6-bad)"),
    IssueCase("v=spf1 ip6:2001:db8::⟨/064⟩", .invalidCIDRLength, why: "a leading zero"),
  ]

  @Test(arguments: networkCases)
  func network(_ c: IssueCase) { c.check() }

  static let unknownCases: [IssueCase] = [
    IssueCase("v=spf1 ⟨ipv4:192.0.2.1⟩", .unknownMechanism, suggestion: "ip4:192.0.2.1", why: "'ipv4' means ip4"),
    IssueCase(
      "v=spf1 ⟨-IPv6:2001:db8::1⟩", .unknownMechanism, suggestion: "-ip6:2001:db8::1",
      why: "'ipv6' means ip6; the qualifier is kept"),
    IssueCase("v=spf1 ⟨includes:example.com⟩", .unknownMechanism, suggestion: "include:example.com", why: "an alias"),
    IssueCase(
      "v=spf1 ⟨inclde:example.com⟩", .unknownMechanism, suggestion: "include:example.com",
      why: "a misspelling within edit distance 2"),
    IssueCase(
      "v=spf1 ⟨include.example.com⟩", .unknownMechanism, suggestion: "include:example.com",
      why: "a dot typed for the colon"),
    IssueCase(
      "v=spf1 ⟨~include._spf.example.com⟩", .unknownMechanism, suggestion: "~include:_spf.example.com",
      why: "a dot typed for the colon, qualifier kept"),
    IssueCase("v=spf1 ⟨ip4;192.0.2.1⟩", .unknownMechanism, suggestion: "ip4:192.0.2.1", why: "a wrong separator"),
    IssueCase(
      "v=spf1 ip4:1.2.3.4 ⟨redirect:t2.example.com⟩", .unknownMechanism, suggestion: "redirect=t2.example.com",
      why: "redirect is a modifier: '=' (OpenSPF redirect-is-modifier)"),
    IssueCase(
      "v=spf1 ⟨exp:explain.example.com⟩", .unknownMechanism, suggestion: "exp=explain.example.com",
      why: "exp is a modifier"),
    IssueCase("v=spf1 ⟨192.0.2.1⟩", .unknownMechanism, suggestion: "ip4:192.0.2.1", why: "a bare IPv4 address"),
    IssueCase("v=spf1 ⟨-192.0.2.0/24⟩", .unknownMechanism, suggestion: "-ip4:192.0.2.0/24", why: "a bare IPv4 network"),
    IssueCase("v=spf1 ⟨2001:db8::/32⟩", .unknownMechanism, suggestion: "ip6:2001:db8::/32", why: "a bare IPv6 network"),
    IssueCase(
      "v=spf1 ⟨2a00:1450:4000::/37⟩", .unknownMechanism, suggestion: "ip6:2a00:1450:4000::/37",
      why: "a bare IPv6 network whose second character is a letter"),
    IssueCase(
      "v=spf1 ⟨~fe80::1⟩", .unknownMechanism, suggestion: "~ip6:fe80::1",
      why: "a bare IPv6 address that starts with a letter"),
    IssueCase(
      "v=spf1 ip4:1.2.3.4 -all ⟨moo⟩", .unknownMechanism, suggestion: .some(nil),
      why: "detected after 'all' too (OpenSPF detect-errors-anywhere)"),
    IssueCase("v=spf1 ⟨1up=foo⟩", .unknownMechanism, why: "a name starts with a letter (OpenSPF invalid-modifier)"),
    IssueCase("v=spf1 ⟨=all⟩", .unknownMechanism, why: "an empty modifier name (OpenSPF empty-modifier-name)"),
    IssueCase(
      "v=spf1 ⟨moo.cow/far_out=man:dog/cat⟩ ip4:1.2.3.4 -all", .unknownMechanism,
      why: "'/' in a name (OpenSPF modifier-charset-bad1)"),
    IssueCase(
      "v=spf1 ⟨moo.cow:far_out=man:dog/cat⟩ ip4:1.2.3.4 -all", .unknownMechanism,
      why: "':' in a name (OpenSPF modifier-charset-bad2)"),
  ]

  @Test(arguments: unknownCases)
  func unknown(_ c: IssueCase) { c.check() }
}
