/// A resolver that asks its upstream at most once per distinct question and remembers the outcome.
///
/// Concurrent identical questions share one in-flight query. Failures are remembered too (a timeout is
/// not retried), so one run sees one consistent answer per question, as RFC 7208 §4.6.4 counting
/// assumes. `queriesSent` counts the questions actually passed upstream, for benchmarks and traces.
public actor CachingResolver: DNSResolver {
  /// The resolver asked on a cache miss.
  public nonisolated let upstream: any DNSResolver
  /// How many questions were passed upstream (cache misses).
  public private(set) var queriesSent = 0
  /// How many questions were asked of this resolver (hits and misses).
  public private(set) var questionsAsked = 0
  private var entries: [DNSQuestion: Task<Result<[DNSRecordData], DNSError>, Never>] = [:]

  /// Creates an empty cache in front of `upstream`.
  public init(_ upstream: any DNSResolver) {
    self.upstream = upstream
  }

  /// The remembered outcome of `question`, asking upstream on the first call.
  public func resolve(_ question: DNSQuestion) async throws(DNSError) -> [DNSRecordData] {
    questionsAsked += 1
    let entry: Task<Result<[DNSRecordData], DNSError>, Never>
    if let existing = entries[question] {
      entry = existing
    } else {
      queriesSent += 1
      let upstream = upstream
      entry = Task { await upstream.outcome(of: question) }
      entries[question] = entry
    }
    return try await entry.value.get()
  }

  /// The questions asked upstream so far, in no particular order.
  public var cachedQuestions: [DNSQuestion] { Array(entries.keys) }
}
