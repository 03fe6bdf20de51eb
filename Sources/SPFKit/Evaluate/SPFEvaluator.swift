/// Evaluates SPF policies: `check_host()` of RFC 7208 §4–§7 against a DNS resolver.
///
/// The evaluator is pure: every DNS answer comes from `resolver`, and the clock and the receiver
/// name are inputs of the request. It never traps and always terminates: every limit of §4.6.4 is
/// enforced, include and redirect loops are detected, and nesting is bounded.
///
/// Where RFC 7208 leaves room, spfkit chooses:
/// - a target name no query can carry (an empty label, a label over 63 octets) is a name that does
///   not exist: no match, and a void lookup (§4.3, §4.8);
/// - a void lookup is one per term: the A/AAAA query of `a`, the MX query of `mx`, the PTR query of
///   `ptr`, the A query of `exists`; the address lookups behind `mx` and `ptr`, `exp` and `%{p}`
///   count neither as lookups nor as void lookups;
/// - more than 10 MX names is a permerror before any address is looked up (§4.6.4);
/// - an include or redirect back to a domain already being evaluated is a permerror at once: the
///   loop would reach any lookup limit;
/// - `%{i}` of an IPv6 client is lowercase nibbles, as in the §7.4 example.
///
/// ```swift
/// let evaluator = SPFEvaluator(resolver: resolver)
/// let request = CheckHostRequest.mailFrom("user@example.com", clientIP: ip, helo: "mail.example.com")
/// let outcome = await evaluator.checkHost(request)
/// print(outcome.result, outcome.trace)
/// ```
public struct SPFEvaluator: Sendable {
  /// Where DNS answers come from. Evaluation asks for TXT, A, AAAA, MX and PTR records only; the
  /// SPF type 99 is never queried (RFC 7208 §3.1, §4.4).
  public var resolver: any DNSResolver
  /// The limits and the default explanation.
  public var settings: EvaluationSettings

  /// Creates an evaluator.
  public init(resolver: any DNSResolver, settings: EvaluationSettings = EvaluationSettings()) {
    self.resolver = resolver
    self.settings = settings
  }

  /// Runs `check_host()` (RFC 7208 §4) for one request: the result, the explanation of a fail, and
  /// the trace of every step.
  ///
  /// Answers are cached for the run, so a name asked twice (an `a` and an `mx` on one host, one
  /// record included twice) is queried once and every term sees the same data.
  public func checkHost(_ request: CheckHostRequest) async -> CheckHostResult {
    let cache = CachingResolver(resolver)
    var run = EvaluationRun(resolver: cache, settings: settings, request: request)
    var outcome = await run.run()
    outcome.trace.queryCount = await cache.queriesSent
    return outcome
  }
}
