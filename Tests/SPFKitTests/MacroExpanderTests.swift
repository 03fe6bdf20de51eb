import Testing

@testable import SPFKit

struct MacroExpanderTests {
  struct Case: Sendable, CustomStringConvertible {
    let macro: String
    let expected: String
    var ip: String = "192.0.2.3"
    var explanation = false
    let why: String
    var description: String { "\(macro) (\(why))" }
  }

  /// The context of the RFC 7208 §7.4 examples.
  static func context(ip: String) -> MacroContext {
    MacroContext(
      sender: "strong-bad@email.example.com", localPart: "strong-bad", senderDomain: "email.example.com",
      domain: "email.example.com", clientIP: IPAddress(ip)!, validatedDomain: "mx.example.org",
      helo: "mx.example.org", receiver: "receiver.example.net", timestamp: 1_700_000_000)
  }

  static let rfcExamples: [Case] = [
    Case(macro: "%{s}", expected: "strong-bad@email.example.com", why: "§7.4 sender"),
    Case(macro: "%{o}", expected: "email.example.com", why: "§7.4 sender domain"),
    Case(macro: "%{d}", expected: "email.example.com", why: "§7.4 domain"),
    Case(macro: "%{d4}", expected: "email.example.com", why: "§7.4 more parts asked than there are"),
    Case(macro: "%{d3}", expected: "email.example.com", why: "§7.4 exactly all parts"),
    Case(macro: "%{d2}", expected: "example.com", why: "§7.4 two rightmost parts"),
    Case(macro: "%{d1}", expected: "com", why: "§7.4 one rightmost part"),
    Case(macro: "%{dr}", expected: "com.example.email", why: "§7.4 reversed"),
    Case(macro: "%{d2r}", expected: "example.email", why: "§7.4 reversed, then two rightmost"),
    Case(macro: "%{l}", expected: "strong-bad", why: "§7.4 local-part"),
    Case(macro: "%{l-}", expected: "strong.bad", why: "§7.4 split on '-', joined with '.'"),
    Case(macro: "%{lr}", expected: "strong-bad", why: "§7.4 reversed on '.': one part"),
    Case(macro: "%{lr-}", expected: "bad.strong", why: "§7.4 reversed on '-'"),
    Case(macro: "%{l1r-}", expected: "strong", why: "§7.4 reversed on '-', one part"),
    Case(macro: "%{ir}.%{v}._spf.%{d2}", expected: "3.2.0.192.in-addr._spf.example.com", why: "§7.4 IPv4 reversed"),
    Case(macro: "%{lr-}.lp._spf.%{d2}", expected: "bad.strong.lp._spf.example.com", why: "§7.4 local-part"),
    Case(
      macro: "%{lr-}.lp.%{ir}.%{v}._spf.%{d2}", expected: "bad.strong.lp.3.2.0.192.in-addr._spf.example.com",
      why: "§7.4 local-part and IP"),
    Case(
      macro: "%{ir}.%{v}.%{l1r-}.lp._spf.%{d2}", expected: "3.2.0.192.in-addr.strong.lp._spf.example.com",
      why: "§7.4 IP and one local-part part"),
    Case(
      macro: "%{d2}.trusted-domains.example.net", expected: "example.com.trusted-domains.example.net",
      why: "§7.4 trusted domains"),
    Case(
      macro: "%{ir}.%{v}._spf.%{d2}",
      expected: "1.0.b.c.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6._spf.example.com",
      ip: "2001:db8::cb01", why: "§7.4 IPv6 nibbles, lowercase"),
  ]

  static let moreCases: [Case] = [
    Case(macro: "%{i}", expected: "192.0.2.3", why: "§7.3 IPv4 dotted quad"),
    Case(
      macro: "%{i}", expected: "2.0.0.1.0.d.b.8.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.c.b.0.1",
      ip: "2001:db8::cb01", why: "§7.3 IPv6 dot format"),
    Case(macro: "%{v}", expected: "in-addr", ip: "::ffff:192.0.2.3", why: "§5 an IPv4-mapped client is IPv4"),
    Case(macro: "%{p}", expected: "mx.example.org", why: "§7.3 validated domain from the context"),
    Case(macro: "%{h}", expected: "mx.example.org", why: "§7.3 HELO name"),
    Case(macro: "%%%_%-", expected: "% %20", why: "§7.1 percent, space, URL-encoded space"),
    Case(macro: "%{S}", expected: "strong-bad%40email.example.com", why: "§7.3 uppercase URL-escapes '@'"),
    Case(macro: "%{l2r+-}", expected: "bad.strong", why: "§7.1 several delimiters"),
    Case(
      macro: "%{c}", expected: "2001:db8::cb01", ip: "2001:db8::cb01", explanation: true,
      why: "§7.3 'c' is the readable IPv6 form"),
    Case(macro: "%{c}", expected: "192.0.2.3", explanation: true, why: "§7.3 'c' of IPv4"),
    Case(
      macro: "%{r} at %{t}", expected: "receiver.example.net at 1700000000", explanation: true,
      why: "§7.2 receiver and timestamp are inputs"),
    Case(macro: "%{tr}", expected: "1700000000", explanation: true, why: "§7.3 one part reversed is itself"),
  ]

  @Test(arguments: rfcExamples + moreCases)
  func expands(_ c: Case) throws {
    let parsed = c.explanation ? MacroString.parseExplanation(Array(c.macro.utf8)) : MacroString.parse(c.macro)
    let macro = try #require(parsed, "'\(c.macro)' does not parse")
    #expect(MacroExpander.expand(macro, in: Self.context(ip: c.ip)) == c.expected, "\(c.why)")
  }

  struct EscapeCase: Sendable, CustomStringConvertible {
    let text: String
    let expected: String
    let why: String
    var description: String { why }
  }

  @Test(arguments: [
    EscapeCase(
      text: "~jack&jill=up-a_b3.c", expected: "~jack%26jill%3Dup-a_b3.c",
      why: "unreserved kept, rest escaped"),
    EscapeCase(text: "a b/c", expected: "a%20b%2Fc", why: "space and slash, uppercase hex"),
    EscapeCase(text: "é", expected: "%C3%A9", why: "each UTF-8 octet escaped"),
  ])
  func urlEscape(_ c: EscapeCase) {
    #expect(MacroExpander.urlEscape(c.text) == c.expected, "\(c.why)")
  }

  @Test func targetNameIsTruncatedFromTheLeft() throws {
    // §7.3: labels are removed from the left until the name is at most 253 octets.
    let label = String(repeating: "a", count: 60)
    var context = Self.context(ip: "192.0.2.3")
    context.domain = [label, label, label, label, "example.com"].joined(separator: ".")
    let spec = DomainSpec(try #require(MacroString.parse("x.%{d}.")))
    let name = MacroExpander.targetName(spec, in: context)
    #expect(name == [label, label, label, "example.com"].joined(separator: "."))
    #expect(name.utf8.count <= 253)
  }

  @Test func trailingDotDroppedForQueriesOnly() throws {
    let spec = DomainSpec(try #require(MacroString.parse("%{d}.")))
    #expect(MacroExpander.targetName(spec, in: Self.context(ip: "192.0.2.3")) == "email.example.com")
    let text = try #require(MacroString.parseExplanation(Array("see %{d}.".utf8)))
    #expect(MacroExpander.expand(text, in: Self.context(ip: "192.0.2.3")) == "see email.example.com.")
  }
}
