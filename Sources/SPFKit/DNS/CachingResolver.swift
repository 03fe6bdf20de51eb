/// A resolver that asks its upstream at most once per distinct question and remembers the outcome.
///
/// Concurrent identical questions share one in-flight query. By default every outcome is kept for the
/// whole run, failures too (a timeout is not retried), so one run sees one consistent answer per
/// question, as RFC 7208 §4.6.4 counting assumes. A run over many domains (`spfkit scan`) bounds the
/// cache instead (`Bounds`): outcomes are kept in a `BoundedAnswerCache` that evicts, and transient
/// failures may be forgotten once answered, so a later domain asks again. `queriesSent` counts the
/// questions actually passed upstream, for benchmarks and traces.
public actor CachingResolver: DNSResolver {
  /// How much a cache keeps.
  public struct Bounds: Hashable, Sendable {
    /// The most outcomes kept.
    public var entries: Int
    /// The most estimated bytes kept (`BoundedAnswerCache.estimatedBytes(of:_:)`).
    public var bytes: Int
    /// Whether a failure other than NXDOMAIN (SERVFAIL, REFUSED, timeout...) is kept once answered;
    /// when false, only the questions already waiting for it share it.
    public var keepsTransientFailures: Bool

    /// Creates bounds.
    public init(entries: Int, bytes: Int = .max, keepsTransientFailures: Bool = true) {
      self.entries = entries
      self.bytes = bytes
      self.keepsTransientFailures = keepsTransientFailures
    }
  }

  /// The resolver asked on a cache miss.
  public nonisolated let upstream: any DNSResolver
  /// The bounds, or nil when the cache keeps everything.
  public nonisolated let bounds: Bounds?
  /// How many questions were passed upstream (cache misses).
  public private(set) var queriesSent = 0
  /// How many questions were asked of this resolver (hits and misses).
  public private(set) var questionsAsked = 0
  /// Queries in flight, shared by every question that waits for them.
  private var inFlight: [DNSQuestion: Task<Result<[DNSRecordData], DNSError>, Never>] = [:]
  /// Outcomes of an unbounded cache.
  private var kept: [DNSQuestion: Result<[DNSRecordData], DNSError>] = [:]
  /// Outcomes of a bounded cache.
  private var bounded: BoundedAnswerCache?

  /// Creates an empty cache in front of `upstream`; nil `bounds` keeps every outcome.
  public init(_ upstream: any DNSResolver, bounds: Bounds? = nil) {
    self.upstream = upstream
    self.bounds = bounds
    bounded = bounds.map { BoundedAnswerCache(maximumEntries: $0.entries, maximumBytes: $0.bytes) }
  }

  /// The remembered outcome of `question`, asking upstream when it is not kept.
  public func resolve(_ question: DNSQuestion) async throws(DNSError) -> [DNSRecordData] {
    questionsAsked += 1
    if let outcome = keptOutcome(of: question) { return try outcome.get() }
    let entry: Task<Result<[DNSRecordData], DNSError>, Never>
    if let existing = inFlight[question] {
      entry = existing
    } else {
      queriesSent += 1
      let upstream = upstream
      entry = Task { await upstream.outcome(of: question) }
      inFlight[question] = entry
    }
    let outcome = await entry.value
    // The first waiter to resume moves the outcome from in flight to kept.
    if inFlight[question] != nil {
      inFlight[question] = nil
      keep(outcome, for: question)
    }
    return try outcome.get()
  }

  private func keptOutcome(of question: DNSQuestion) -> Result<[DNSRecordData], DNSError>? {
    guard bounded != nil else { return kept[question] }
    return bounded?.outcome(of: question)
  }

  private func keep(_ outcome: Result<[DNSRecordData], DNSError>, for question: DNSQuestion) {
    guard let bounds else { return kept[question] = outcome }
    if case .failure(let error) = outcome, error != .nameError, !bounds.keepsTransientFailures { return }
    bounded?.insert(outcome, for: question)
  }

  /// The questions kept or in flight, in no particular order.
  public var cachedQuestions: [DNSQuestion] {
    Array(inFlight.keys) + (bounded?.questions ?? Array(kept.keys)).filter { inFlight[$0] == nil }
  }

  /// How many outcomes a bounded cache evicted to make room (0 for an unbounded one).
  public var evictions: Int { bounded?.evictions ?? 0 }

  /// The estimated bytes a bounded cache keeps now (0 for an unbounded one).
  public var keptBytes: Int { bounded?.bytes ?? 0 }
}
