import Testing

@testable import SPFKit

extension RuleTests {
  /// SPF005 `invalid-qualifier`.
  struct InvalidQualifierTests {
    static let cases: [RuleCase] = [
      .flags(
        "'!' is no qualifier: it reads as 'not', so '-' is meant", "v=spf1 ip4:192.0.2.1 ↓!↓all",
        fixed: "v=spf1 ip4:192.0.2.1 -all"),
      .flags(
        "'!' before another mechanism", "v=spf1 ↓!↓include:_spf.example.com -all",
        fixed: "v=spf1 -include:_spf.example.com -all"),
      .flags("two qualifiers '~~'", "v=spf1 ip4:192.0.2.1 ↓~~↓all", fixed: "v=spf1 ip4:192.0.2.1 ~all"),
      .flags("two different qualifiers keep the first", "v=spf1 ↓-+↓all", fixed: "v=spf1 -all"),
      .flags(
        "a qualifier on redirect", "v=spf1 ↓+↓redirect=_spf.example.com", fixed: "v=spf1 redirect=_spf.example.com"),
      .flags(
        "a qualifier on exp", "v=spf1 -all ↓-↓exp=explain.example.com", fixed: "v=spf1 -all exp=explain.example.com"),
      .flags("a qualifier on an unknown modifier", "v=spf1 ↓?↓foo=bar -all", fixed: "v=spf1 foo=bar -all"),
      .flags("a qualifier with no mechanism: the whole term", "v=spf1 ip4:192.0.2.1 ↓-↓ all"),
      .passes("every valid qualifier", "v=spf1 +a -mx ~include:_spf.example.com ?exists:%{i}.example.com -all"),
      .passes("modifiers without qualifiers", "v=spf1 mx -all exp=explain._spf.%{d}"),
      .passes("RFC 7208 B.1: '+all' is valid syntax", "v=spf1 +all"),
    ]

    @Test(arguments: cases)
    func check(_ c: RuleCase) throws { try RuleTest.check(InvalidQualifier.self, c) }
  }
}
