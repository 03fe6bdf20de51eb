import Testing

@testable import SPFKit

extension RuleTests {
  /// SPF103 `permissive-all`.
  struct PermissiveAllTests {
    static let cases: [RuleCase] = [
      .flags("'+all' passes everyone", "v=spf1 ip4:192.0.2.1 ↓+all↓", fixed: "v=spf1 ip4:192.0.2.1 -all"),
      .flags("a bare 'all' is '+all'", "v=spf1 mx ↓all↓", fixed: "v=spf1 mx -all"),
      .flags("mechanism names are case-insensitive", "v=spf1 ↓+ALL", fixed: "v=spf1 -all"),
      .flags("in the second string of a record", #""v=spf1 ip4:192.0.2.1 " "↓+all↓""#),
      .flags("the first all decides: a later one is never evaluated", "v=spf1 mx ↓+all↓ -all"),
      .passes("a '+all' after '-all' is never evaluated: SPF107's concern", "v=spf1 mx -all +all"),
      .passes("'-all' fails the rest", "v=spf1 ip4:192.0.2.1 -all"),
      .passes("'~all' soft-fails the rest", "v=spf1 ip4:192.0.2.1 ~all"),
      .passes("'?all' is SPF104's concern", "v=spf1 ip4:192.0.2.1 ?all"),
      .passes("'all' in a domain is no mechanism", "v=spf1 include:all.example.com -all"),
    ]

    @Test(arguments: cases)
    func check(_ c: RuleCase) throws { try RuleTest.check(PermissiveAll.self, c) }
  }
}
