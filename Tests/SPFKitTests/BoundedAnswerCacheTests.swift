import Testing

@testable import SPFKit

/// The CLOCK cache behind `spfkit scan`: both bounds hold, names asked again outlive names asked once.
struct BoundedAnswerCacheTests {
  static func question(_ name: String) -> DNSQuestion { DNSQuestion(name: name, type: .txt) }
  static let answer: Result<[DNSRecordData], DNSError> = .success([.ptr("target.test")])

  @Test func theEntryCountNeverPassesItsBound() {
    var cache = BoundedAnswerCache(maximumEntries: 100)
    for index in 0..<1_000 { cache.insert(Self.answer, for: Self.question("n\(index).test")) }
    #expect(cache.count == 100)
    #expect(cache.evictions == 900)
    #expect(cache.outcome(of: Self.question("n999.test")) == Self.answer, "the newest entry is kept")
    #expect(cache.outcome(of: Self.question("n0.test")) == nil, "the oldest unreferenced entry is gone")
  }

  @Test func theByteBoundHolds() {
    let size = BoundedAnswerCache.estimatedBytes(of: Self.question("n0.test"), Self.answer)
    var cache = BoundedAnswerCache(maximumEntries: 1_000, maximumBytes: size * 10)
    for index in 0..<50 { cache.insert(Self.answer, for: Self.question("n\(index).test")) }
    #expect(cache.count <= 10)
    #expect(cache.bytes <= size * 10)
    let huge: Result<[DNSRecordData], DNSError> = .success([.ptr(String(repeating: "x", count: size * 20))])
    cache.insert(huge, for: Self.question("huge.test"))
    #expect(cache.outcome(of: Self.question("huge.test")) == nil, "an entry over the whole bound is not kept")
  }

  @Test func aNameAskedAgainOutlivesNamesAskedOnce() {
    var cache = BoundedAnswerCache(maximumEntries: 10)
    let provider = Self.question("_spf.provider.test")
    cache.insert(Self.answer, for: provider)
    for index in 0..<1_000 {
      #expect(cache.outcome(of: provider) == Self.answer, "after \(index) one-time names")
      cache.insert(Self.answer, for: Self.question("d\(index).test"))
    }
  }

  @Test func replacingAndRemovingKeepTheAccounts() {
    var cache = BoundedAnswerCache(maximumEntries: 3)
    let name = Self.question("a.test")
    cache.insert(Self.answer, for: name)
    cache.insert(.failure(.nameError), for: name)
    #expect(cache.count == 1)
    #expect(cache.outcome(of: name) == .failure(.nameError))
    cache.remove(name)
    #expect(cache.count == 0)
    #expect(cache.bytes == 0)
  }
}

/// `CachingResolver` with bounds: what `spfkit scan` shares between domains.
struct BoundedCachingResolverTests {
  @Test func aBoundedCacheAsksAgainOnlyForEvictedNames() async {
    let upstream = CountingResolver(delay: .zero)
    let cache = CachingResolver(upstream, bounds: .init(entries: 5))
    let provider = DNSQuestion(name: "_spf.provider.test", type: .txt)
    for index in 0..<100 {
      _ = await ResolverOutcome(of: cache, provider)
      _ = await ResolverOutcome(of: cache, DNSQuestion(name: "d\(index).test", type: .txt))
    }
    #expect(upstream.count(provider) == 1)
    #expect(await cache.queriesSent == 101)
    #expect(await cache.evictions == 100 - 4)
  }

  @Test func transientFailuresAreAskedAgainWhenNotKept() async {
    let upstream = CountingResolver(delay: .zero)
    let cache = CachingResolver(upstream, bounds: .init(entries: 10, keepsTransientFailures: false))
    let failing = DNSQuestion(name: "fail.example.test", type: .txt)
    #expect(await ResolverOutcome(of: cache, failing) == .error(.timeout))
    #expect(await ResolverOutcome(of: cache, failing) == .error(.timeout))
    #expect(upstream.count(failing) == 2)
  }

  @Test func concurrentQuestionsShareOneQueryWhenBounded() async {
    let upstream = CountingResolver()
    let cache = CachingResolver(upstream, bounds: .init(entries: 1, keepsTransientFailures: false))
    let question = DNSQuestion(name: "fail.example.test", type: .mx)
    let outcomes = await withTaskGroup(of: ResolverOutcome.self) { group in
      for _ in 0..<20 { group.addTask { await ResolverOutcome(of: cache, question) } }
      return await group.reduce(into: []) { $0.append($1) }
    }
    #expect(outcomes.allSatisfy { $0 == .error(.timeout) })
    #expect(upstream.count(question) == 1, "waiters share the query in flight")
  }
}
