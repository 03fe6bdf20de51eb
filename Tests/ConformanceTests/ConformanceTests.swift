import Foundation
import SPFKit
import SPFKitTestSupport
import Testing

/// Runs the openspf.org suites (`../shared/testdata/openspf/*.json`, read in place) against
/// `SPFEvaluator` with each scenario's zone data in memory.
///
/// `SPFKIT_CONFORMANCE_TRACE=test-name,...` prints the traces of those tests.
struct ConformanceTests {
  /// One test's outcome.
  struct Run: Sendable {
    let scenario: String
    let test: OpenSPFSuite.Test
    let result: SPFResult
    let explanation: String?
    let reason: String
    let trace: String
    /// Why the run does not meet the expectation; nil when it passes.
    let failure: String?
    /// Passes worth a line: a result the suite accepts but does not prefer, a case-only difference.
    let notes: [String]
    /// Whether the result is the suite's first (preferred) one.
    let preferred: Bool
  }

  /// Runs every test of a suite file.
  static func run(suite file: String) async throws -> [Run] {
    let url = OpenSPFSuite.folder().appendingPathComponent(file)
    guard FileManager.default.fileExists(atPath: url.path) else {
      throw SuiteError(
        "conformance data missing: \(url.path) (expected beside the package, see "
          + "shared/testdata/openspf/README.md)")
    }
    let suite = try OpenSPFSuite(contentsOf: url)
    var runs: [Run] = []
    for scenario in suite.scenarios {
      let resolver = try ScenarioZone.resolver(scenario.zone)
      let evaluator = SPFEvaluator(resolver: resolver, settings: EvaluationSettings(defaultExplanation: "DEFAULT"))
      for test in scenario.tests {
        runs.append(try await run(test, in: scenario.description, with: evaluator))
      }
    }
    return runs
  }

  static func run(_ test: OpenSPFSuite.Test, in scenario: String, with evaluator: SPFEvaluator) async throws -> Run {
    guard let ip = IPAddress(test.host) else { throw SuiteError("\(test.name): bad host '\(test.host)'") }
    let latin1 = { (text: String) in String(decoding: ScenarioZone.latin1(text), as: UTF8.self) }
    let request = CheckHostRequest.mailFrom(latin1(test.mailFrom), clientIP: ip, helo: latin1(test.helo))
    let outcome = await evaluator.checkHost(request)
    var failure: String? = nil
    var notes: [String] = []
    if !test.results.contains(outcome.result.rawValue) {
      failure = "expected \(test.results.joined(separator: " or ")), got \(outcome.result) (\(outcome.reason))"
    } else if let expected = test.explanation, outcome.result == .fail, outcome.explanation != expected {
      let actual = outcome.explanation ?? "<none>"
      if let why = caseInsensitiveExplanations[test.name], actual.lowercased() == expected.lowercased() {
        notes.append("explanation matches ignoring case: \(why)")
      } else {
        failure = "expected explanation '\(expected)', got '\(actual)'"
      }
    }
    let preferred = test.results.first.map { outcome.result.rawValue == $0 } ?? true
    if failure == nil, !preferred {
      let why = rfc7208Changes[test.name].map { ": \($0)" } ?? ""
      notes.append("got \(outcome.result), which the suite accepts; it prefers \(test.results[0])\(why)")
    }
    return Run(
      scenario: scenario, test: test, result: outcome.result, explanation: outcome.explanation,
      reason: outcome.reason, trace: outcome.trace.description, failure: failure, notes: notes,
      preferred: preferred)
  }

  /// RFC 4408 tests where spfkit gives an accepted result other than the preferred one, because
  /// RFC 7208 changed the behaviour (the RFC 7208 suite prefers spfkit's result in each case).
  static let rfc7208Changes = [
    "spfonly": "RFC 7208 §3.1, §4.4: SPF type 99 records are no longer consulted",
    "txttimeout": "RFC 7208 §4.4: only TXT is queried, so its timeout is a temperror",
    "spfoverride": "RFC 7208 §4.4: only TXT is queried; the type 99 record does not override it",
    "multitxt1": "RFC 7208 §4.5: two v=spf1 TXT records are a permerror, type 99 is not consulted",
    "multispf2": "RFC 7208 §4.5: type 99 records are ignored, the single TXT record is used",
    "exists-dnserr": "RFC 7208 §5: a DNS error in a mechanism is a temperror",
    "mx-limit": "RFC 7208 §4.6.4: more than 10 MX names is a permerror",
    "invalid-domain-empty-label": "RFC 7208 suite prefers treating a malformed target as a name that does not exist",
    "invalid-domain-long": "RFC 7208 suite prefers treating a malformed target as a name that does not exist",
    "invalid-domain-long-via-macro": "RFC 7208 suite prefers treating a malformed target as a name that does not exist",
  ]

  /// Tests whose expected explanation differs from ours in letter case only, and why that is right.
  static let caseInsensitiveExplanations = [
    "v-macro-ip6": "the suite (from pyspf) writes the %{ir} nibbles of an IPv6 address in uppercase; RFC 7208 §7.4 "
      + "writes them in lowercase, as spfkit does, and DNS names ignore case"
  ]

  /// Prints `label: N/M passed` and one block per failing test.
  static func report(_ label: String, _ runs: [Run]) {
    let failing = runs.filter { $0.failure != nil }
    print("\(label): \(runs.count - failing.count)/\(runs.count) passed")
    let traced = Set((ProcessInfo.processInfo.environment["SPFKIT_CONFORMANCE_TRACE"] ?? "").split(separator: ","))
    for run in runs {
      for note in run.notes { print("  note \(run.test.name): \(note)") }
      if traced.contains(Substring(run.test.name)) {
        print("  trace \(run.test.name): \(run.result) (\(run.reason))")
        for line in run.trace.split(separator: "\n") { print("      " + line) }
      }
    }
    for run in failing {
      print("  FAIL [\(run.scenario)] \(run.test.name) (spec \(run.test.spec)): \(run.failure ?? "")")
      for line in run.trace.split(separator: "\n") { print("      " + line) }
    }
  }

  @Test func rfc7208() async throws {
    let runs = try await Self.run(suite: "rfc7208-tests.json")
    Self.report("rfc7208", runs)
    #expect(runs.count == 203, "the RFC 7208 suite has 203 tests")
    for run in runs where run.failure != nil {
      Issue.record("[\(run.scenario)] \(run.test.name): \(run.failure ?? "")")
    }
  }

  @Test func rfc4408() async throws {
    let runs = try await Self.run(suite: "rfc4408-tests.json")
    Self.report("rfc4408", runs)
    #expect(runs.count == 191, "the RFC 4408 suite has 191 tests")
    for run in runs where run.failure != nil {
      Issue.record("[\(run.scenario)] \(run.test.name): \(run.failure ?? "")")
    }
    let changed = Set(runs.filter { $0.failure == nil && !$0.preferred }.map(\.test.name))
    #expect(changed == Set(Self.rfc7208Changes.keys), "results other than the preferred one are RFC 7208 changes")
  }
}
