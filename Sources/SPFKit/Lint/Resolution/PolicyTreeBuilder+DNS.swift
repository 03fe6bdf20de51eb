/// Naming targets, asking questions and reading policies for `PolicyTreeBuilder`.
extension PolicyTreeBuilder {
  /// The name a term queries, or why it is not queried.
  enum Target: Hashable {
    case name(String)
    case skip(LookupSkip)
  }

  /// The name a term queries at the policy of `domain` (RFC 7208 §4.6.4, §7.3), or why it cannot be
  /// named before a message arrives.
  static func target(of term: Term, at domain: String?) -> Target {
    let spec: DomainSpec?
    switch term.kind {
    case .directive(let directive):
      guard directive.mechanism.kind != .ptr else { return .skip(.ptr) }
      spec = directive.mechanism.domainSpec
    case .modifier(.redirect(let target)): spec = target
    default: return .skip(.invalidName("'\(term)' queries nothing"))
    }
    guard let spec else { return domain.map { .name($0) } ?? .skip(.unknownDomain) }
    var usesDomain = false
    for case .expand(let expansion) in spec.macroString.parts {
      guard expansion.letter == .domain else { return .skip(.dependsOnMessage(expansion.description)) }
      usesDomain = true
    }
    if usesDomain, domain == nil { return .skip(.unknownDomain) }
    let context = MacroContext(
      sender: "", localPart: "", senderDomain: "", domain: domain ?? "",
      clientIP: .v4(IPv4Address(0, 0, 0, 0)), helo: "")
    let name = MacroExpander.targetName(spec, in: context)
    if let problem = DomainName.problem(name) { return .skip(.invalidName(problem)) }
    return .name(DNSQuestion.normalize(name))
  }

  /// The policy a TXT answer holds (RFC 7208 §4.4, §4.5), and its lookups when there is one record.
  static func policy(_ result: Result<[DNSRecordData], DNSError>) -> (PolicyOutcome, [PolicyLookup]) {
    let records: [DNSRecordData]
    switch result {
    case .failure(.nameError): return (.noRecord(.nameError), [])
    case .failure(let error): return (.failed(error), [])
    case .success(let found): records = found
    }
    let txts = records.compactMap { if case .txt(let txt) = $0 { txt } else { nil } }
    let selected = txts.filter { SPFRecord.isSelected($0.joined) }
    guard !txts.isEmpty else { return (.noRecord(.noTXTRecords), []) }
    guard let txt = selected.first else { return (.noRecord(.noSPFRecord(txtRecords: txts.count)), []) }
    guard selected.count == 1 else { return (.multipleRecords(selected.count), []) }
    let parsed = SPFParser.parse(txt.joined)
    return (.record(txt, syntaxErrors: parsed.issues.count), lookups(of: parsed.record, in: txt))
  }

  /// Asks every question, at most `concurrency` at once; the answers, by question.
  static func ask(_ questions: [DNSQuestion], resolver: CachingResolver, concurrency: Int) async
    -> [DNSQuestion: Result<[DNSRecordData], DNSError>]
  {
    guard !questions.isEmpty else { return [:] }
    return await withTaskGroup(of: (DNSQuestion, Result<[DNSRecordData], DNSError>).self) { group in
      var pending = questions[...]
      func start(_ question: DNSQuestion) {
        group.addTask {
          // The pair is formed after the await, never inside a do/catch: see `outcome(of:)` for the
          // Swift 6.3.1 -O miscompile this shape triggers (issue 9). Do not fold it back.
          let outcome = await resolver.outcome(of: question)
          return (question, outcome)
        }
      }
      for question in pending.prefix(concurrency) { start(question) }
      pending = pending.dropFirst(concurrency)
      var results: [DNSQuestion: Result<[DNSRecordData], DNSError>] = [:]
      while let (question, result) = await group.next() {
        results[question] = result
        if let next = pending.popFirst() { start(next) }
      }
      return results
    }
  }
}
