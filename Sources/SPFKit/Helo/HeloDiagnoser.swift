/// Diagnoses a HELO name the way Postfix's HELO and client restrictions would judge it, and checks
/// SPF for the HELO identity (RFC 7208 §2.3).
public struct HeloDiagnoser: Sendable {
  /// Where names are looked up.
  public let resolver: any DNSResolver

  /// Creates a diagnoser.
  public init(resolver: any DNSResolver) { self.resolver = resolver }

  /// Diagnoses `name`, and with `client` its reverse DNS and the SPF HELO check.
  public func diagnose(_ name: String, client: IPAddress? = nil) async -> HeloDiagnosis {
    let syntax = HostnameSyntax(name)
    let host = DNSQuestion.normalize(name)
    var lookups: [HostLookup] = []
    if syntax.isHostName {
      async let a = LookupOutcome.of(DNSQuestion(name: host, type: .a), resolver)
      async let aaaa = LookupOutcome.of(DNSQuestion(name: host, type: .aaaa), resolver)
      async let mx = LookupOutcome.of(DNSQuestion(name: host, type: .mx), resolver)
      lookups = [
        HostLookup(name: host, type: .a, outcome: await a.0),
        HostLookup(name: host, type: .aaaa, outcome: await aaaa.0),
        HostLookup(name: host, type: .mx, outcome: await mx.0),
      ]
    }
    var verdicts = PostfixRules.heloVerdicts(name: name, syntax: syntax, lookups: lookups)
    var diagnosis = HeloDiagnosis(
      name: name, syntax: syntax, lookups: lookups, client: nil, spf: nil,
      verdicts: verdicts, suggestion: nil)
    guard let client else { return diagnosis }
    let clientPart = await diagnoseClient(client, helo: host)
    verdicts.append(PostfixRules.clientVerdict(clientPart))
    diagnosis.client = clientPart
    diagnosis.verdicts = verdicts
    if syntax.isHostName {
      let evaluator = SPFEvaluator(resolver: resolver)
      diagnosis.spf = await evaluator.checkHost(.helo(host, clientIP: client))
    }
    diagnosis.suggestion = suggestion(for: diagnosis, client: clientPart)
    return diagnosis
  }

  /// PTR names of the client and whether each resolves back to it.
  private func diagnoseClient(_ address: IPAddress, helo: String) async -> ClientDiagnosis {
    let address = address.unmapped
    let reverseName = address.reverseName
    let (outcome, records) = await LookupOutcome.of(DNSQuestion(name: reverseName, type: .ptr), resolver)
    let ptrNames = records.compactMap { if case .ptr(let name) = $0 { name } else { nil } }
    var names: [ReverseName] = []
    for ptr in ptrNames.prefix(10) {
      let type = address.addressRecordType
      let (forward, answers) = await LookupOutcome.of(DNSQuestion(name: ptr, type: type), resolver)
      let confirms = answers.contains(where: address.equals)
      names.append(
        ReverseName(
          name: DNSQuestion.normalize(ptr), forward: HostLookup(name: ptr, type: type, outcome: forward),
          confirmsClient: confirms))
    }
    let matches = names.contains { $0.confirmsClient && $0.name == helo }
    return ClientDiagnosis(
      address: address, reverse: HostLookup(name: reverseName, type: .ptr, outcome: outcome),
      names: names, heloIsConfirmedName: matches)
  }

  /// Suggests greeting with a forward-confirmed reverse name when the HELO name is not one.
  private func suggestion(for diagnosis: HeloDiagnosis, client: ClientDiagnosis) -> String? {
    guard !client.heloIsConfirmedName, let better = client.confirmedNames.first else { return nil }
    let reason =
      diagnosis.isAccepted
      ? "it is the forward-confirmed reverse name of \(client.address), which receivers that compare HELO with reverse DNS prefer"
      : "it is the forward-confirmed reverse name of \(client.address) and resolves back to it, so every check above would pass"
    return "greet with 'EHLO \(better)': \(reason)"
  }
}
