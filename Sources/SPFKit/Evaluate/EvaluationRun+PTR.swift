/// Reverse names: the `ptr` mechanism (RFC 7208 §5.5) and the `%{p}` macro (§7.3).
extension EvaluationRun {
  /// `ptr` (§5.5): a name of the client IP's PTR records that is the target or under it and whose
  /// A (or AAAA) records include the client IP. Only the first `ptrNameLimit` names are used
  /// (§4.6.4); a failed PTR lookup is no match, and a name whose lookup fails is skipped.
  mutating func matchPTR(_ spec: DomainSpec?, context: MacroContext, step: Int) async -> MechanismOutcome {
    if let exceeded = spendLookup(step: step) { return .error(.permerror, exceeded) }
    let target = await expandTarget(spec, context: context, step: step)
    let ip = context.clientIP
    let reverse = ip.reverseName
    let names: [String]
    switch await query(reverse, .ptr) {
    case .failure(let error):
      return .notMatched("PTR lookup of '\(reverse)' failed: \(error), so 'ptr' does not match (RFC 7208 §5.5)")
    case .void(let what):
      if let exceeded = recordVoidLookup(reverse, step: step) { return .error(.permerror, exceeded) }
      return .notMatched("'\(reverse)': \(what)")
    case .records(let records): names = ptrNames(records)
    }
    // Validating only the names under the target gives the same result with fewer queries.
    let candidates = names.filter { DomainName.isSubdomain($0, of: target) }
    for (name, answer) in zip(candidates, await queryAll(candidates, ip.addressRecordType)) {
      if case .records(let addresses) = answer, addresses.contains(where: ip.equals) {
        return .matched("'\(name)' is a validated name of \(ip) in '\(target)'")
      }
    }
    return .notMatched("no validated name of \(ip) is in '\(target)' (PTR names checked: \(names.count))")
  }

  /// `%{p}` (§7.3): the domain itself if validated, else a validated subdomain of it, else any
  /// validated name, else `unknown`. The lookups are done once per evaluation and not counted.
  mutating func validatedDomain(for context: MacroContext) async -> String {
    if validatedNames == nil { validatedNames = await lookupValidatedNames(of: context.clientIP) }
    let names = validatedNames ?? []
    let domain = DNSQuestion.normalize(context.domain)
    if let exact = names.first(where: { DNSQuestion.normalize($0) == domain }) { return exact }
    if let subdomain = names.first(where: { DomainName.isSubdomain($0, of: domain) }) { return subdomain }
    return names.first ?? "unknown"
  }

  /// The names of the client IP's PTR records whose address records include the client IP.
  private func lookupValidatedNames(of ip: IPAddress) async -> [String] {
    guard case .records(let records) = await query(ip.reverseName, .ptr) else { return [] }
    let names = ptrNames(records)
    return zip(names, await queryAll(names, ip.addressRecordType)).compactMap { name, answer in
      guard case .records(let addresses) = answer, addresses.contains(where: ip.equals) else { return nil }
      return name
    }
  }

  /// The first `ptrNameLimit` PTR names that a query can carry, without trailing dots (§4.6.4).
  private func ptrNames(_ records: [DNSRecordData]) -> [String] {
    let names = records.compactMap { record -> String? in
      guard case .ptr(let name) = record else { return nil }
      return DomainName.withoutTrailingDot(name)
    }
    return names.prefix(max(0, settings.ptrNameLimit)).filter { DomainName.problem($0) == nil }
  }
}
