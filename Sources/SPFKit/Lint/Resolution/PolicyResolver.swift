/// Resolves the include trees of SPF records over DNS for the DNS lint rules (RFC 7208 §4.6.4).
///
/// Starting from records given (the TXT records of a `--domain`, or `--resolve` arguments), it reads
/// every policy reached through `include` and `redirect` (redirect only when the record has no
/// `all`), and queries the targets of `a`, `mx` and `exists` to learn which lookups are void. The
/// policies of one depth are resolved together, siblings concurrently; every DNS question goes
/// through one `CachingResolver`, so a run asks each question once, however often the tree names it.
///
/// Targets with macros are expanded when they use `%{d}` only; a target that depends on the message
/// (`%{i}`, `%{s}`, ...) is not queried and says so (`LookupSkip`). Resolution is bounded by `Limits`.
public struct PolicyResolver: Sendable {
  /// The bounds of one tree: past them, the tree is cut and its counts are lower bounds.
  public struct Limits: Hashable, Sendable {
    /// How many includes and redirects may lie between the root and a policy that is read. A chain
    /// of 10 already costs 10 lookups, so a deeper one is over the limit whatever else it holds.
    public var depth: Int
    /// How many policies one tree may hold, the root included.
    public var policies: Int
    /// How many distinct DNS questions one tree may ask.
    public var queries: Int
    /// How many questions may be in flight at once.
    public var concurrency: Int

    /// Creates limits; the defaults are well past what any policy within the RFC 7208 §4.6.4 limits
    /// needs (at most 10 includes, each of up to 10 MX or A terms).
    public init(depth: Int = 10, policies: Int = 100, queries: Int = 500, concurrency: Int = 16) {
      self.depth = depth
      self.policies = policies
      self.queries = queries
      self.concurrency = max(1, concurrency)
    }
  }

  /// The cache every question goes through: one per run.
  public let cache: CachingResolver
  /// The bounds of each tree.
  public let limits: Limits

  /// Creates a resolver asking `resolver` through a cache; a `CachingResolver` is used as it is, so
  /// several resolvers (one per domain) can share one run's cache.
  public init(_ resolver: any DNSResolver, limits: Limits = Limits()) {
    cache = resolver as? CachingResolver ?? CachingResolver(resolver)
    self.limits = limits
  }

  /// Every TXT record published at `name`, SPF or not, in the order DNS returned them; empty when the
  /// name exists without TXT records.
  ///
  /// - Throws: the `DNSError` of the query, `nameError` included.
  public func txtRecords(at name: String) async throws(DNSError) -> [TXTRecord] {
    try await cache.resolve(DNSQuestion(name: name, type: .txt)).compactMap {
      if case .txt(let txt) = $0 { txt } else { nil }
    }
  }

  /// The facts for the TXT records published at one name: the include tree of each record a receiver
  /// selects as SPF (RFC 7208 §4.5), keyed by the record's index in `records`.
  ///
  /// - Parameter name: the owner name, which `%{d}` and a bare `a` or `mx` stand for; nil when unknown.
  public func resolve(_ records: [TXTRecord], name: String?) async -> ResolutionFacts {
    let name = name.map(DNSQuestion.normalize)
    var trees: [Int: PolicyTree] = [:]
    for (index, record) in records.enumerated() where SPFRecord.isSelected(record.joined) {
      trees[index] = await tree(of: record, name: name)
    }
    return ResolutionFacts(name: name, trees: trees)
  }

  /// The include tree of one record published at `name`.
  public func tree(of record: TXTRecord, name: String?) async -> PolicyTree {
    var builder = PolicyTreeBuilder(limits: limits)
    return await builder.build(root: record, name: name.map(DNSQuestion.normalize), resolver: cache)
  }
}
