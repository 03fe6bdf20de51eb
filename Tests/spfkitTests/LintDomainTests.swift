import Foundation
import SPFKitTestSupport
import Testing

/// `spfkit lint --domain` and `--resolve` against a real BIND `named` on loopback.
/// Serialized: the runs share two cores with timing tests of the resolver; one child at a time keeps the load low.
@Suite(.serialized, .enabled(if: NamedServer.testsEnabled, Comment(rawValue: NamedServer.skipNote)))
struct LintDomainTests {
  /// Three strings of 240 octets and more: an answer over 512 octets, which named (max-udp-size 512)
  /// truncates over UDP, so the resolver asks again over TCP.
  static let largeRecord =
    (0..<3).map { block in
      "\"" + (block == 0 ? "v=spf1" : "") + (1...16).map { " ip4:8.8.\(block).\($0 * 10)" }.joined() + "\""
    }.joined(separator: " ") + " \" include:_spf.tree.test -all\""

  static let named = NamedFixture(
    zones: [
      NamedZone(
        origin: "tree.test",
        records: """
          @ TXT "v=spf1 mx include:_spf.tree.test include:spf.provider.test -all"
          @ MX 10 mail
          mail A 192.0.2.10
          _spf TXT "v=spf1 ip4:192.0.2.0/24 include:_net.tree.test -all"
          _net TXT "v=spf1 ip4:198.51.100.0/24 -all"
          partial TXT "v=spf1 include:_spf.refused.test ip4:8.8.8.8 -all"
          """),
      NamedZone(
        origin: "provider.test",
        records: """
          spf TXT "v=spf1 a:a1.provider.test a:a2.provider.test -all"
          a1 A 203.0.113.1
          a2 A 203.0.113.2
          """),
      NamedZone(
        origin: "over.test",
        records: """
          @ TXT "v=spf1 a mx include:_spf.over.test -all"
          @ A 192.0.2.1
          @ AAAA 2001:db8::1
          @ MX 10 @
          _spf TXT "v=spf1 \((1...7).map { "a:h\($0).over.test" }.joined(separator: " ")) include:c.deep.test -all"
          \((1...7).map { "h\($0) A 192.0.2.\($0)\nh\($0) AAAA 2001:db8::\($0)" }.joined(separator: "\n"))
          """),
      NamedZone(origin: "deep.test", records: "c TXT \"v=spf1 a -all\"\nc A 192.0.2.99\nc AAAA 2001:db8::99"),
      NamedZone(
        origin: "voids.test",
        records: """
          @ TXT "v=spf1 a:nx.voids.test mx:txt.voids.test exists:txt.voids.test -all"
          txt TXT "hello"
          two TXT "v=spf1 a:nx.voids.test mx:txt.voids.test -all"
          """),
      NamedZone(origin: "big.test", records: "@ TXT ( \(largeRecord) )"),
      NamedZone(
        origin: "two.test",
        records: """
          @ TXT "v=spf1 ip4:8.8.8.8 -all"
          @ TXT "google-site-verification=abc"
          @ TXT "v=spf1 ip4:8.8.4.4 -all"
          """),
      NamedZone(
        origin: "refused.test", records: "@ TXT \"v=spf1 -all\"\n_spf TXT \"v=spf1 -all\"", refusesQueries: true),
    ],
    options: ["max-udp-size 512;"])

  /// Runs `spfkit lint` with `arguments` against the fixture server.
  static func lint(_ arguments: [String]) async throws -> SPFKitProcess.Output {
    let server = try await named.server()
    return try await SPFKitProcess.run(["lint", "--server", server.ipv4Server, "--timeout", "5"] + arguments)
  }

  @Test func aDomainIsLintedWithItsWholeIncludeTree() async throws {
    let run = try await Self.lint(["--domain", "tree.test"])
    #expect(run.status == 0)
    #expect(run.stderr.isEmpty)
    #expect(
      run.stdout == """
        tree.test:1:1: info[SPF201] the policy uses 6 of 10 DNS lookups: 3 in this record, 3 in the policies it includes
          | v=spf1 mx include:_spf.tree.test include:spf.provider.test -all
          | ^~~~~~
          = note: tree.test (6): mx, include:_spf.tree.test (2), include:spf.provider.test (3)
          = note: tree.test → include:_spf.tree.test (2): include:_net.tree.test (1)
          = note: tree.test → include:spf.provider.test (3): a:a1.provider.test, a:a2.provider.test
        1 record checked: 1 info

        """)
  }

  @Test func overTheLimitNamesTheTermAndThePath() async throws {
    let run = try await Self.lint(["--domain", "over.test"])
    #expect(run.status == 1)
    #expect(
      run.stdout.contains(
        """
        over.test:1:13: error[SPF003] the policy needs 12 DNS lookups: 'include:c.deep.test' in the policy of \
        '_spf.over.test' is lookup 11, past the limit of 10, so receivers return permerror
          | v=spf1 a mx include:_spf.over.test -all
          |             ^~~~~~~~~~~~~~~~~~~~~~
          = note: path: over.test → include:_spf.over.test → include:c.deep.test
          = note: lookups by branch: over.test (12): a, mx, include:_spf.over.test (10)

        """))
    #expect(
      run.stdout.contains(
        "over.test:1:1: info[SPF201] the policy uses 12 of 10 DNS lookups: 3 in this record, "
          + "9 in the policies it includes"))
    #expect(run.stdout.hasSuffix("1 record checked: 1 error, 1 info\n"))
  }

  @Test func aRefusedDomainExitsTwoWithTheReason() async throws {
    let run = try await Self.lint(["--domain", "refused.test"])
    #expect(run.status == 2)
    #expect(run.stderr == "error: refused.test TXT: REFUSED\n")
    #expect(run.stdout == "0 records checked: 1 input could not be read\n", "never 'no problems' (issue 10)")
  }

  @Test(arguments: [
    ("nope.tree.test", "error: nope.tree.test TXT: NXDOMAIN\n"),
    ("mail.tree.test", "error: mail.tree.test has no SPF record: no TXT records\n"),
    ("txt.voids.test", "error: txt.voids.test has no SPF record: none of its 1 TXT records is SPF\n"),
  ])
  func aDomainWithoutARecordExitsTwo(_ domain: String, _ message: String) async throws {
    let run = try await Self.lint(["--domain", domain])
    #expect(run.status == 2)
    #expect(run.stderr == message)
  }

  @Test func aRefusedIncludeIsNamedAndTheCountIsALowerBound() async throws {
    let run = try await Self.lint(["--domain", "partial.tree.test"])
    #expect(run.status == 0)
    #expect(run.stdout.contains("info[SPF201] the policy uses at least 1 of 10 DNS lookups: DNS did not answer"))
    #expect(run.stdout.contains("= note: '_spf.refused.test' TXT: REFUSED: the lookups of its policy are not counted"))
  }

  @Test func nxdomainAndNodataAreVoidLookups() async throws {
    let run = try await Self.lint(["--domain", "voids.test"])
    #expect(run.status == 1)
    for line in [
      "voids.test:1:42: error[SPF004] the policy makes 3 void DNS lookups: 'exists:txt.voids.test' is void lookup 3",
      "= note: void lookups in order: a:nx.voids.test: NXDOMAIN, mx:txt.voids.test: no MX records, "
        + "exists:txt.voids.test: no A records",
      "voids.test:1:8: warning[SPF116] 'nx.voids.test' does not exist (NXDOMAIN)",
      "voids.test:1:24: warning[SPF116] 'txt.voids.test' has no MX records",
      "voids.test:1:42: warning[SPF116] 'txt.voids.test' has no A records",
    ] {
      #expect(run.stdout.contains(line), "\(line)")
    }
    let two = try await Self.lint(["--domain", "two.voids.test"])
    #expect(two.status == 0, "two void lookups are allowed")
    #expect(!two.stdout.contains("SPF004"))
    #expect(two.stdout.hasSuffix("1 record checked: 2 warnings, 1 info\n"))
  }

  @Test func aRecordTooLargeForUDPIsReadOverTCPAndLinted() async throws {
    let run = try await Self.lint(["--domain", "big.test"])
    #expect(run.status == 0)
    #expect(run.stderr.isEmpty)
    #expect(run.stdout.contains("big.test:1:1: warning[SPF101]"))
    #expect(
      run.stdout.contains(
        "big.test:1:1: info[SPF201] the policy uses 2 of 10 DNS lookups: 1 in this record, "
          + "1 in the policies it includes"))
  }

  @Test func twoSPFRecordsAtADomainAreSPF001() async throws {
    let run = try await Self.lint(["--domain", "two.test"])
    #expect(run.status == 1)
    #expect(run.stdout.contains("two.test:3:1: error[SPF001] 'two.test' publishes 2 SPF records"))
    #expect(run.stdout.hasSuffix("3 records checked: 1 error\n"))
  }

  /// Records read over DNS have no file: the line is the record's position among the name's TXT
  /// records (sorted by text), so two records at one name are told apart (issue 12), and GitHub
  /// annotations carry no `file=` it could not place.
  @Test func recordsOverDNSAreToldApartByTheirPosition() async throws {
    let run = try await Self.lint(["--domain", "two.test", "--disable", "SPF001", "--strict"])
    #expect(run.status == 0)
    let text = try await Self.lint(["--domain", "two.test", "--format", "jsonl"])
    let object = try #require(try JSONSerialization.jsonObject(with: Data(text.stdout.utf8)) as? [String: Any])
    let records = try #require(object["records"] as? [[String: Any]])
    #expect(records.map { $0["line"] as? Int } == [1, 2, 3])
    #expect(records.map { $0["source"] as? String } == ["two.test", "two.test", "two.test"])
    let github = try await Self.lint(["--domain", "two.test", "--format", "github"])
    #expect(
      github.stdout.hasPrefix("::error title=SPF001::two.test:3:1: 'two.test' publishes 2 SPF records"),
      "\(github.stdout)")
    #expect(!github.stdout.contains("file="))
  }

  @Test func resolveFollowsTheIncludesOfRecordArguments() async throws {
    let run = try await Self.lint(["--resolve", "v=spf1 include:_spf.tree.test -all"])
    #expect(run.status == 0)
    #expect(
      run.stdout.contains(
        "<arg1>:1:1: info[SPF201] the policy uses 2 of 10 DNS lookups: 1 in this record, "
          + "1 in the policies it includes"))
    #expect(run.stdout.contains("= note: the record (2): include:_spf.tree.test (2)"))
  }

  @Test func nameGivesTheOwnerOfRecordArguments() async throws {
    let named = try await Self.lint(["--resolve", "--name", "tree.test", "v=spf1 mx a:mail.%{d} -all"])
    #expect(named.stdout.contains("the policy uses 2 of 10 DNS lookups: mx, a:mail.%{d}"))
    #expect(!named.stdout.contains("note"), "tree.test has MX records, mail.tree.test an address")
    #expect(!named.stdout.contains("warning"))
    let unnamed = try await Self.lint(["--resolve", "v=spf1 mx -all"])
    #expect(unnamed.stdout.contains("= note: 'mx' was not looked up: the owner name is not known (give --name)"))
  }

  @Test func severalDomainsAreLintedAndAFailureStillExitsTwo() async throws {
    let run = try await Self.lint(["--domain", "tree.test", "--domain", "refused.test", "--domain", "two.test"])
    #expect(run.status == 2)
    #expect(run.stderr == "error: refused.test TXT: REFUSED\n")
    #expect(run.stdout.contains("tree.test:1:1: info[SPF201]"))
    #expect(run.stdout.contains("two.test:3:1: error[SPF001]"))
  }

  @Test func jsonNamesTheDomain() async throws {
    let run = try await Self.lint(["--format", "json", "--domain", "tree.test"])
    let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let inputs = try #require(document["inputs"] as? [[String: Any]])
    #expect(inputs.first?["name"] as? String == "tree.test")
    let finding = try #require((inputs.first?["diagnostics"] as? [[String: Any]])?.first)
    #expect(finding["source"] as? String == "tree.test")
    #expect((finding["notes"] as? [String])?.count == 3)
  }
}
