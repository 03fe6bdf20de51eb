import Testing

@testable import SPFKit

extension RuleTests {
  /// SPF012 `invalid-version`: text meant as SPF that receivers do not select (RFC 7208 §4.5).
  struct InvalidVersionTests {
    static let cases: [RuleCase] = [
      .flags("'v=spf1.0'", "↓v=spf1.0↓ ip4:192.0.2.1 -all", fixed: "v=spf1 ip4:192.0.2.1 -all"),
      .flags("'v=spf2'", "↓v=spf2↓ ip4:192.0.2.1 -all", fixed: "v=spf1 ip4:192.0.2.1 -all"),
      .flags("'v=spf10'", "↓v=spf10↓ -all", fixed: "v=spf1 -all"),
      .flags("'spf1' without 'v='", "↓spf1↓ -all", fixed: "v=spf1 -all"),
      .flags("a leading space", "↓ ↓v=spf1 -all", fixed: "v=spf1 -all"),
      .flags("several leading spaces", "↓   ↓v=spf1 mx -all", fixed: "v=spf1 mx -all"),
      .flags(
        "double quotes inside the data: one finding at the opening one, the fix removes both",
        #""↓\"↓v=spf1 -all\"""#, fixed: "v=spf1 -all"),
      .flags("single quotes inside the data", "↓'↓v=spf1 -all'", fixed: "v=spf1 -all"),
      .flags(
        "typographic quotes around the record, like ASCII ones", "↓\u{201C}v=spf1 ip4:192.0.2.1 -all\u{201D}",
        fixed: "v=spf1 ip4:192.0.2.1 -all"),
      .flags("an opening quote alone", "↓'↓v=spf1 -all", fixed: "v=spf1 -all"),
      .flags(
        "a run of quotes: the fix removes every one (the record fuzzer's ''v=spf1 ...)",
        "↓''↓v=spf1 ip4:198.51.100.5/24 -all", fixed: "v=spf1 ip4:198.51.100.5/24 -all"),
      .flags("runs of quotes on both sides", "↓'\"↓v=spf1 -all\"'", fixed: "v=spf1 -all"),
      .flags(
        "runs of quotes with spaces between them: the fix removes them all (the record fuzzer's)",
        "↓''' ''↓v=spf1 -all", fixed: "v=spf1 -all"),
      .flags(
        "the version run into a term: the span is the fused token, the fix keeps the term", "↓v=spf1a↓ a",
        fixed: "v=spf1 a a"),
      .passes(
        "the version fused with the next string is SPF014's finding (SPF012 a note of it)",
        #""v=spf1" "ip4:192.0.2.1 -all""#),
      .passes("a Sender ID record is SPF118's concern", "spf2.0/mfrom,pra ip4:192.0.2.1 -all"),
      .passes("a Sender ID record written with 'v='", "v=spf2.0/pra ip4:192.0.2.1 -all"),
      .flags("the record index", "google-site-verification=abc", "↓v=spf2↓ -all"),
      .passes("the version", "v=spf1 -all"),
      .passes("the version is case-insensitive", "V=SPF1 -ALL"),
      .passes("a version alone", "v=spf1"),
      .passes("the version split over strings", #""v=sp" "f1 -all""#),
      .passes("a tab after the version is SPF013's concern", "v=spf1\t-all"),
      .passes("other TXT records", "google-site-verification=abc", "v=DMARC1; p=none", "MS=ms12345678"),
    ]

    @Test(arguments: cases)
    func check(_ c: RuleCase) throws { try RuleTest.check(InvalidVersion.self, c) }
  }
}
