import Foundation
import Testing

@testable import SPFKit

/// A resolver that counts the questions it receives and takes a while to answer.
final class CountingResolver: DNSResolver, @unchecked Sendable {
  private let lock = NSLock()
  private var counts: [DNSQuestion: Int] = [:]
  let delay: Duration

  init(delay: Duration = .milliseconds(50)) { self.delay = delay }

  func count(_ question: DNSQuestion) -> Int { lock.withLock { counts[question] ?? 0 } }

  func resolve(_ question: DNSQuestion) async throws(DNSError) -> [DNSRecordData] {
    lock.withLock { counts[question, default: 0] += 1 }
    try? await Task.sleep(for: delay)
    if question.name.hasPrefix("fail.") { throw .timeout }
    return [.ptr(question.name)]
  }
}

struct CachingResolverTests {
  @Test func asksOncePerQuestion() async {
    let upstream = CountingResolver(delay: .zero)
    let cache = CachingResolver(upstream)
    let txt = DNSQuestion(name: "example.test", type: .txt)
    let a = DNSQuestion(name: "example.test", type: .a)
    for question in [txt, a, txt, DNSQuestion(name: "EXAMPLE.test.", type: .txt), a] {
      #expect(await ResolverOutcome(of: cache, question) == .records([.ptr("example.test")]))
    }
    #expect(upstream.count(txt) == 1)
    #expect(upstream.count(a) == 1)
    #expect(await cache.queriesSent == 2)
    #expect(await cache.questionsAsked == 5)
  }

  @Test func concurrentIdenticalQuestionsShareOneQuery() async {
    let upstream = CountingResolver()
    let cache = CachingResolver(upstream)
    let question = DNSQuestion(name: "example.test", type: .mx)
    let outcomes = await withTaskGroup(of: ResolverOutcome.self) { group in
      for _ in 0..<50 { group.addTask { await ResolverOutcome(of: cache, question) } }
      return await group.reduce(into: []) { $0.append($1) }
    }
    #expect(outcomes.count == 50)
    #expect(outcomes.allSatisfy { $0 == .records([.ptr("example.test")]) })
    #expect(upstream.count(question) == 1)
    #expect(await cache.queriesSent == 1)
  }

  @Test func failuresAreRememberedToo() async {
    let upstream = CountingResolver(delay: .zero)
    let cache = CachingResolver(upstream)
    let question = DNSQuestion(name: "fail.example.test", type: .txt)
    #expect(await ResolverOutcome(of: cache, question) == .error(.timeout))
    #expect(await ResolverOutcome(of: cache, question) == .error(.timeout))
    #expect(upstream.count(question) == 1)
  }
}
