import Testing

@testable import SPFKitDNS

struct DNSNameTests {
  struct Case: Sendable, CustomStringConvertible {
    let text: String
    let expected: String?
    let why: String
    var description: String { "\(text) (\(why))" }
  }

  static let cases: [Case] = [
    Case(text: "example.test", expected: "example.test", why: "plain"),
    Case(text: "Example.TEST.", expected: "example.test", why: "lowercase, no trailing dot"),
    Case(text: ".", expected: ".", why: "root"),
    Case(text: "", expected: ".", why: "empty is the root"),
    Case(text: "_spf.example.test", expected: "_spf.example.test", why: "underscore"),
    Case(text: "a..test", expected: nil, why: "empty label"),
    Case(text: ".test", expected: nil, why: "leading dot"),
    Case(
      text: String(repeating: "a", count: 63) + ".test", expected: String(repeating: "a", count: 63) + ".test",
      why: "63-octet label"),
    Case(text: String(repeating: "a", count: 64) + ".test", expected: nil, why: "64-octet label"),
    Case(
      text: Array(repeating: "abc", count: 63).joined(separator: ".") + ".ab", expected: nil, why: "name of 256 octets"),
    Case(
      text: Array(repeating: "abc", count: 63).joined(separator: ".") + ".a",
      expected: Array(repeating: "abc", count: 63).joined(separator: ".") + ".a", why: "name of 255 octets"),
    Case(text: "caf\u{E9}.test", expected: "caf\\195\\169.test", why: "non-ASCII octets escaped"),
  ]

  @Test(arguments: cases)
  func parseAndPrint(_ c: Case) {
    #expect((try? DNSName(parsing: c.text))?.description == c.expected)
  }

  @Test func equalityIgnoresASCIICase() throws {
    let lower = try DNSName(parsing: "mail.example.test")
    let upper = try DNSName(parsing: "MAIL.Example.Test")
    #expect(lower == upper)
    #expect(Set([lower, upper]).count == 1)
    #expect(lower != (try DNSName(parsing: "mail.example.tes")))
  }

  @Test func escapesDotAndBackslashInLabels() throws {
    let name = try DNSName(labels: [Array("a.b".utf8), Array("c\\d".utf8)])
    #expect(name.description == "a\\.b.c\\\\d")
  }
}
