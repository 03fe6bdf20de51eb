import Foundation
import SPFKitTestSupport
import Testing

/// Issue 9: include trees resolved concurrently came back garbled, or crashed the process, in the
/// release binary only. Each test runs the binary under test (`make test` points `SPFKIT_BIN` at the
/// release build users get) 30 times on one tree and requires the same, correct output every time.
@Suite(.serialized, .enabled(if: NamedServer.testsEnabled, Comment(rawValue: NamedServer.skipNote)))
struct ReleaseStressTests {
  static let runs = 30

  /// `over.example.net` needs 13 lookups: four includes (5 lookups inside them), then `a` (10),
  /// `mx` (11, past the limit), `ptr` and `exists`. `s.test` includes ten policies of an `a` and an
  /// `mx` each: 30 lookups, ten siblings resolved at once.
  static let named = NamedFixture(zones: [
    NamedZone(
      origin: "example.net",
      records: """
        over TXT "v=spf1 include:a.over.example.net include:b.over.example.net include:c.over.example.net " \
        "include:d.over.example.net a mx ptr exists:x.over.example.net -all"
        over A 192.0.2.1
        over AAAA 2001:db8::1
        over MX 10 mail.over.example.net.
        mail.over A 192.0.2.25
        mail.over AAAA 2001:db8::25
        a.over TXT "v=spf1 a:h1.over.example.net a:h2.over.example.net -all"
        b.over TXT "v=spf1 mx:over.example.net -all"
        c.over TXT "v=spf1 a:h1.over.example.net a:h2.over.example.net ~all"
        d.over TXT "v=spf1 ip4:198.51.100.0/24 -all"
        x.over A 127.0.0.2
        h1.over A 192.0.2.11
        h1.over AAAA 2001:db8::11
        h2.over A 192.0.2.12
        h2.over AAAA 2001:db8::12
        """),
    NamedZone(origin: "s.test", records: sTestRecords),
  ])

  static let sTestRecord = "v=spf1 " + (1...10).map { "include:s\($0).s.test" }.joined(separator: " ") + " -all"

  static let sTestRecords =
    "@ TXT \"\(sTestRecord)\"\n"
    + (1...10).map { i in
      """
      s\(i) TXT "v=spf1 a:h\(i).s.test mx:s\(i).s.test -all"
      s\(i) MX 10 h\(i).s.test.
      h\(i) A 192.0.2.\(i)
      h\(i) AAAA 2001:db8::\(i)
      """
    }.joined(separator: "\n")

  /// Runs `spfkit ARGUMENTS` `runs` times; every run must print the same and exit the same.
  static func sameEveryRun(_ arguments: [String]) async throws -> SPFKitProcess.Output {
    let first = try await SPFKitProcess.run(arguments)
    for run in 2...runs {
      let again = try await SPFKitProcess.run(arguments)
      #expect(again.status == first.status, "run \(run) of \(arguments): exit \(again.status)\n\(again.stderr)")
      #expect(again.stdout == first.stdout, "run \(run) of \(arguments) printed something else")
      if again.status != first.status || again.stdout != first.stdout { break }
    }
    return first
  }

  @Test func lintDomainReportsTheLookupPastTheLimitAtMx() async throws {
    let server = try await Self.named.server()
    let output = try await Self.sameEveryRun(["lint", "--domain", "over.example.net", "--server", server.ipv4Server])
    #expect(output.status == 1, "\(output.stdout)\(output.stderr)")
    let spf003 = try #require(output.stdout.split(separator: "\n").first { $0.contains("error[SPF003]") })
    #expect(spf003.contains("the policy needs 13 DNS lookups: 'mx' is lookup 11"), "\(spf003)")
    #expect(output.stdout.contains("= note: path: over.example.net → mx"))
    #expect(!output.stdout.contains("not asked"))
  }

  @Test func lintResolveWithADraftZoneCountsThroughEveryInclude() async throws {
    let scratch = try ScratchDirectory()
    let zone = scratch.url.appendingPathComponent("draft.zone")
    try ("$ORIGIN s.test.\n$TTL 300\n" + Self.sTestRecords + "\n").write(to: zone, atomically: true, encoding: .utf8)
    let output = try await Self.sameEveryRun([
      "lint", "--resolve", Self.sTestRecord, "--name", "s.test", "--dns-zone", zone.path,
    ])
    #expect(output.status == 1)
    #expect(output.stdout.contains("error[SPF003] the policy needs 30 DNS lookups"), "\(output.stdout)")
    #expect(!output.stdout.contains("not asked"))
  }

  @Test func flattenGivesTheSameRecordsEveryRun() async throws {
    let server = try await Self.named.server()
    let output = try await Self.sameEveryRun(["flatten", "s.test", "--flatten-a-mx", "--server", server.ipv4Server])
    #expect(output.status == 0, "\(output.stderr)")
    #expect(output.stdout.hasPrefix("v=spf1 ip4:192.0.2.1 ip4:192.0.2.2/31 "), "\(output.stdout)")
    #expect(output.stderr.contains("lookups: 30 before, 0 after"), "\(output.stderr)")
  }

  @Test func checkGivesTheSameVerdictEveryRun() async throws {
    let server = try await Self.named.server()
    let output = try await Self.sameEveryRun(["check", "192.0.2.7", "s.test", "--server", server.ipv4Server])
    #expect(output.status == 1)
    #expect(output.stdout.hasPrefix("permerror"), "\(output.stdout)")
  }
}

/// `make test` must test what ships: in CI the binary under test is the release build, never the
/// debug default that a plain `swift test` falls back to.
struct BinaryUnderTestTests {
  @Test func ciTestsTheReleaseBinary() {
    guard ProcessInfo.processInfo.environment["CI"] == "true" else { return }
    let path = SPFKitProcess.binary.standardizedFileURL.path
    #expect(path.hasSuffix("/.build/release/spfkit"), "CI runs the CLI tests against \(path)")
  }
}
