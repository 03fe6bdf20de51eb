import Foundation
import Testing

/// `--dns-zone FILE`: a draft zone answers first, live DNS the rest. Live DNS here is a closed
/// loopback port, so any name the draft does not hold fails fast and visibly.
@Suite struct DraftZoneTests {
  static let draft = """
    $ORIGIN example.test.
    $TTL 300
    @       IN TXT "v=spf1 ip4:192.0.2.0/24 include:_spf.example.test mx -all"
    _spf    IN TXT "v=spf1 ip6:2001:db8::/32 a:mail.example.test -all"
    @       IN MX 10 mail
    mail    IN A 198.51.100.7
    mail    IN AAAA 2001:db8::7
    outside IN TXT "v=spf1 include:live.example.net -all"
    7.100.51.198.in-addr.arpa. IN PTR mail.example.test.
    """

  /// No DNS server answers on a closed port of the loopback.
  static let noLiveDNS = ["--server", "127.0.0.1:9", "--timeout", "0.5", "--deadline", "3"]

  static func withDraft(_ body: (String) async throws -> Void) async throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    try scratch.write("example.test.zone", draft)
    try await body(scratch.path("example.test.zone"))
  }

  @Test(arguments: [
    ("198.51.100.7", "pass", "the MX host's address, from the draft's MX and A records"),
    ("2001:db8::42", "pass", "an ip6 network of the included record"),
    ("203.0.113.1", "fail", "in no network: '-all'"),
  ])
  func checkEvaluatesTheDraft(_ ip: String, _ result: String, _ why: String) async throws {
    try await Self.withDraft { zone in
      let run = try await SPFKitProcess.run(["check", ip, "example.test", "--dns-zone", zone] + Self.noLiveDNS)
      #expect(run.stdout.hasPrefix("\(result): "), "\(why): \(run.stdout)")
      #expect(run.status == (result == "pass" ? 0 : 1))
    }
  }

  @Test func namesOutsideTheDraftGoToLiveDNS() async throws {
    try await Self.withDraft { zone in
      let run = try await SPFKitProcess.run(
        ["check", "192.0.2.1", "outside.example.test", "--dns-zone", zone] + Self.noLiveDNS)
      #expect(run.status == 1)
      #expect(run.stdout.hasPrefix("temperror: "))
      #expect(run.stdout.contains("'live.example.net' failed"), "\(run.stdout)")
    }
  }

  @Test func lintDomainCountsThroughTheDraft() async throws {
    try await Self.withDraft { zone in
      let run = try await SPFKitProcess.run(["lint", "--domain", "example.test", "--dns-zone", zone] + Self.noLiveDNS)
      #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
      #expect(run.stdout.contains("info[SPF201] the policy uses 3 of 10 DNS lookups"), "\(run.stdout)")
    }
  }

  /// Findings on a draft's records name the draft file and their own lines (issue 12): two records
  /// at one name are told apart, and GitHub gets a file it can place.
  @Test func lintDomainNamesTheDraftFileAndEachRecordsLine() async throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let (zone, marks) = markedZone(
      """
      $ORIGIN two.test.
      @ IN TXT "↓v=spf1 ptr -all"
      @ IN TXT "↓v=spf1 ?all"

      """)
    try scratch.write("two.test.zone", zone)
    let path = scratch.path("two.test.zone")
    let base = ["lint", "--domain", "two.test", "--dns-zone", path, "--severity", "warning"] + Self.noLiveDNS
    let run = try await SPFKitProcess.run(base)
    #expect(run.status == 1)
    #expect(run.stdout.contains("\(path):\(marks[0]): error[SPF001]"), "\(run.stdout)")
    let ptr = marks[0].split(separator: ":")
    #expect(run.stdout.contains("\(path):\(ptr[0]):\(Int(ptr[1])! + 7): warning[SPF102]"), "\(run.stdout)")
    let neutral = marks[1].split(separator: ":")
    #expect(run.stdout.contains("\(path):\(neutral[0]):\(Int(neutral[1])! + 7): warning[SPF104]"), "\(run.stdout)")
    let github = try await SPFKitProcess.run(base + ["--format", "github"])
    #expect(github.stdout.contains("::warning file=\(path),line=\(neutral[0]),col="), "\(github.stdout)")
  }

  @Test func heloReadsAddressesAndReverseNamesFromTheDraft() async throws {
    try await Self.withDraft { zone in
      let run = try await SPFKitProcess.run(
        ["helo", "mail.example.test", "--ip", "198.51.100.7", "--dns-zone", zone] + Self.noLiveDNS)
      #expect(run.stdout.contains("HELO = PTR    yes"), "\(run.stdout)")
    }
  }

  @Test func badDraftZoneIsAnInputErrorWithItsPlace() async throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    try scratch.write("bad.zone", "@ IN TXT \"v=spf1 -all\"\nmail IN A 300.1.1.1\n")
    let run = try await SPFKitProcess.run(["check", "192.0.2.1", "bad.example", "--dns-zone", scratch.path("bad.zone")])
    #expect(run.status == 2)
    #expect(run.stdout.isEmpty)
    #expect(run.stderr.hasPrefix("error: \(scratch.path("bad.zone")):2:11: invalid IPv4 address"), "\(run.stderr)")
    let missing = try await SPFKitProcess.run([
      "check", "192.0.2.1", "bad.example", "--dns-zone", scratch.path("none.zone"),
    ])
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("cannot read '--dns-zone' file"))
  }
}

extension DraftZoneTests {
  @Test func flattenCheckAgainstDoesNotCallATimeoutStale() async throws {
    try await Self.withDraft { zone in
      let scratch = try ScratchDirectory()
      defer { scratch.remove() }
      try scratch.write("published.zone", "outside.example.test. 300 IN TXT \"v=spf1 -all\"\n")
      let run = try await SPFKitProcess.run(
        ["flatten", "outside.example.test", "--check-against", scratch.path("published.zone"), "--dns-zone", zone]
          + Self.noLiveDNS)
      #expect(run.status == 2, "\(run.stdout)\(run.stderr)")
      #expect(run.stdout.isEmpty)
      #expect(
        run.stderr.contains("cannot tell whether '\(scratch.path("published.zone"))' is current"), "\(run.stderr)")
    }
  }
}
