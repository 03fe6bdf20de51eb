import Testing

@testable import SPFKit

extension RuleTests {
  /// SPF014 `string-join-no-space`: strings join with no space (RFC 7208 §3.3).
  struct StringJoinNoSpaceTests {
    static let cases: [RuleCase] = [
      .flags(
        "two networks fuse into a syntax error: the span is the fused text",
        #""v=spf1 ↓ip4:1.2.3.4" "ip4:5.6.7.8↓ -all""#, fixed: "v=spf1 ip4:1.2.3.4 ip4:5.6.7.8 -all"),
      .flags(
        "a:mail.example.com and mx fuse into a different valid term",
        #""v=spf1 ↓a:mail.example.com" "mx↓ -all""#, fixed: "v=spf1 a:mail.example.com mx -all"),
      .flags(
        "an include and -all fuse into another include",
        #""v=spf1 ip4:192.0.2.1 " "↓include:_spf.example.com" "-all↓""#,
        fixed: "v=spf1 ip4:192.0.2.1 include:_spf.example.com -all"),
      .flags(
        "the version and the first term fuse", #""↓v=spf1" "ip4:192.0.2.1↓ -all""#,
        fixed: "v=spf1 ip4:192.0.2.1 -all"),
      .flags(
        "an empty string between does not hide the join, reported once",
        #""v=spf1 ↓ip4:192.0.2.1" "" "mx↓ -all""#, fixed: "v=spf1 ip4:192.0.2.1 mx -all"),
      .flags("the record index", "v=spf1 -all", #""v=spf1 ↓mx" "a↓ -all""#),
      .flags(
        "the last join of a run whose first term is split across strings",
        #""v=spf1 ↓include:_spf.exam" "ple.com" "ip4:192.0.2.1↓ -all""#,
        fixed: "v=spf1 include:_spf.example.com ip4:192.0.2.1 -all"),
      .flags(
        "the first join of a run whose second term is split across strings",
        #""v=spf1 ↓ip4:192.0.2.1" "include:_spf.exam" "ple.com↓ -all""#,
        fixed: "v=spf1 ip4:192.0.2.1 include:_spf.example.com -all"),
      .flags(
        "runs of several strings each report their own join",
        #""v=spf1 ↓a" "mx↓ " "ip4:192.0.2.1" "ip4:192.0.2.2 -all""#, findings: 2),
      .passes(
        "inner joins of a run are not checked: both terms there are split across strings",
        #""v=spf1 include:_spf.exam" "ple.com" "ip4:192.0" ".2.1 -all""#),
      .passes(
        "many one-byte strings of one long term", #""v=spf1 " "# + String(repeating: #""a" "#, count: 300) + #""-all""#),
      .passes("a deliberate split inside a term", #""v=spf1 include:_spf.exam" "ple.com -all""#),
      .passes("a deliberate split inside the version", #""v=sp" "f1 -all""#, #""v=" "spf1 mx -all""#),
      .passes("a deliberate split inside an address", #""v=spf1 ip4:192.0.2" ".1 -all""#),
      .passes("a deliberate split before a prefix length", #""v=spf1 ip4:192.0.2.0" "/24 -all""#),
      .passes("the first string ends with a space", #""v=spf1 ip4:192.0.2.1 " "ip4:198.51.100.1 -all""#),
      .passes("the second string starts with a space", #""v=spf1 ip4:192.0.2.1" " ip4:198.51.100.1 -all""#),
      .passes("one string", "v=spf1 ip4:1.2.3.4 ip4:5.6.7.8 -all"),
      .passes("separate records are not joined", "v=spf1 a", "mx -all"),
    ]

    @Test(arguments: cases)
    func check(_ c: RuleCase) throws { try RuleTest.check(StringJoinNoSpace.self, c) }
  }
}
