/// Initial processing, record lookup and selection (RFC 7208 §4.3–§4.6).
extension EvaluationRun {
  /// A record to evaluate, or the verdict that ends `check_host()` before any term.
  enum RecordLookup {
    case found(SPFRecord)
    case done(Verdict)
  }

  /// Checks the domain (§4.3), fetches its TXT records (§4.4), selects the one SPF record (§4.5) and
  /// rejects it if it has any syntax error (§4.6). Only TXT is queried, never type 99 (§3.1).
  mutating func lookupRecord(domain: String, depth: Int) async -> RecordLookup {
    func done(_ result: SPFResult, _ reason: String) -> RecordLookup {
      let outcome: TraceOutcome = result.isError ? .error(result, detail: reason) : .result(result, detail: reason)
      let index = appendStep(TraceStep(depth: depth, domain: domain, term: nil, outcome: outcome))
      return .done(Verdict(result: result, reason: reason, decidingStep: index))
    }
    if let problem = DomainName.initialProblem(domain) { return done(.none, "\(problem) (RFC 7208 §4.3)") }
    let records: [DNSRecordData]
    switch await query(domain, .txt) {
    case .records(let found): records = found
    case .void(let what): return done(.none, "no SPF record at '\(domain)': \(what)")
    case .failure(let error): return done(.temperror, "TXT lookup of '\(domain)' failed: \(error)")
    }
    var selected: [TXTRecord] = []
    for case .txt(let txt) in records where SPFRecord.isSelected(txt.joined) { selected.append(txt) }
    guard let txt = selected.first else { return done(.none, "no SPF record at '\(domain)'") }
    guard selected.count == 1 else {
      let count = selected.count
      return done(.permerror, "\(count) SPF records at '\(domain)': a domain may publish only one (RFC 7208 §4.5)")
    }
    let parsed = SPFParser.parse(txt.joined)
    if let issue = parsed.issues.first {
      return done(.permerror, "syntax error in the record of '\(domain)': \(issue.message) (RFC 7208 §4.6)")
    }
    if let problem = Self.duplicateModifier(parsed.record) {
      return done(.permerror, "\(problem) in the record of '\(domain)' (RFC 7208 §6)")
    }
    appendStep(TraceStep(depth: depth, domain: domain, term: nil, outcome: .selected(record: txt.text)))
    return .found(parsed.record)
  }

  /// `redirect` or `exp` written more than once: a permerror (RFC 7208 §6).
  static func duplicateModifier(_ record: SPFRecord) -> String? {
    var redirects = 0
    var explanations = 0
    for term in record.terms {
      switch term.modifier {
      case .redirect?: redirects += 1
      case .explanation?: explanations += 1
      default: break
      }
    }
    if redirects > 1 { return "'redirect' appears \(redirects) times" }
    if explanations > 1 { return "'exp' appears \(explanations) times" }
    return nil
  }
}
