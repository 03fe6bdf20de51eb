import Foundation
import Testing

@testable import SPFKit

/// Issue 9: concurrent resolution gave garbage in release builds only (a Swift 6.3.1 -O miscompile of
/// a task-group closure pairing its question with a `try await` answer inside a do/catch). These
/// tests resolve a 10-include tree many times through the real code paths and require the same,
/// complete answer every time. They fail on the miscompiled code when the suite is built optimized,
/// as `make test` builds it (`swift test -c release -Xswiftc -enable-testing`).
struct ConcurrencyStressTests {
  /// Ten includes, each with an `a` and an `mx` of its own: 30 lookups, 10 siblings at every level.
  static let zone =
    (1...10).map { i in
      """
      s\(i).s.test TXT v=spf1 a:h\(i).s.test mx:s\(i).s.test -all
      s\(i).s.test MX h\(i).s.test
      h\(i).s.test A 192.0.2.\(i)
      h\(i).s.test AAAA 2001:db8::\(i)
      """
    }.joined(separator: "\n") + "\ns.test TXT \(record)"
  static let record = "v=spf1 " + (1...10).map { "include:s\($0).s.test" }.joined(separator: " ") + " -all"
  static let rounds = 200

  @Test func includeTreeIsCompleteAndIdenticalEveryTime() async throws {
    var trees: Set<PolicyTree> = []
    for _ in 0..<Self.rounds {
      let resolver = PolicyResolver(InMemoryResolver(zone: Self.zone))
      trees.insert(await resolver.tree(of: TXTRecord(text: Self.record), name: "s.test"))
    }
    #expect(trees.count == 1, "every round gives the same tree")
    let tree = try #require(trees.first)
    #expect(tree.lookupCount() == 30)
    #expect(tree.nodes.count == 11, "the root and its ten includes")
    for node in tree.nodes.dropFirst() {
      guard case .record = node.outcome else {
        Issue.record("\(node.name ?? "?") has no record: \(node.outcome)")
        continue
      }
    }
  }

  @Test func linterFindsTheLimitThroughIncludesEveryTime() async {
    var summaries: Set<[String]> = []
    for _ in 0..<Self.rounds {
      let records = [TXTRecord(text: Self.record)]
      let facts = await PolicyResolver(InMemoryResolver(zone: Self.zone)).resolve(records, name: "s.test")
      let context = LintContext(records: records, name: "s.test", resolution: facts)
      summaries.insert(Linter().lint(context).map { "\($0.code) \($0.message)" })
    }
    #expect(summaries.count == 1)
    #expect(summaries.first?.contains { $0.hasPrefix("SPF003 ") } == true)
  }

  @Test func flattenGivesTheSamePolicyEveryTime() async throws {
    var policies: Set<FlattenedPolicy> = []
    for _ in 0..<Self.rounds {
      let flattener = PolicyFlattener(resolver: InMemoryResolver(zone: Self.zone))
      policies.insert(try await flattener.flatten(FlattenOptions(domain: "s.test", flattensAddressMechanisms: true)))
    }
    #expect(policies.count == 1)
    let policy = try #require(policies.first)
    #expect(policy.report.lookupsBefore == 30)
    #expect(policy.report.lookupsAfter == 0)
  }

  @Test func checkHostGivesTheSameVerdictAndTraceEveryTime() async throws {
    var outcomes: Set<CheckHostResult> = []
    let request = CheckHostRequest.mailFrom(
      "user@s.test", clientIP: try #require(IPAddress("192.0.2.7")), helo: "h.example.net",
      receiver: "mx.example.org")
    for _ in 0..<Self.rounds {
      let evaluator = SPFEvaluator(resolver: InMemoryResolver(zone: Self.zone))
      outcomes.insert(await evaluator.checkHost(request))
    }
    #expect(outcomes.count == 1)
    #expect(outcomes.first?.result == .permerror, "lookup 11 comes before the 7th include's a matches")
  }
}
