/// Initial processing, record lookup and selection (RFC 7208 §4.3–§4.6).
extension EvaluationRun {
  /// A record to evaluate, or the verdict that ends `check_host()` before any term.
  enum RecordLookup {
    case found(SPFRecord)
    case done(Verdict)
  }

  /// Checks the domain (§4.3), fetches its TXT records (§4.4), selects the one SPF record (§4.5) and
  /// rejects it if it has any syntax error (§4.6); records the outcome as a trace step.
  mutating func lookupRecord(domain: String, depth: Int) async -> RecordLookup {
    switch await Self.selectRecord(domain: domain, resolver: resolver) {
    case .selected(let record, let txt):
      appendStep(TraceStep(depth: depth, domain: domain, term: nil, outcome: .selected(record: txt.text)))
      return .found(record)
    case .ended(let result, let reason):
      let outcome: TraceOutcome = result.isError ? .error(result, detail: reason) : .result(result, detail: reason)
      let index = appendStep(TraceStep(depth: depth, domain: domain, term: nil, outcome: outcome))
      return .done(Verdict(result: result, reason: reason, decidingStep: index))
    }
  }

  /// What fetching and selecting a domain's SPF record gave (RFC 7208 §4.3–§4.6).
  enum RecordSelection {
    /// The one SPF record, parsed without error, and the TXT record it came from.
    case selected(SPFRecord, TXTRecord)
    /// `check_host()` ends before any term: `none` (no record, or no domain to check), `temperror`
    /// (the TXT lookup failed) or `permerror` (several records, a syntax error); the text says why.
    case ended(SPFResult, String)
  }

  /// The record selection of `check_host()` alone, without a trace or budget: checks the domain
  /// (§4.3), fetches its TXT records (§4.4), selects the one SPF record (§4.5) and rejects it if it
  /// has any syntax error or a repeated `redirect`/`exp` (§4.6, §6). Only TXT is queried, never type
  /// 99 (§3.1). Shared with the flattener, so both read a domain's policy the same way.
  static func selectRecord(domain: String, resolver: any DNSResolver) async -> RecordSelection {
    if let problem = DomainName.initialProblem(domain) { return .ended(.none, "\(problem) (RFC 7208 §4.3)") }
    let records: [DNSRecordData]
    switch await query(domain, .txt, resolver: resolver) {
    case .records(let found): records = found
    case .void(let what): return .ended(.none, "no SPF record at '\(domain)': \(what)")
    case .failure(let error): return .ended(.temperror, "TXT lookup of '\(domain)' failed: \(error)")
    }
    var selected: [TXTRecord] = []
    for case .txt(let txt) in records where SPFRecord.isSelected(txt.joined) { selected.append(txt) }
    guard let txt = selected.first else { return .ended(.none, "no SPF record at '\(domain)'") }
    guard selected.count == 1 else {
      let count = selected.count
      return .ended(.permerror, "\(count) SPF records at '\(domain)': a domain may publish only one (RFC 7208 §4.5)")
    }
    let parsed = SPFParser.parse(txt.joined)
    if let issue = parsed.issues.first {
      return .ended(.permerror, "syntax error in the record of '\(domain)': \(issue.message) (RFC 7208 §4.6)")
    }
    if let problem = duplicateModifier(parsed.record) {
      return .ended(.permerror, "\(problem) in the record of '\(domain)' (RFC 7208 §6)")
    }
    return .selected(parsed.record, txt)
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
