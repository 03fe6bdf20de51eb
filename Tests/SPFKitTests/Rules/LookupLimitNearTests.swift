import Testing

@testable import SPFKit

extension RuleTests {
  /// SPF114 `lookup-limit-near`: 9 or 10 lookups (RFC 7208 §4.6.4).
  struct LookupLimitNearTests {
    static func includes(_ count: Int) -> String {
      (1...count).map { "include:s\($0).example.com" }.joined(separator: " ")
    }

    static let cases: [RuleCase] = [
      .flags("nine lookups: the span is the last", "v=spf1 \(includes(8)) ↓include:s9.example.com↓ -all"),
      .flags(
        "ten lookups of every kind",
        "v=spf1 include:_spf.example.com a mx ptr exists:%{i}._e.example.com a:mail.example.com mx:example.net "
          + "ptr:example.org include:_spf.example.net ↓exists:%{ir}.%{v}._spf.%{d2}↓ ip4:192.0.2.1 -all"),
      .flags("a redirect without all counts", "v=spf1 \(includes(8)) ↓redirect=_spf.example.com↓"),
      .flags("terms after all do not count", "v=spf1 \(includes(8)) ↓mx↓ -all a ptr"),
      .flags("exp does not count", "v=spf1 \(includes(8)) ↓a↓ -all exp=explain._spf.%{d}"),
      .passes("eight lookups", "v=spf1 \(includes(8)) -all"),
      .passes("eleven is SPF003's concern", "v=spf1 \(includes(11)) -all"),
      .passes("a redirect with all does not count", "v=spf1 \(includes(8)) -all redirect=_spf.example.com"),
      .passes("networks do not count", "v=spf1 \(includes(8)) ip4:192.0.2.0/24 ip6:2001:db8::/32 -all"),
    ]

    @Test(arguments: cases)
    func check(_ c: RuleCase) throws { try RuleTest.check(LookupLimitNear.self, c) }
  }
}
