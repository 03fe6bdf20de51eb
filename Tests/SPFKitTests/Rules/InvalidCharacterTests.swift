import Testing

@testable import SPFKit

extension RuleTests {
  /// SPF013 `invalid-character`.
  struct InvalidCharacterTests {
    static let cases: [RuleCase] = [
      .flags("a tab between terms", "v=spf1 ip4:192.0.2.1↓\t↓-all", fixed: "v=spf1 ip4:192.0.2.1 -all"),
      .flags(
        "a non-breaking space after the version", "v=spf1↓\u{A0}↓-all", fixed: "v=spf1 -all"),
      .flags("a tab after the version", "v=spf1↓\t↓ip4:192.0.2.1 -all", fixed: "v=spf1 ip4:192.0.2.1 -all"),
      .flags("a NUL byte", #""v=spf1 ip4:192.0.2.1↓\000↓ -all""#, fixed: "v=spf1 ip4:192.0.2.1  -all"),
      .flags("a carriage return at the end", "v=spf1 -all↓\r↓", fixed: "v=spf1 -all "),
      .flags("DEL", #""v=spf1 mx↓\127↓ -all""#),
      .flags("a non-breaking space: two bytes", "v=spf1 ip4:192.0.2.1↓\u{A0}↓-all", fixed: "v=spf1 ip4:192.0.2.1 -all"),
      .flags("a zero-width space", "v=spf1 mx↓\u{200B}↓ -all", fixed: "v=spf1 mx  -all"),
      .flags("an en dash for '-'", "v=spf1 ip4:192.0.2.1 ↓\u{2013}↓all", fixed: "v=spf1 ip4:192.0.2.1 -all"),
      .flags("an em dash for '-'", "v=spf1 mx ↓\u{2014}↓all", fixed: "v=spf1 mx -all"),
      .flags(
        "typographic quotes around a domain: the fix leaves no invalid character",
        "v=spf1 include:↓\u{201C}↓_spf.example.com\u{201D} -all", findings: 2),
      .flags("a typographic closing quote", "v=spf1 mx -all↓\u{201D}↓"),
      .flags("a typographic apostrophe", "v=spf1 mx ↓\u{2018}↓-all"),
      .flags("a non-ASCII letter in a domain", "v=spf1 include:_spf.↓\u{E9}↓xample.com -all"),
      .flags("invalid UTF-8: one byte", #""v=spf1 ip4:192.0.2.1 ↓\255↓all""#),
      .flags("a truncated UTF-8 sequence", #""v=spf1 mx ↓\226\128↓ -all""#),
      .flags("in the second string", #""v=spf1 ip4:192.0.2.1 " "mx↓\009↓-all""#, fixed: "v=spf1 ip4:192.0.2.1 mx -all"),
      .passes("ASCII with several spaces between terms (RFC 7208 §12: 1*SP)", "v=spf1  ip4:192.0.2.1   mx -all"),
      .passes("a trailing space", "v=spf1 -all "),
      .passes("non-ASCII outside any SPF record", "caf\u{E9}=\u{2013}"),
    ]

    @Test(arguments: cases)
    func check(_ c: RuleCase) throws { try RuleTest.check(InvalidCharacter.self, c) }
  }
}
