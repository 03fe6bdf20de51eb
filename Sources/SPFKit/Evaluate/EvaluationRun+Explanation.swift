/// The explanation of a fail: the `exp` modifier (RFC 7208 §6.2).
extension EvaluationRun {
  /// Fetches and expands the explanation named by the record's `exp=`. Any problem (a name no query
  /// can carry, a DNS error, not exactly one TXT record, a syntax error in the text) means no
  /// explanation. The lookup counts neither as a lookup nor as a void lookup (§4.6.4).
  mutating func explain(_ record: SPFRecord, context: MacroContext, depth: Int) async -> String? {
    guard let spec = record.explanation else { return nil }
    let index = beginStep(depth: depth, domain: context.domain, term: Modifier.explanation(spec).description)
    func ignore(_ why: String) -> String? {
      finishStep(index, .ignored(detail: why + ": the explanation is ignored (RFC 7208 §6.2)"))
      return nil
    }
    var context = context
    if spec.macroString.uses(.validatedDomain) { context.validatedDomain = await validatedDomain(for: context) }
    let name = MacroExpander.targetName(spec, in: context)
    setTarget(name, step: index)
    if let problem = DomainName.problem(name) { return ignore(problem) }
    let records: [DNSRecordData]
    switch await query(name, .txt) {
    case .records(let found): records = found
    case .void(let what): return ignore("'\(name)': \(what)")
    case .failure(let error): return ignore("TXT lookup of '\(name)' failed: \(error)")
    }
    guard records.count == 1, case .txt(let txt) = records[0] else {
      return ignore("'\(name)' has \(records.count) TXT records, not one")
    }
    guard let text = MacroString.parseExplanation(txt.joined) else {
      return ignore("the TXT record of '\(name)' is not a valid explanation string")
    }
    if text.uses(.validatedDomain), !spec.macroString.uses(.validatedDomain) {
      context.validatedDomain = await validatedDomain(for: context)
    }
    let explanation = MacroExpander.expand(text, in: context)
    finishStep(index, .explained(text: explanation))
    return explanation
  }
}
