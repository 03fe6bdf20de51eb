/// `a` and `mx` as networks (`--flatten-a-mx`): the addresses they match today, for every client.
extension FlattenTree {
  /// The addresses `a` (RFC 7208 §5.3) or `mx` (§5.4) matches: each A record of the host (of each MX
  /// host) at the ip4 prefix length, each AAAA record at the ip6 one; and the names whose data they
  /// copy. A name that does not exist or has no records matches nothing, as in `check_host()`.
  func addresses(of directive: Directive, at domain: String) async -> Result<(NetworkSet, [String]), FlattenObstacle> {
    let term = directive.description
    guard flattensAddressMechanisms else { return .failure(.addressMechanism(domain: domain, term: term)) }
    let spec: DomainSpec?
    let cidr: DualCIDR
    let isMX: Bool
    switch directive.mechanism {
    case .a(let target, let lengths): (spec, cidr, isMX) = (target, lengths, false)
    case .mx(let target, let lengths): (spec, cidr, isMX) = (target, lengths, true)
    default: return .success((.empty, []))
    }
    var name = domain
    if let spec {
      guard let literal = spec.literalName else { return .failure(.macro(domain: domain, term: term)) }
      name = DomainName.queryName(literal)
    }
    var hosts = [name]
    if isMX {
      switch await exchanges(of: name) {
      case .success(let found): hosts = found
      case .failure(let failure):
        return .failure(
          .lookupFailed(domain: domain, term: term, reason: failure.reason, isTemporary: failure.isTemporary))
      }
    }
    var set = NetworkSet.empty
    for host in hosts {
      switch await hostAddresses(host, cidr: cidr) {
      case .success(let found): set = set.union(found)
      case .failure(let failure):
        return .failure(
          .lookupFailed(domain: domain, term: term, reason: failure.reason, isTemporary: failure.isTemporary))
      }
    }
    return .success((set, isMX ? [name] + hosts : [name]))
  }

  /// The MX hosts of `name` by preference, at most 10 (more is a permerror, RFC 7208 §4.6.4); a
  /// null MX (RFC 7505) and names no query can carry left out.
  private func exchanges(of name: String) async -> Result<[String], LookupFailure> {
    guard DomainName.problem(name) == nil else { return .success([]) }
    switch await EvaluationRun.query(name, .mx, resolver: resolver) {
    case .void: return .success([])
    case .failure(let error):
      return .failure(LookupFailure("MX lookup of '\(name)' failed: \(error)", isTemporary: true))
    case .records(let records):
      // Servers may rotate MX answers: in preference order, the report reads the same every run.
      let exchanges = records.compactMap { record -> (UInt16, String)? in
        guard case .mx(let preference, let exchange) = record else { return nil }
        return (preference, DomainName.withoutTrailingDot(exchange))
      }.sorted { $0 < $1 }.map(\.1)
      let limit = EvaluationSettings.rfcMXNameLimit
      guard exchanges.count <= limit else {
        return .failure(
          LookupFailure(
            "'\(name)' has \(exchanges.count) MX records: at most \(limit) may be looked up (RFC 7208 §4.6.4)"))
      }
      return .success(exchanges.filter { $0 != "." && DomainName.problem($0) == nil })
    }
  }

  /// The A and AAAA records of `host` as networks at the prefix lengths.
  private func hostAddresses(_ host: String, cidr: DualCIDR) async -> Result<NetworkSet, LookupFailure> {
    guard DomainName.problem(host) == nil else { return .success(.empty) }
    var ipv4: [IPv4Network] = []
    var ipv6: [IPv6Network] = []
    for type in [DNSRecordType.a, .aaaa] {
      switch await EvaluationRun.query(host, type, resolver: resolver) {
      case .void: continue
      case .failure(let error):
        return .failure(LookupFailure("\(type.rawValue) lookup of '\(host)' failed: \(error)", isTemporary: true))
      case .records(let records):
        for record in records {
          switch record {
          case .a(let address): ipv4.append(IPv4Network(address: address, prefixLength: cidr.ip4 ?? 32))
          case .aaaa(let address): ipv6.append(IPv6Network(address: address, prefixLength: cidr.ip6 ?? 128))
          default: break
          }
        }
      }
    }
    return .success(NetworkSet(ipv4: ipv4, ipv6: ipv6))
  }
}

/// Why an address lookup of `a` or `mx` cannot be flattened: a failed query or too many MX names.
struct LookupFailure: Error {
  /// What went wrong, lowercase.
  let reason: String
  /// Whether a later run may succeed: a DNS failure, not a permanent limit.
  let isTemporary: Bool

  init(_ reason: String, isTemporary: Bool = false) {
    self.reason = reason
    self.isTemporary = isTemporary
  }
}
