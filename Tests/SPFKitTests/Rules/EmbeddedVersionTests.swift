import Testing

@testable import SPFKit

extension RuleTests {
  /// SPF117 `embedded-version`: two records pasted together.
  struct EmbeddedVersionTests {
    static let cases: [RuleCase] = [
      .flags(
        "after all: the second record's senders are never reached",
        "v=spf1 ip4:192.0.2.1 -all ↓v=spf1↓ ip4:198.51.100.1 -all"),
      .flags("before all: ignored as an unknown modifier", "v=spf1 ip4:192.0.2.1 ↓v=spf1↓ ip4:198.51.100.1 -all"),
      .flags("the name is case-insensitive", "v=spf1 mx ↓V=SPF1↓ -all"),
      .flags("pasted as two strings of one record", #""v=spf1 ip4:192.0.2.1 -all " "↓v=spf1↓ mx -all""#),
      .flags("three records pasted: two findings", "v=spf1 a ↓v=spf1↓ mx v=spf1 ptr -all", findings: 2),
      .passes("the leading version only", "v=spf1 ip4:192.0.2.1 ip4:198.51.100.1 -all"),
      .passes("'v' inside a domain", "v=spf1 include:v.example.com exists:%{v}.example.com -all"),
      .passes("other unknown modifiers are SPF112's concern", "v=spf1 mx vv=spf1 -all"),
      .passes("two records at one name are SPF001's concern", "v=spf1 ip4:192.0.2.1 -all", "v=spf1 mx -all"),
    ]

    @Test(arguments: cases)
    func check(_ c: RuleCase) throws { try RuleTest.check(EmbeddedVersion.self, c) }
  }
}
