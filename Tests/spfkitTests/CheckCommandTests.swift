import Foundation
import SPFKitTestSupport
import Testing

/// `spfkit check` against a real BIND `named` on loopback: the binary asks it over UDP and TCP.
@Suite(.enabled(if: NamedServer.testsEnabled, Comment(rawValue: NamedServer.skipNote)))
struct CheckCommandTests {
  static func check(_ arguments: [String]) async throws -> SPFKitProcess.Output {
    try await CheckFixture.check(arguments)
  }

  @Test func passThroughANestedIncludeTree() async throws {
    let run = try await Self.check(["203.0.113.7", "spf.test"])
    #expect(run.status == 0)
    #expect(run.stderr.isEmpty)
    #expect(
      run.stdout == """
        pass: 203.0.113.7 is authorized to send mail for spf.test
          deciding term: 'ip4:203.0.113.0/24' at _n1.vendor.spf.test (depth 2)
          why: 203.0.113.7 is in 203.0.113.0/24
          path: spf.test → include:vendor.spf.test → include:_n1.vendor.spf.test
          lookups: 5/10, void lookups: 0/2, DNS queries: 7

        """)
  }

  @Test func failListsTheTermsThatDidNotMatchAndTheExplanation() async throws {
    let run = try await Self.check(["192.0.2.99", "spf.test"])
    #expect(run.status == 1)
    #expect(
      run.stdout == """
        fail: 192.0.2.99 is not authorized to send mail for spf.test
          deciding term: '-all' at spf.test
          why: 192.0.2.99 is not in any of: ip4:198.51.100.0/24, include:_spf.spf.test (softfail), \
        include:vendor.spf.test (neutral) → '-all' gives fail
          explanation: 192.0.2.99 is not one of spf.test's senders
          lookups: 5/10, void lookups: 0/2, DNS queries: 8

        """)
  }

  @Test func failThroughARedirectListsTheTermsOfBothRecords() async throws {
    let run = try await Self.check(["192.0.2.99", "redir.spf.test"])
    #expect(run.status == 1)
    #expect(
      run.stdout.contains(
        """
          why: 192.0.2.99 is not in any of: ip4:198.51.100.7, redirect=spf.test: ip4:198.51.100.0/24, \
        include:_spf.spf.test (softfail), include:vendor.spf.test (neutral) → '-all' gives fail
          path: redir.spf.test → redirect=spf.test
          explanation: 192.0.2.99 is not one of spf.test's senders

        """))
  }

  @Test func softfail() async throws {
    let run = try await Self.check(["192.0.2.99", "soft.spf.test"])
    #expect(run.status == 1)
    #expect(
      run.stdout.hasPrefix(
        """
        softfail: 192.0.2.99 is probably not authorized to send mail for soft.spf.test
          deciding term: '~all' at soft.spf.test
          why: 192.0.2.99 is not in any of: ip4:198.51.100.0/24 → '~all' gives softfail

        """))
  }

  @Test func ipv6ClientAndAnAMechanism() async throws {
    let v6 = try await Self.check(["2001:db8::25", "v6.spf.test"])
    #expect(v6.status == 0)
    #expect(v6.stdout.contains("why: 2001:db8::25 is in 2001:db8::/32\n"))
    let a = try await Self.check(["192.0.2.10", "spf.test"])
    #expect(a.status == 0)
    #expect(a.stdout.contains("deciding term: 'a:mail.spf.test' at _spf.spf.test (depth 1)\n"))
  }

  struct MacroCase: Sendable, CustomStringConvertible {
    let options: [String]
    let status: Int32
    let deciding: String
    let why: String
    var description: String { "\(options) (\(why))" }
  }

  @Test(arguments: [
    MacroCase(
      options: ["--sender", "alice@example.org"], status: 0,
      deciding: "'exists:%{l}.%{o}.senders.spf.test' at macro.spf.test", why: "%{l} and %{o} come from --sender"),
    MacroCase(
      options: ["--helo", "mx.example.net"], status: 0,
      deciding: "'exists:%{h}.helos.spf.test' at macro.spf.test", why: "%{h} comes from --helo"),
    MacroCase(
      options: [], status: 1, deciding: "'-all' at macro.spf.test",
      why: "defaults: postmaster@<domain> and HELO <domain> match neither"),
  ])
  func senderAndHeloFeedTheMacros(_ c: MacroCase) async throws {
    let run = try await Self.check(["192.0.2.1", "macro.spf.test"] + c.options)
    #expect(run.status == c.status)
    #expect(run.stdout.contains("deciding term: \(c.deciding)\n"))
  }

  @Test func refusedZoneIsATemperrorNamingREFUSED() async throws {
    let direct = try await Self.check(["192.0.2.1", "refused.test"])
    #expect(direct.status == 1)
    #expect(
      direct.stdout.hasPrefix(
        """
        temperror: a DNS error stopped the evaluation of refused.test; a later retry may succeed
          why: TXT lookup of 'refused.test' failed: REFUSED

        """))
    let included = try await Self.check(["192.0.2.1", "refinc.spf.test"])
    #expect(included.status == 1)
    #expect(included.stdout.contains("  why: TXT lookup of 'refused.test' failed: REFUSED\n"))
    #expect(included.stdout.contains("  path: refinc.spf.test → include:refused.test\n"))
  }

  @Test func answerOver512OctetsComesOverTCPAndEvaluates() async throws {
    let server = try await CheckFixture.named.server()
    #expect(CheckFixture.bigRecord.utf8.count > 1000)
    let pass = try await Self.check(["192.0.2.200", "big.spf.test"])
    #expect(pass.status == 0)
    #expect(pass.stdout.contains("deciding term: 'ip4:192.0.2.128/25' at big.spf.test\n"))
    let fail = try await Self.check(["192.0.2.100", "big.spf.test"])
    #expect(fail.status == 1)
    #expect(fail.stdout.contains("ip4:198.51.59.0/24, ip4:192.0.2.128/25 → '-all' gives fail\n"))
    // named logs TCP queries with the flag T: the answer came back truncated over UDP and whole over TCP.
    let queries = server.log.split(separator: "\n").filter { $0.contains("query: big.spf.test IN TXT") }
    #expect(queries.contains { $0.contains("T (127.0.0.1)") }, "no TCP query in the log: \(queries)")
  }

  @Test func nxdomainAndNodataAreVoidLookups() async throws {
    let two = try await Self.check(["192.0.2.9", "twovoids.spf.test", "--trace"])
    #expect(two.status == 1)
    #expect(
      two.stdout.contains(
        """
          why: 192.0.2.9 is not in any of: a:nx1.spf.test (void lookup), a:nodata.spf.test (void lookup) → \
        '-all' gives fail
        """))
    #expect(
      two.stdout.contains(
        "  twovoids.spf.test: a:nx1.spf.test: not-matched: 'nx1.spf.test': NXDOMAIN "
          + "[lookup 1, void 1]\n"))
    #expect(
      two.stdout.contains(
        "  twovoids.spf.test: a:nodata.spf.test: not-matched: 'nodata.spf.test': no A records "
          + "[lookup 2, void 2]\n"))
    let three = try await Self.check(["192.0.2.9", "voids.spf.test"])
    #expect(three.status == 1)
    #expect(
      three.stdout.hasPrefix(
        """
        permerror: the SPF policy of voids.spf.test cannot be interpreted
          deciding term: 'mx:nx2.spf.test' at voids.spf.test
          why: 'nx2.spf.test' is void lookup 3: the limit is 2 (RFC 7208 §4.6.4)
          lookups: 3/10, void lookups: 3/2, DNS queries: 4

        """))
  }

  @Test func eleventhLookupIsAPermerrorNamingTheTermAndDepth() async throws {
    let run = try await Self.check(["192.0.2.55", "deep.spf.test"])
    #expect(run.status == 1)
    #expect(
      run.stdout == """
        permerror: the SPF policy of deep.spf.test cannot be interpreted
          deciding term: 'include:t4.spf.test' at t3.spf.test (depth 2)
          why: 'include:t4.spf.test' is DNS lookup 11: the limit is 10 (RFC 7208 §4.6.4)
          path: deep.spf.test → include:t2.spf.test → include:t3.spf.test
          note: receivers stop at 10 DNS lookups; '--max-lookups' evaluates further as a what-if
          lookups: 11/10, void lookups: 0/2, DNS queries: 11

        """)
  }

  @Test func maxLookupsTwentyEvaluatesTheSameTree() async throws {
    let run = try await Self.check(["192.0.2.55", "deep.spf.test", "--max-lookups", "20"])
    #expect(run.status == 0)
    #expect(
      run.stdout == """
        pass: 192.0.2.55 is authorized to send mail for deep.spf.test
          deciding term: 'ip4:192.0.2.0/24' at t4.spf.test (depth 3)
          why: 192.0.2.55 is in 192.0.2.0/24
          path: deep.spf.test → include:t2.spf.test → include:t3.spf.test → include:t4.spf.test
          note: evaluated with at most 20 DNS lookups (--max-lookups); RFC 7208 §4.6.4 allows 10: this policy uses 11, \
        so receivers return permerror
          lookups: 11/20, void lookups: 0/2, DNS queries: 12

        """)
  }
}
