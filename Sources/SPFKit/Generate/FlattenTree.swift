/// Reads the SPF tree below a domain for the flattener: each record selected as `check_host()`
/// selects it (the evaluator's own selection), each include and redirect target read once, and
/// each term turned into the exact addresses it matches where that does not depend on the client.
///
/// Lookups are counted as RFC 7208 §4.6.4 and lint count them: worst case, every term before `all`
/// evaluated, through every include and redirect.
struct FlattenTree {
  /// What the tree below one include or redirect target gives.
  struct Subtree: Sendable {
    /// DNS lookups below the target (the include or redirect itself not counted).
    var lookups: Int
    /// The target's policy, or why it cannot be flattened.
    var policy: Result<FlatPolicy, FlattenObstacle>
    /// The domains the policy copies, the target first.
    var domains: [String]
  }

  /// The most records one flattening reads: providers publish a handful, so this only bounds a
  /// hostile tree.
  static let maximumRecords = 256

  /// Where answers come from; a caching resolver, so a name asked twice is queried once.
  let resolver: any DNSResolver
  /// Targets to keep, normalized (`DNSQuestion.normalize`).
  let keptNames: Set<String>
  /// Whether `a` and `mx` become networks.
  let flattensAddressMechanisms: Bool
  /// Targets already read, by normalized name.
  private var subtrees: [String: Subtree] = [:]
  /// Records read so far.
  private var recordsRead = 0
  /// The kept names met as include or redirect targets.
  private(set) var keptNamesMet: Set<String> = []

  init(resolver: any DNSResolver, keptNames: Set<String>, flattensAddressMechanisms: Bool) {
    self.resolver = resolver
    self.keptNames = keptNames
    self.flattensAddressMechanisms = flattensAddressMechanisms
  }

  /// Selects the record at `domain` (RFC 7208 §4.3–§4.6) and walks it; `path` holds the normalized
  /// names of the include/redirect chain above it.
  mutating func walk(domain: String, path: [String]) async -> Result<WalkedRecord, FlattenObstacle> {
    guard recordsRead < FlattenTree.maximumRecords else { return .failure(.tooManyRecords(FlattenTree.maximumRecords)) }
    recordsRead += 1
    switch await EvaluationRun.selectRecord(domain: domain, resolver: resolver) {
    case .ended(let result, let reason):
      return .failure(.unusableRecord(domain: domain, result: result, reason: reason))
    case .selected(let record, _):
      return .success(await walk(record, domain: domain, path: path + [DNSQuestion.normalize(domain)]))
    }
  }

  /// Walks the directives up to the first `all`, then `redirect` when there is no `all`.
  private mutating func walk(_ record: SPFRecord, domain: String, path: [String]) async -> WalkedRecord {
    var walked = WalkedRecord(domain: domain, record: record, lookups: RecordLookups(record).count, domains: [domain])
    for directive in record.directives {
      if directive.mechanism == .all {
        walked.ending = .all(directive.qualifier)
        return walked
      }
      walked.terms.append(await walk(directive, in: &walked, path: path))
    }
    guard let spec = record.redirect else { return walked }
    let term = Modifier.redirect(spec).description
    let (target, lookups) = await follow(spec, term: term, at: domain, path: path)
    walked.lookups += lookups
    switch target {
    case .success(let (policy, domains)):
      walked.addDomains(domains)
      let source = FlattenedTerm(
        term: term, networks: policy.passSet.aggregated, lookups: 1 + lookups, domains: domains)
      walked.ending = .flattenedRedirect(policy, source)
    case .failure(let obstacle):
      walked.ending = .keptRedirect(spec, KeptTerm(term: term, lookups: 1 + lookups, reason: obstacle))
    }
    return walked
  }

  /// One directive: its addresses, or kept with the reason; lookups below it are added to `walked`.
  private mutating func walk(_ directive: Directive, in walked: inout WalkedRecord, path: [String]) async
    -> WalkedRecord.WalkedTerm
  {
    let term = directive.description
    let domain = walked.domain
    switch directive.mechanism {
    case .all: return .networks(directive, .everything, source: nil)
    case .ip4(let network): return .networks(directive, NetworkSet(ipv4: [network]), source: nil)
    case .ip6(let network): return .networks(directive, NetworkSet(ipv4: [], ipv6: [network]), source: nil)
    case .ptr, .exists:
      return .kept(directive, KeptTerm(term: term, lookups: 1, reason: .clientDependent(domain: domain, term: term)))
    case .a, .mx:
      switch await addresses(of: directive, at: domain) {
      case .success(let (set, names)):
        walked.addDomains(names)
        return .networks(
          directive, set, source: FlattenedTerm(term: term, networks: set.aggregated, lookups: 1, domains: names))
      case .failure(let obstacle):
        return .kept(directive, KeptTerm(term: term, lookups: 1, reason: obstacle))
      }
    case .include(let spec):
      let (target, lookups) = await follow(spec, term: term, at: domain, path: path)
      walked.lookups += lookups
      switch target {
      case .success(let (policy, domains)):
        walked.addDomains(domains)
        let set = policy.passSet
        let source = FlattenedTerm(term: term, networks: set.aggregated, lookups: 1 + lookups, domains: domains)
        return .networks(directive, set, source: source)
      case .failure(let obstacle):
        return .kept(directive, KeptTerm(term: term, lookups: 1 + lookups, reason: obstacle))
      }
    }
  }

  /// Follows an include or redirect target (RFC 7208 §5.2, §6.1): its policy and the domains it
  /// copies, or why it cannot be flattened; and the lookups below it.
  private mutating func follow(_ spec: DomainSpec, term: String, at domain: String, path: [String]) async
    -> (Result<(FlatPolicy, [String]), FlattenObstacle>, lookups: Int)
  {
    guard let literal = spec.literalName else { return (.failure(.macro(domain: domain, term: term)), 0) }
    let name = DomainName.queryName(literal)
    let key = DNSQuestion.normalize(name)
    if path.contains(key) { return (.failure(.loop(path + [key])), 0) }
    guard path.count <= EvaluationRun.maximumNesting else { return (.failure(.tooDeep(name)), 0) }
    let subtree: Subtree
    if let known = subtrees[key] {
      subtree = known
    } else {
      switch await walk(domain: name, path: path) {
      case .failure(let obstacle): subtree = Subtree(lookups: 0, policy: .failure(obstacle), domains: [])
      case .success(let walked):
        subtree = Subtree(lookups: walked.lookups, policy: walked.flattened, domains: walked.domains)
      }
      subtrees[key] = subtree
    }
    if keptNames.contains(key) {
      keptNamesMet.insert(key)
      return (.failure(.keptByRequest(name)), subtree.lookups)
    }
    return (subtree.policy.map { ($0, subtree.domains) }, subtree.lookups)
  }
}
