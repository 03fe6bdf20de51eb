import Foundation
import SPFKitTestSupport
import Testing

/// The OpenSPF RFC 7208 suite through `spfkit check`, the binary, against a real `named` serving each
/// scenario's zone: every test a zone can serve must give the suite's result (or one it accepts).
///
/// Scenarios publish different data at the same names (22 names differ between scenarios), and every
/// query comes from 127.0.0.1, so no one server can tell them apart: each scenario gets its own `named`
/// holding all of its zone data, started one after another, and its tests run a few at a time.
@Suite(.enabled(if: NamedServer.testsEnabled, Comment(rawValue: NamedServer.skipNote)))
struct CheckConformanceTests {
  /// Tests not run: they reach a `TIMEOUT` (a server cannot be told to stay silent for one name) or a
  /// TXT record of no strings (a master file cannot write one). Kept explicit so a change in what is
  /// skipped is seen.
  static let unservable: Set<String> = [
    "alltimeout", "nospftxttimeout", "spftimeout", "txttimeout", "include-temperror", "exists-dnserr",
    "exp-dns-error", "null-text",
  ]

  /// How many checks run at once.
  static let concurrency = 4

  struct Outcome: Sendable {
    let test: String
    let failure: String?
  }

  @Test func rfc7208SuiteThroughTheBinary() async throws {
    let suite = try OpenSPFSuite(contentsOf: OpenSPFSuite.folder().appendingPathComponent("rfc7208-tests.json"))
    var outcomes: [Outcome] = []
    var skipped: Set<String> = []
    for scenario in suite.scenarios {
      let zone = SuiteZoneFile(scenario.zone)
      let runnable = scenario.tests.filter { !zone.reachesUnservable(from: Self.startNames($0)) }
      skipped.formUnion(scenario.tests.map(\.name).filter { name in !runnable.contains { $0.name == name } })
      guard !runnable.isEmpty else { continue }
      let server = try await Self.start(zone)
      defer { server.stop() }
      outcomes += try await Self.run(runnable, against: server.ipv4Server)
    }
    #expect(skipped == Self.unservable)
    #expect(outcomes.count + skipped.count == suite.testCount)
    for outcome in outcomes { if let failure = outcome.failure { Issue.record("\(outcome.test): \(failure)") } }
  }

  /// A `named` serving the scenario's root zone. A start under a loaded test run can lose its port to
  /// another test's server between probe and bind: it is tried three times.
  static func start(_ zone: SuiteZoneFile) async throws -> NamedServer {
    var failure = NamedServerError("named did not start")
    for _ in 0..<3 {
      do throws(NamedServerError) {
        // The suite's names include ones no host may have (`foo:bar/baz.example.com`): DNS carries them all.
        return try await NamedServer(
          zones: [NamedZone(origin: ".", zoneFile: zone.text)], options: ["check-names primary ignore;"])
      } catch {
        failure = error
      }
    }
    throw failure
  }

  /// The names evaluation starts from: the checked domain and the HELO name.
  static func startNames(_ test: OpenSPFSuite.Test) -> [String] {
    [Self.arguments(test, server: "")[2], test.helo]
  }

  /// `check HOST DOMAIN --sender SENDER --helo HELO --server SERVER --format json`: the domain is the MAIL
  /// FROM's, or the HELO name with `postmaster@` when MAIL FROM is empty (RFC 7208 §2.4).
  static func arguments(_ test: OpenSPFSuite.Test, server: String) -> [String] {
    let sender = test.mailFrom.isEmpty ? "postmaster@" + test.helo : test.mailFrom
    let domain = sender.lastIndex(of: "@").map { String(sender[sender.index(after: $0)...]) } ?? sender
    return [
      "check", test.host, domain, "--sender", sender, "--helo", test.helo, "--server", server, "--format", "json",
    ]
  }

  /// Runs the tests `concurrency` at a time.
  static func run(_ tests: [OpenSPFSuite.Test], against server: String) async throws -> [Outcome] {
    try await withThrowingTaskGroup(of: Outcome.self) { group in
      var outcomes: [Outcome] = []
      var pending = tests[...]
      func startNext() {
        guard let test = pending.popFirst() else { return }
        group.addTask { try await Self.check(test, server: server) }
      }
      for _ in 0..<concurrency { startNext() }
      while let outcome = try await group.next() {
        outcomes.append(outcome)
        startNext()
      }
      return outcomes
    }
  }

  /// One test: the result in the JSON report must be one the suite accepts, with the exit status to match.
  static func check(_ test: OpenSPFSuite.Test, server: String) async throws -> Outcome {
    let run = try await SPFKitProcess.run(arguments(test, server: server))
    let report = try? JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
    guard let result = report?["result"] as? String else {
      return Outcome(test: test.name, failure: "exit \(run.status), no result: \(run.stderr)\(run.stdout)")
    }
    guard test.results.contains(result) else {
      let reason = report?["reason"] as? String ?? ""
      return Outcome(
        test: test.name, failure: "expected \(test.results.joined(separator: " or ")), got \(result) (\(reason))")
    }
    guard run.status == (result == "pass" ? 0 : 1) else {
      return Outcome(test: test.name, failure: "\(result) exited \(run.status)")
    }
    return Outcome(test: test.name, failure: nil)
  }
}
