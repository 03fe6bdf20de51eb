import Testing

@testable import SPFKit

extension RuleTests {
  /// SPF003, SPF114 and SPF201 when resolving: they count through the include tree.
  struct ResolvedLookupRulesTests {
    /// `count` a terms of names under `domain`; the names need not exist to count.
    static func aTerms(_ count: Int, _ domain: String = "example.org") -> String {
      (1...count).map { "a:h\($0).\(domain)" }.joined(separator: " ")
    }

    static let zone = """
      _spf.example.net TXT v=spf1 \(aTerms(7)) include:c.example.org -all
      c.example.org TXT v=spf1 a -all
      nine.example.net TXT v=spf1 \(aTerms(8)) -all
      ten.example.net TXT v=spf1 \(aTerms(9)) -all
      r.example.net TXT v=spf1 \(aTerms(10)) -all
      refused.example.net REFUSED
      """

    static let tooMany: [DNSRuleCase] = [
      DNSRuleCase(
        marked: "v=spf1 a mx ↓include:_spf.example.net -all", zone: zone,
        message: "the policy needs 12 DNS lookups: 'include:c.example.org' in the policy of '_spf.example.net' "
          + "is lookup 11, past the limit of 10",
        note: "path: example.com → include:_spf.example.net → include:c.example.org",
        why: "the 11th lookup is in an included policy: the record's include points there"),
      DNSRuleCase(marked: "v=spf1 include:ten.example.net -all", zone: zone, why: "10 lookups through an include"),
      DNSRuleCase(
        marked: "v=spf1 include:ten.example.net ↓a -all", zone: zone,
        message: "'a' is lookup 11", note: "lookups by branch: example.com (11): include:ten.example.net (10), a",
        why: "the record's own term after a costly include"),
      DNSRuleCase(
        marked: "v=spf1 a ↓redirect=r.example.net", zone: zone, note: "path: example.com → redirect=r.example.net",
        why: "a redirect without all counts and is followed"),
      DNSRuleCase(marked: "v=spf1 a -all redirect=r.example.net", zone: zone, why: "a redirect beside all is not"),
      DNSRuleCase(
        marked: "v=spf1 include:refused.example.net \(aTerms(9)) ↓a:x.example.org -all", zone: zone,
        message: "needs at least 11 DNS lookups", why: "a refused include still counts one: at least"),
      DNSRuleCase(
        marked: "v=spf1 include:nine.example.net -all " + aTerms(5), zone: zone,
        why: "terms after all are never evaluated"),
    ]

    @Test(arguments: tooMany)
    func tooManyLookups(_ c: DNSRuleCase) async {
      await DNSRuleHarness.expect("SPF003", c)
    }

    static let near: [DNSRuleCase] = [
      DNSRuleCase(
        marked: "v=spf1 ↓include:nine.example.net -all", zone: zone,
        message: "the policy uses 9 of the 10 DNS lookups (1 in this record, 8 in the policies it includes)",
        why: "9 lookups"),
      DNSRuleCase(marked: "v=spf1 ↓include:ten.example.net -all", zone: zone, why: "10 lookups"),
      DNSRuleCase(marked: "v=spf1 include:ten.example.net a -all", zone: zone, why: "11 lookups are SPF003"),
      DNSRuleCase(marked: "v=spf1 include:c.example.org \(aTerms(6)) -all", zone: zone, why: "8 lookups"),
    ]

    @Test(arguments: near)
    func lookupLimitNear(_ c: DNSRuleCase) async {
      await DNSRuleHarness.expect("SPF114", c)
    }

    static let providers = """
      _spf.google.com TXT v=spf1 include:_netblocks.google.com include:_netblocks2.google.com include:_netblocks3.google.com ~all
      _netblocks.google.com TXT v=spf1 ip4:192.0.2.0/24 ~all
      _netblocks2.google.com TXT v=spf1 ip6:2001:db8::/32 ~all
      _netblocks3.google.com TXT v=spf1 ip4:198.51.100.0/24 ~all
      spf.protection.outlook.com TXT v=spf1 include:spfd.protection.outlook.com -all
      spfd.protection.outlook.com TXT v=spf1 ip4:203.0.113.0/24 -all
      example.com MX mail.example.com
      """

    @Test func lookupCountPrintsTheTreeWithWhatEachBranchCosts() async throws {
      let c = DNSRuleCase(
        marked: "↓v=spf1 mx include:_spf.google.com include:spf.protection.outlook.com -all",
        zone: Self.providers, why: "tree")
      let diagnostic = try #require(await DNSRuleHarness.findings("SPF201", c).first)
      #expect(
        diagnostic.message == "the policy uses 7 of 10 DNS lookups: 3 in this record, 4 in the policies it includes")
      #expect(
        diagnostic.notes == [
          "example.com (7): mx, include:_spf.google.com (4), include:spf.protection.outlook.com (2)",
          "example.com → include:_spf.google.com (4): include:_netblocks.google.com (1), include:_netblocks2.google.com (1), "
            + "include:_netblocks3.google.com (1)",
          "example.com → include:spf.protection.outlook.com (2): include:spfd.protection.outlook.com (1)",
        ])
      #expect(diagnostic.span == SourceSpan(start: 0, end: 6))
    }

    @Test func lookupCountNamesWhatDNSCouldNotAnswer() async throws {
      let c = DNSRuleCase(
        marked: "v=spf1 include:refused.example.net a:bad.example.com exists:%{i}.example.com -all",
        zone: Self.zone + "\nbad.example.com TIMEOUT", why: "failures")
      let diagnostic = try #require(await DNSRuleHarness.findings("SPF201", c).first)
      #expect(diagnostic.message == "the policy uses at least 3 of 10 DNS lookups: DNS did not answer for all of them")
      #expect(
        diagnostic.notes == [
          "example.com (at least 3): include:refused.example.net (1+, TXT REFUSED), a:bad.example.com, "
            + "exists:%{i}.example.com",
          "'refused.example.net' TXT: REFUSED: the lookups of its policy are not counted",
          "'bad.example.com' A: timeout: whether 'a:bad.example.com' is a void lookup is not known",
          "'exists:%{i}.example.com' was not looked up: '%{i}' depends on the message",
        ])
    }

    @Test func lookupCountWithoutIncludesListsTheTerms() async throws {
      let c = DNSRuleCase(marked: "v=spf1 mx a ip4:192.0.2.1 -all", zone: Self.providers, why: "flat")
      let diagnostic = try #require(await DNSRuleHarness.findings("SPF201", c).first)
      #expect(diagnostic.message == "the policy uses 2 of 10 DNS lookups: mx, a")
    }

    @Test func withoutDNSTheRecordsOwnTermsAreCounted() {
      let record = "v=spf1 " + (1...11).map { "include:s\($0).example.com" }.joined(separator: " ") + " -all"
      let diagnostics = Linter().lint([TXTRecord(text: record)])
      let tooMany = diagnostics.filter { $0.code == "SPF003" }
      #expect(tooMany.map(\.span?.start) == [record.utf8.count - " include:s11.example.com -all".utf8.count + 1])
      #expect(diagnostics.first { $0.code == "SPF201" }?.message.contains("plus what its includes use") == true)
    }
  }
}
