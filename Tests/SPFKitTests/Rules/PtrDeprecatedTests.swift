import Testing

@testable import SPFKit

extension RuleTests {
  /// SPF102 `ptr-deprecated` (RFC 7208 §5.5).
  struct PtrDeprecatedTests {
    static let cases: [RuleCase] = [
      .flags("RFC 7208 B.1: 'ptr'", "v=spf1 ↓ptr↓ -all"),
      .flags("ptr with a domain", "v=spf1 mx ↓ptr:example.com↓ -all"),
      .flags("ptr with a qualifier", "v=spf1 ↓-ptr↓ +all"),
      .flags("names are case-insensitive", "v=spf1 ↓PTR↓ -all"),
      .flags("ptr twice: twice", "v=spf1 ↓ptr↓ ptr:example.com -all", findings: 2),
      .passes("a instead", "v=spf1 a -all"),
      .passes("'ptr' in a domain", "v=spf1 include:ptr.example.com -all"),
      .passes("a ptr term with a syntax error is SPF008's concern", "v=spf1 ptr/24 -all"),
    ]

    @Test(arguments: cases)
    func check(_ c: RuleCase) throws { try RuleTest.check(PtrDeprecated.self, c) }
  }
}
