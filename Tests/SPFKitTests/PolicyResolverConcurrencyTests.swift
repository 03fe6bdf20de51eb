import Foundation
import Testing

@testable import SPFKit

/// A resolver that answers from a fixture zone after a delay and counts every question.
final class SlowZoneResolver: DNSResolver, @unchecked Sendable {
  private let zone: InMemoryResolver
  private let lock = NSLock()
  private var asked: [DNSQuestion: Int] = [:]
  private var inFlight = 0
  private(set) var mostInFlight = 0

  init(zone: String) { self.zone = InMemoryResolver(zone: zone) }

  var questionsReceived: [DNSQuestion: Int] { lock.withLock { asked } }

  func resolve(_ question: DNSQuestion) async throws(DNSError) -> [DNSRecordData] {
    lock.withLock {
      asked[question, default: 0] += 1
      inFlight += 1
      mostInFlight = max(mostInFlight, inFlight)
    }
    try? await Task.sleep(for: .milliseconds(20))
    lock.withLock { inFlight -= 1 }
    return try zone.answer(question)
  }
}

struct PolicyResolverConcurrencyTests {
  /// Ten providers, each including one shared policy with two address terms.
  static let zone =
    (1...10).map { "p\($0).example.net TXT v=spf1 include:shared.example.net -all" }
    .joined(separator: "\n") + "\nshared.example.net TXT v=spf1 a:h.example.net mx:h.example.net -all"
    + "\nh.example.net A 192.0.2.1\nh.example.net MX h.example.net"
  static let record = "v=spf1 " + (1...10).map { "include:p\($0).example.net" }.joined(separator: " ") + " -all"

  @Test func siblingsAreAskedConcurrentlyAndEachQuestionOnce() async {
    let upstream = SlowZoneResolver(zone: Self.zone)
    let resolver = PolicyResolver(upstream)
    let tree = await resolver.tree(of: TXTRecord(text: Self.record), name: "example.com")
    #expect(tree.lookupCount() == 10 * (1 + 1 + 2))
    #expect(upstream.questionsReceived.values.allSatisfy { $0 == 1 })
    #expect(upstream.questionsReceived.count == 10 + 1 + 3)
    #expect(await resolver.cache.queriesSent == 14)
    #expect(upstream.mostInFlight > 1, "siblings are asked at once")
  }

  @Test func theTreeIsTheSameWhateverOrderAnswersArriveIn() async {
    var trees: Set<PolicyTree> = []
    for _ in 0..<5 {
      trees.insert(
        await PolicyResolver(SlowZoneResolver(zone: Self.zone)).tree(
          of: TXTRecord(text: Self.record),
          name: "example.com"))
    }
    #expect(trees.count == 1)
  }

  @Test func oneCacheServesSeveralTreesOfARun() async {
    let cache = CachingResolver(InMemoryResolver(zone: Self.zone))
    for name in ["a.example.com", "b.example.com"] {
      _ = await PolicyResolver(cache).resolve([TXTRecord(text: "v=spf1 include:p1.example.net -all")], name: name)
    }
    #expect(await cache.queriesSent == 5)
  }

  @Test func resolveKeysTreesBySelectedRecord() async throws {
    let records = ["google-site-verification=x", "v=spf1 include:p1.example.net -all", "v=spf2 mx"].map {
      TXTRecord(text: $0)
    }
    let facts = await PolicyResolver(InMemoryResolver(zone: Self.zone)).resolve(records, name: "Example.COM.")
    #expect(facts.name == "example.com")
    #expect(Array(facts.trees.keys) == [1])
    #expect(try #require(facts.trees[1]).lookupCount() == 4)
  }
}
