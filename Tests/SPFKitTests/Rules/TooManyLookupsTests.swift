import Testing

@testable import SPFKit

extension RuleTests {
  /// SPF003 `too-many-lookups`: RFC 7208 §4.6.4 counting without DNS.
  struct TooManyLookupsTests {
    /// `count` include mechanisms, numbered from `first`.
    static func includes(_ count: Int, from first: Int = 1) -> String {
      (first..<(first + count)).map { "include:s\($0).example.com" }.joined(separator: " ")
    }

    static let cases: [RuleCase] = [
      .flags("eleven includes: the span is the 11th", "v=spf1 \(includes(10)) ↓include:s11.example.com↓ -all"),
      .flags(
        "twelve includes: still the 11th, not the last",
        "v=spf1 \(includes(10)) ↓include:s11.example.com↓ include:s12.example.com -all"),
      .flags(
        "include, a, mx, ptr and exists each count one",
        "v=spf1 include:_spf.example.com a mx ptr exists:%{i}._e.example.com a:mail.example.com "
          + "mx:example.net/24 ptr:example.org include:_spf.example.net exists:%{ir}.%{v}._spf.%{d2} "
          + "↓a:example.org↓ -all"),
      .flags("redirect counts when there is no all", "v=spf1 \(includes(10)) ↓redirect=_spf.example.com↓"),
      .flags("mechanism names are case-insensitive", "v=spf1 \(includes(10).uppercased()) ↓MX↓ -all"),
      .flags(
        "ip4, ip6 and qualifiers do not hide the count",
        "v=spf1 ip4:192.0.2.1 ip6:2001:db8::1 -\(includes(5)) ~\(includes(5, from: 6)) ↓?mx↓ -all"),
      .flags(
        "the offset is in the joined text of a presentation record",
        "\"v=spf1 \(includes(6)) \" \"\(includes(4, from: 7)) ↓a↓ -all\""),
      .flags("the record index is the one that crosses", "v=spf1 -all", "v=spf1 \(includes(10)) ↓mx↓ -all"),
      .flags(
        "malformed targets still count: SPF009 and SPF003 in one pass",
        "v=spf1 mx:a mx:b mx:c mx:d mx:e mx:f mx:g mx:h mx:i mx:j ↓mx:k↓ mx:l -all"),
      .flags(
        "a malformed redirect counts when there is no all", "v=spf1 \(includes(10)) ↓redirect=qux↓"),
      .passes("ten lookups is the limit", "v=spf1 \(includes(10)) -all"),
      .passes("a malformed term that names no mechanism counts nothing", "v=spf1 \(includes(10)) mxx:a -all"),
      .passes("redirect does not count with all", "v=spf1 \(includes(10)) -all redirect=_spf.example.com"),
      .passes("redirect before all does not count either", "v=spf1 \(includes(10)) redirect=_spf.example.com ~all"),
      .passes("terms after all are never evaluated", "v=spf1 \(includes(10)) -all mx a ptr"),
      .passes("exp does not count", "v=spf1 \(includes(10)) -all exp=explain._spf.%{d}"),
      .passes(
        "ip4, ip6 and all do not count",
        "v=spf1 \(includes(10)) ip4:192.0.2.0/24 ip6:2001:db8::/32 ip4:198.51.100.1 -all"),
      .passes("unknown modifiers do not count", "v=spf1 \(includes(10)) foo=%{d}.example.com -all"),
      .passes("three lookups", "v=spf1 mx a include:example.net -all"),
    ]

    @Test(arguments: cases)
    func check(_ c: RuleCase) throws { try RuleTest.check(TooManyLookups.self, c) }
  }
}
