/// The mechanisms that match addresses: ip4, ip6, a, mx, exists (RFC 7208 §5.3, §5.4, §5.6, §5.7).
extension EvaluationRun {
  /// What fetching a mechanism's records gave: records, or the outcome that ends the mechanism.
  enum Fetch {
    case records([DNSRecordData])
    case outcome(MechanismOutcome)
  }

  /// `ip4` (§5.6): an IPv4 client (IPv4-mapped included, §5) inside the network.
  func matchIP4(_ network: IPv4Network, context: MacroContext) -> MechanismOutcome {
    guard case .v4(let address) = context.clientIP else { return .notMatched("the client is IPv6") }
    return network.contains(address)
      ? .matched("\(address) is in \(network.masked)")
      : .notMatched("\(address) is not in \(network.masked)")
  }

  /// `ip6` (§5.6): an IPv6 client that is not IPv4-mapped, inside the network.
  func matchIP6(_ network: IPv6Network, context: MacroContext) -> MechanismOutcome {
    guard case .v6(let address) = context.clientIP else { return .notMatched("the client is IPv4") }
    return network.contains(address)
      ? .matched("\(address) is in \(network.masked)")
      : .notMatched("\(address) is not in \(network.masked)")
  }

  /// `a` (§5.3): an A (or AAAA) record of the target in the client's network at the CIDR length.
  mutating func matchA(_ spec: DomainSpec?, cidr: DualCIDR, context: MacroContext, step: Int) async
    -> MechanismOutcome
  {
    if let exceeded = spendLookup(step: step) { return .error(.permerror, exceeded) }
    let name = await expandTarget(spec, context: context, step: step)
    let ip = context.clientIP
    switch await fetch(name, ip.addressRecordType, step: step) {
    case .outcome(let outcome): return outcome
    case .records(let records):
      if let record = records.first(where: { ip.isInNetwork(of: $0, cidr: cidr) }) {
        return .matched("\(ip) is in \(Self.network(of: record, cidr: cidr)) of '\(name)'")
      }
      return .notMatched("\(ip) is in no network of the \(records.count) addresses of '\(name)'")
    }
  }

  /// `mx` (§5.4): an address of one of the target's MX hosts in the client's network. More than
  /// `mxNameLimit` MX names is a permerror (§4.6.4); the address lookups do not count as lookups.
  mutating func matchMX(_ spec: DomainSpec?, cidr: DualCIDR, context: MacroContext, step: Int) async
    -> MechanismOutcome
  {
    if let exceeded = spendLookup(step: step) { return .error(.permerror, exceeded) }
    let name = await expandTarget(spec, context: context, step: step)
    let records: [DNSRecordData]
    switch await fetch(name, .mx, step: step) {
    case .outcome(let outcome): return outcome
    case .records(let found): records = found
    }
    let exchanges = records.compactMap { record -> String? in
      guard case .mx(_, let exchange) = record else { return nil }
      return DomainName.withoutTrailingDot(exchange)
    }
    guard exchanges.count <= settings.mxNameLimit else {
      return .error(
        .permerror,
        "'\(name)' has \(exchanges.count) MX records: at most \(settings.mxNameLimit) "
          + "may be looked up (RFC 7208 §4.6.4)")
    }
    // A null MX (RFC 7505) and names no query can carry have no addresses.
    let hosts = exchanges.filter { $0 != "." && DomainName.problem($0) == nil }
    let ip = context.clientIP
    for (host, answer) in zip(hosts, await queryAll(hosts, ip.addressRecordType)) {
      switch answer {
      case .void: continue
      case .failure(let error):
        return .error(.temperror, "\(ip.addressRecordType.rawValue) lookup of MX host '\(host)' failed: \(error)")
      case .records(let addresses):
        if let record = addresses.first(where: { ip.isInNetwork(of: $0, cidr: cidr) }) {
          return .matched("\(ip) is in \(Self.network(of: record, cidr: cidr)) of MX host '\(host)'")
        }
      }
    }
    return .notMatched("\(ip) is in no network of the \(hosts.count) MX hosts of '\(name)'")
  }

  /// `exists` (§5.7): the target has an A record, whatever the client's family.
  mutating func matchExists(_ spec: DomainSpec, context: MacroContext, step: Int) async -> MechanismOutcome {
    if let exceeded = spendLookup(step: step) { return .error(.permerror, exceeded) }
    let name = await expandTarget(spec, context: context, step: step)
    switch await fetch(name, .a, step: step) {
    case .outcome(let outcome): return outcome
    case .records: return .matched("'\(name)' has an A record")
    }
  }

  /// Expands a mechanism's domain-spec, or takes `<domain>` when there is none (§4.6.4, §7.3), and
  /// records the name on the step.
  mutating func expandTarget(_ spec: DomainSpec?, context: MacroContext, step: Int) async -> String {
    var name = context.domain
    if let spec {
      var context = context
      if spec.macroString.uses(.validatedDomain) { context.validatedDomain = await validatedDomain(for: context) }
      name = MacroExpander.targetName(spec, in: context)
    }
    setTarget(name, step: step)
    return name
  }

  /// Queries `name` for a mechanism (§5): a name no query can carry or a void answer is no match and
  /// a void lookup (§4.6.4); any other error is a temperror.
  mutating func fetch(_ name: String, _ type: DNSRecordType, step: Int) async -> Fetch {
    let answer: Answer
    if let problem = DomainName.problem(name) {
      answer = .void(problem + ": treated as a name that does not exist")
    } else {
      answer = await query(name, type)
    }
    switch answer {
    case .records(let records): return .records(records)
    case .failure(let error):
      return .outcome(.error(.temperror, "\(type.rawValue) lookup of '\(name)' failed: \(error)"))
    case .void(let what):
      if let exceeded = recordVoidLookup(name, step: step) { return .outcome(.error(.permerror, exceeded)) }
      return .outcome(.notMatched("'\(name)': \(what)"))
    }
  }

  /// The network an address record stands for at the CIDR length, for the trace.
  static func network(of record: DNSRecordData, cidr: DualCIDR) -> String {
    switch record {
    case .a(let address): IPv4Network(address: address, prefixLength: cidr.ip4 ?? 32).masked.description
    case .aaaa(let address): IPv6Network(address: address, prefixLength: cidr.ip6 ?? 128).masked.description
    default: "?"
    }
  }
}
