/// Flattens a domain's SPF policy: replaces includes (and, on request, `a` and `mx`) by the exact
/// networks they authorize, so the policy needs fewer DNS lookups (RFC 7208 §4.6.4).
///
/// The published tree is read the way `check_host()` reads it (the evaluator's record selection).
/// For each record, the addresses for which `check_host()` gives pass are computed exactly, walking
/// its terms in order with a "still undecided" set: `ip4`/`ip6` networks, an `include` matching its
/// target's pass set, `a`/`mx` their hosts' addresses at their prefix lengths, `all` everything,
/// and `redirect` applying its target's policy to what is left. A record can be flattened only if
/// every term in it can: `exists`, `ptr`, macros, `a`/`mx` without the option, DNS errors and loops
/// keep the include that leads to them, with all its lookups; so does `--keep-include`.
///
/// The result is laid out by the generator (one record or an include chain) with the original
/// `all` (or the redirect target's) and `exp`, and refused when it would change a result or need
/// more lookups than allowed. It copies the providers' addresses: it must be flattened again when
/// they change (`FlattenReport.watchedDomains`).
///
/// ```swift
/// let flattened = try await PolicyFlattener(resolver: resolver).flatten(FlattenOptions(domain: "example.com"))
/// print(flattened.policy.records.map(\.txt.text), flattened.report.lookupsBefore, flattened.report.lookupsAfter)
/// ```
public struct PolicyFlattener: Sendable {
  /// Where DNS answers come from: TXT, A, AAAA and MX questions.
  public var resolver: any DNSResolver

  /// Creates a flattener.
  public init(resolver: any DNSResolver) {
    self.resolver = resolver
  }

  /// Reads the policy of `options.domain` and flattens it.
  ///
  /// - Throws: `FlattenError`: `invalidDomain` and `invalidLookupLimit` for bad options;
  ///   `unusablePolicy` when the domain has no usable record; `reorderingChangesResults`;
  ///   `tooManyLookups` past `options.lookupLimit`; `generate` for a layout the generator refuses.
  public func flatten(_ options: FlattenOptions) async throws(FlattenError) -> FlattenedPolicy {
    let (domain, keptNames) = try options.validated()
    var tree = FlattenTree(
      resolver: CachingResolver(resolver), keptNames: keptNames,
      flattensAddressMechanisms: options.flattensAddressMechanisms)
    let top: WalkedRecord
    switch await tree.walk(domain: domain, path: []) {
    case .success(let walked): top = walked
    case .failure(.unusableRecord(_, let result, let reason)):
      throw .unusablePolicy(domain: domain, result: result, reason: reason)
    case .failure(let obstacle):
      throw .unusablePolicy(domain: domain, result: .permerror, reason: obstacle.description)
    }
    let plan = try FlattenPlan(top)
    var generateOptions = options.generateOptions
    generateOptions.domain = domain
    let policy: GeneratedPolicy
    do {
      policy = try PolicyGenerator.merge([ParsedRecord(record: plan.record, issues: [])], options: generateOptions)
    } catch {
      guard case .tooManyLookups(let terms, let chain) = error else { throw .generate(error) }
      throw .tooManyLookups(inRecords: terms + chain, throughKept: plan.keptTreeLookups, limit: options.lookupLimit)
    }
    let inRecords = policy.report.lookups
    guard inRecords + plan.keptTreeLookups <= options.lookupLimit else {
      throw .tooManyLookups(inRecords: inRecords, throughKept: plan.keptTreeLookups, limit: options.lookupLimit)
    }
    var watched: [String] = []
    for name in plan.flattened.flatMap(\.domains)
    where !watched.contains(where: { $0.lowercased() == name.lowercased() }) {
      watched.append(name)
    }
    let unmet = options.keptIncludes.filter { !tree.keptNamesMet.contains(DNSQuestion.normalize($0)) }
    let keptNotes = unmet.map { "'\($0)' is kept on request but no include or redirect in the tree names it" }
    let report = FlattenReport(
      lookupsBefore: top.lookups, lookupsAfter: inRecords + plan.keptTreeLookups, lookupLimit: options.lookupLimit,
      flattened: plan.flattened, kept: plan.kept, watchedDomains: watched,
      notes: plan.notes + policy.report.notes + keptNotes)
    return FlattenedPolicy(policy: policy, report: report)
  }
}
