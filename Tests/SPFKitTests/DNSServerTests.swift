import SPFKit
import Testing

@testable import SPFKitDNS

struct DNSServerTests {
  struct Case: Sendable, CustomStringConvertible {
    let text: String
    let expected: String?
    let error: String?
    let why: String
    var description: String { "\(text) (\(why))" }
  }

  static let cases: [Case] = [
    Case(text: "192.0.2.53", expected: "192.0.2.53:53", error: nil, why: "IPv4, default port"),
    Case(text: "127.0.0.1:5353", expected: "127.0.0.1:5353", error: nil, why: "IPv4 and port"),
    Case(text: "2001:db8::53", expected: "[2001:db8::53]:53", error: nil, why: "bare IPv6"),
    Case(text: "[::1]", expected: "[::1]:53", error: nil, why: "bracketed IPv6"),
    Case(text: "[::1]:5353", expected: "[::1]:5353", error: nil, why: "bracketed IPv6 and port"),
    Case(text: "127.0.0.1:0", expected: nil, error: "port '0' is not a number from 1 to 65535", why: "port 0"),
    Case(
      text: "127.0.0.1:65536", expected: nil, error: "port '65536' is not a number from 1 to 65535", why: "port too big"
    ),
    Case(text: "127.0.0.1:", expected: nil, error: "port '' is not a number from 1 to 65535", why: "empty port"),
    Case(text: "127.0.0.1:+53", expected: nil, error: "port '+53' is not a number from 1 to 65535", why: "signed port"),
    Case(
      text: "dns.example", expected: nil,
      error: "'dns.example' is not an IPv4 or IPv6 address (host names are not accepted)", why: "host name"),
    Case(
      text: "dns.example:53", expected: nil,
      error: "'dns.example' is not an IPv4 or IPv6 address (host names are not accepted)", why: "host name and port"),
    Case(text: "[::1", expected: nil, error: "missing ']' after the IPv6 address in '[::1'", why: "unclosed bracket"),
    Case(text: "[::1]53", expected: nil, error: "expected ':PORT' after ']' in '[::1]53'", why: "no colon before port"),
    Case(text: "[192.0.2.1]:53", expected: nil, error: "'192.0.2.1' is not an IPv6 address", why: "IPv4 in brackets"),
    Case(text: "::1:53:zz", expected: nil, error: "'::1:53:zz' is not an IPv6 address", why: "bad IPv6"),
    Case(
      text: "", expected: nil, error: "'' is not an IPv4 or IPv6 address (host names are not accepted)", why: "empty"),
  ]

  @Test(arguments: cases)
  func parse(_ c: Case) {
    do {
      let server = try DNSServer(parsing: c.text)
      #expect(server.description == c.expected)
      #expect(c.error == nil)
    } catch {
      #expect(c.expected == nil)
      #expect(error.message == c.error)
    }
  }
}
