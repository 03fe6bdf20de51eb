import Testing

@testable import SPFKit

extension RuleTests {
  /// SPF105 `missing-all`: the default result is neutral (RFC 7208 §4.7).
  struct MissingAllTests {
    static let cases: [RuleCase] = [
      .flags(
        "no all and no redirect: an empty span at the end", "v=spf1 ip4:192.0.2.1↓↓",
        fixed: "v=spf1 ip4:192.0.2.1 ~all"),
      .flags("a version alone", "v=spf1↓↓", fixed: "v=spf1 ~all"),
      .flags("trailing spaces: before them", "v=spf1 mx↓↓   ", fixed: "v=spf1 mx ~all   "),
      .flags("exp is no all", "v=spf1 mx exp=explain._spf.%{d}↓↓", fixed: "v=spf1 mx exp=explain._spf.%{d} ~all"),
      .flags("an unknown modifier is no redirect", "v=spf1 mx foo=_spf.example.com↓↓"),
      .flags(
        "at the end of the joined strings", #""v=spf1 ip4:192.0.2.1 " "mx↓↓""#,
        fixed: "v=spf1 ip4:192.0.2.1 mx ~all"),
      .flags("the record index", "google-site-verification=abc", "v=spf1 mx↓↓"),
      .passes("'-all'", "v=spf1 ip4:192.0.2.1 -all"),
      .passes("'~all'", "v=spf1 ip4:192.0.2.1 ~all"),
      .passes("'all' before other terms", "v=spf1 ?all ip4:192.0.2.1"),
      .passes("redirect instead of all", "v=spf1 redirect=example.org"),
      .passes("a record with a syntax error: receivers return permerror", "v=spf1 ipv4:192.0.2.1"),
      .passes("a near miss is SPF012's concern", "v=spf2 mx"),
      .passes("other TXT records", "google-site-verification=abc"),
    ]

    @Test(arguments: cases)
    func check(_ c: RuleCase) throws { try RuleTest.check(MissingAll.self, c) }
  }
}
