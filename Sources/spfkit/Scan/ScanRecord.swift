import SPFKit

/// What `spfkit scan` found for one domain: one line of its output.
struct ScanRecord: Sendable {
  /// How a domain's scan ended.
  enum Status: String, CaseIterable, Sendable {
    /// An SPF record with nothing worse than info findings.
    case ok
    /// An SPF record with warnings or errors.
    case findings
    /// The name exists but publishes no record that is or looks like SPF.
    case noSPF = "no-spf"
    /// The name does not exist (NXDOMAIN).
    case nxdomain
    /// DNS failed for the name or for a policy its record includes (SERVFAIL, REFUSED, timeout...):
    /// what DNS did answer is still linted, but the result is incomplete.
    case dnsError = "dns-error"
  }

  /// Position in the input among the scanned names, for `--ordered`.
  var sequence: Int
  /// The domain, lowercase without a trailing dot.
  var domain: String
  var status: Status
  /// The lint input (every TXT record at the name, ordered by text); nil when DNS gave none.
  var input: LintInput?
  /// What `lint --domain` reports for the name.
  var diagnostics: [Diagnostic] = []
  /// The worst-case lookup count (RFC 7208 §4.6.4) of the name's one SPF record, when it is known:
  /// nil without exactly one record or when DNS did not answer for the whole include tree.
  var lookups: Int?
  /// Why the name has no lint result or an incomplete one (`example.com TXT: SERVFAIL`).
  var reason: String?

  /// Whether any finding is an error.
  var hasError: Bool { diagnostics.contains { $0.severity == .error } }
}

/// Lints one domain as `lint --domain` does, through the scan's shared cache.
struct DomainScanner: Sendable {
  /// The answer cache shared by every domain of the scan.
  let cache: CachingResolver
  let linter: Linter
  /// How long one domain may spend on DNS.
  let deadline: Duration

  func scan(_ domain: String, sequence: Int) async -> ScanRecord {
    // A cache of its own keeps one domain's answers consistent (RFC 7208 §4.6.4) and ends its DNS at
    // its deadline, whatever the shared cache is doing for other domains.
    let resolver = PolicyResolver(DeadlineResolver(upstream: cache, end: ContinuousClock.now + deadline))
    var record = ScanRecord(sequence: sequence, domain: domain, status: .ok)
    let records: [TXTRecord]
    switch await txtRecords(at: domain, resolver) {
    case .failure(.nameError):
      record.status = .nxdomain
      record.reason = "\(domain) TXT: NXDOMAIN"
      return record
    case .failure(let error):
      record.status = .dnsError
      record.reason = "\(domain) TXT: \(error)"
      return record
    case .success(let found): records = found
    }
    guard let input = LintCommand.domainInput(domain, records: records) else {
      record.status = .noSPF
      record.reason = "\(domain) has no SPF record: \(LintCommand.missingSPF(records))"
      record.input = LintInput(name: domain, records: records, sources: records.map { _ in domain })
      return record
    }
    let facts = await resolver.resolve(input.records, name: domain)
    record.input = input
    record.diagnostics = linter.lint(LintContext(records: input.records, name: domain, resolution: facts))
    record.lookups = Self.lookupCount(facts)
    if let failure = facts.trees.values.lazy.compactMap(Self.firstFailure).first {
      record.status = .dnsError
      record.reason = failure
    } else {
      record.status = record.diagnostics.contains { $0.severity != .info } ? .findings : .ok
    }
    return record
  }

  private func txtRecords(at domain: String, _ resolver: PolicyResolver) async -> Result<[TXTRecord], DNSError> {
    do throws(DNSError) {
      return .success(try await resolver.txtRecords(at: domain))
    } catch {
      return .failure(error)
    }
  }

  /// The count of the one SPF record's tree when it is exact and within the resolution's bounds.
  static func lookupCount(_ facts: ResolutionFacts) -> Int? {
    guard facts.trees.count == 1, let tree = facts.trees.values.first, tree.isExact(), tree.boundsReached.isEmpty
    else { return nil }
    return tree.lookupCount()
  }

  /// The first query of a tree that failed (not NXDOMAIN or no data: those are answers), as
  /// `_spf.example.net TXT: SERVFAIL`.
  static func firstFailure(_ tree: PolicyTree) -> String? {
    for node in tree.nodes {
      if case .failed(let error) = node.outcome { return "\(node.name ?? "?") TXT: \(error)" }
      for lookup in node.lookups {
        if let query = lookup.failures.first { return "\(query.question): \(query.answer)" }
      }
    }
    return nil
  }
}

/// A resolver that fails every question asked after `end` with a timeout: one domain's deadline.
struct DeadlineResolver: DNSResolver {
  let upstream: any DNSResolver
  let end: ContinuousClock.Instant

  func resolve(_ question: DNSQuestion) async throws(DNSError) -> [DNSRecordData] {
    guard ContinuousClock.now < end else { throw .timeout }
    return try await upstream.resolve(question)
  }
}

/// A resolver that sends at most `queriesPerSecond` questions a second upstream, spaced evenly:
/// `--qps`.
struct PacedResolver: DNSResolver {
  let upstream: any DNSResolver
  let pacer: QueryPacer

  func resolve(_ question: DNSQuestion) async throws(DNSError) -> [DNSRecordData] {
    let start = await pacer.nextStart()
    if start > ContinuousClock.now { try? await Task.sleep(until: start, clock: .continuous) }
    return try await upstream.resolve(question)
  }
}

/// Hands out evenly spaced start times, one per query.
actor QueryPacer {
  private let interval: Duration
  private var next = ContinuousClock.now

  init(queriesPerSecond: Double) { interval = .nanoseconds(Int64(1e9 / queriesPerSecond)) }

  /// When the next query may start: now, or one interval after the previous one.
  func nextStart() -> ContinuousClock.Instant {
    let start = max(next, ContinuousClock.now)
    next = start + interval
    return start
  }
}
