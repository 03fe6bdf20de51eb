import Testing

@testable import SPFKit

/// Whole records: the examples of RFC 7208, recovery, issue order and canonical printing.
struct SPFParserTests {
  static let rfcExamples: [ValidCase] = [
    ValidCase("v=spf1 +all", canonical: "v=spf1 all", why: "RFC 7208 §A.1; '+' is the default"),
    ValidCase("v=spf1 a -all", why: "RFC 7208 §A.1"),
    ValidCase("v=spf1 a:example.org -all", why: "RFC 7208 §A.1"),
    ValidCase("v=spf1 mx -all", why: "RFC 7208 §A.1"),
    ValidCase("v=spf1 mx:example.org -all", why: "RFC 7208 §A.1"),
    ValidCase("v=spf1 mx mx:example.org -all", why: "RFC 7208 §A.1"),
    ValidCase("v=spf1 mx/30 mx:example.org/30 -all", why: "RFC 7208 §A.1"),
    ValidCase("v=spf1 ptr -all", why: "RFC 7208 §A.1"),
    ValidCase("v=spf1 ip4:192.0.2.128/28 -all", why: "RFC 7208 §A.1"),
    ValidCase(
      "v=spf1 +mx a:colo.example.com/28 -all", canonical: "v=spf1 mx a:colo.example.com/28 -all",
      why: "RFC 7208 §A"),
    ValidCase("v=spf1 include:example.com include:example.net -all", why: "RFC 7208 §A.2"),
    ValidCase("v=spf1 redirect=example.com", why: "RFC 7208 §A.2"),
    ValidCase("v=spf1 mx include:mobile-users._spf.%{d} include:remote-users._spf.%{d} -all", why: "RFC 7208 §A.3"),
    ValidCase("v=spf1 exists:%{l1r+}.%{d}", why: "RFC 7208 §A.3"),
    ValidCase("v=spf1 exists:%{ir}.%{l1r+}.%{d}", why: "RFC 7208 §A.3"),
    ValidCase(
      "v=spf1 -include:ip4._spf.%{d} -include:ptr._spf.%{d} +all",
      canonical: "v=spf1 -include:ip4._spf.%{d} -include:ptr._spf.%{d} all", why: "RFC 7208 §A.4"),
    ValidCase("v=spf1 -ip4:192.0.2.0/24 +all", canonical: "v=spf1 -ip4:192.0.2.0/24 all", why: "RFC 7208 §A.4"),
    ValidCase("v=spf1 -ptr +all", canonical: "v=spf1 -ptr all", why: "RFC 7208 §A.4"),
    ValidCase("v=spf1 mx -all exp=explain._spf.%{d}", why: "RFC 7208 §6.2"),
    ValidCase(
      "v=spf1 a mx a mx a mx a mx a ptr a ip4:1.2.3.4 -all",
      why: "eleven lookups are lint's concern, not syntax (OpenSPF mech-over-limit)"),
    ValidCase("v=spf1 all -all", why: "a second all is lint's concern (OpenSPF all-double)"),
  ]

  @Test(arguments: rfcExamples)
  func rfcExample(_ c: ValidCase) { c.check() }

  static let canonicalCases: [ValidCase] = [
    ValidCase(
      "V=SPF1 A:Example.COM/24 IP4:192.0.2.0/24 IP6:2001:DB8:0:0::/32 PTR -ALL",
      canonical: "v=spf1 a:Example.COM/24 ip4:192.0.2.0/24 ip6:2001:db8::/32 ptr -all",
      why: "names lowercase, domains as written, IPv6 per RFC 5952"),
    ValidCase(
      "v=spf1 ip4:192.0.2.1/32 ip6:2001:db8::1/128", canonical: "v=spf1 ip4:192.0.2.1 ip6:2001:db8::1",
      why: "a full-length prefix is the default"),
    ValidCase("v=spf1 ip4:192.0.2.5/24", why: "host bits are kept for lint (SPF110)"),
    ValidCase("v=spf1 ip6:::ffff:192.0.2.1", why: "a mapped address prints its IPv4 part"),
    ValidCase(
      "v=spf1 ip6:0:0:0:0:0:ffff:c000:201", canonical: "v=spf1 ip6:::ffff:192.0.2.1",
      why: "a mapped address written in hex prints its IPv4 part"),
    ValidCase("v=spf1 a/32//128 mx/0//0", why: "explicit full and zero prefixes are kept"),
  ]

  @Test(arguments: canonicalCases)
  func canonical(_ c: ValidCase) { c.check() }

  static let recoveryCases: [IssueCase] = [
    IssueCase(
      "v=spf1 ⟨!⟩all ⟨ipv4:192.0.2.1⟩ a:⟨museum⟩ ip4:⟨1.2.3⟩ a⟨/33⟩ ⟨%{x}⟩", .invalidQualifier,
      .unknownMechanism, .invalidDomainSpec, .invalidIPAddress, .invalidCIDRLength, .unknownMechanism,
      why: "one pass reports every problem"),
    IssueCase(
      "⟨\"⟩v=spf1 ⟨!⟩all⟨\"⟩", .invalidVersion, .invalidQualifier, .invalidVersion,
      why: "issues come in source order, the closing quote last"),
    IssueCase(
      "⟨ ⟩⟨'⟩v=spf1 ⟨ipv4:192.0.2.1⟩ -all⟨'⟩", .invalidVersion, .invalidVersion, .unknownMechanism,
      .invalidVersion, why: "source order with a leading space and quotes"),
  ]

  @Test(arguments: recoveryCases)
  func recovery(_ c: IssueCase) { c.check() }

  @Test func invalidTermsKeepTheirPlaceAndText() {
    let parsed = SPFParser.parse("v=spf1 ip4:192.0.2.1  !all a:museum -all")
    #expect(parsed.record.description == "v=spf1 ip4:192.0.2.1 !all a:museum -all")
    #expect(
      parsed.record.terms.map(\.span) == [
        SourceSpan(start: 7, end: 20), SourceSpan(start: 22, end: 26), SourceSpan(start: 27, end: 35),
        SourceSpan(start: 36, end: 40),
      ])
    #expect(parsed.record.directives == [Directive(.pass, .ip4(IPv4Network("192.0.2.1")!)), Directive(.fail, .all)])
    #expect(!parsed.isValid)
  }

  @Test func modifiersAndDirectivesInOrder() {
    let record = SPFParser.parse("v=spf1 exp=x.example.com mx redirect=y.example.com ?all").record
    #expect(record.modifiers == [.explanation(spec("x.example.com")), .redirect(spec("y.example.com"))])
    #expect(record.directives == [Directive(.pass, .mx(nil, .none)), Directive(.neutral, .all)])
    #expect(record.redirect == spec("y.example.com"))
    #expect(record.explanation == spec("x.example.com"))
  }

  @Test func bytesAndTextParseTheSame() {
    let text = "v=spf1 a:exämple.com -all"
    #expect(SPFParser.parse(text) == SPFParser.parse(Array(text.utf8)))
  }
}
