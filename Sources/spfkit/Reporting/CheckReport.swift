import SPFKit

/// What `spfkit check` says about one evaluation, read from its trace: the step that decided (followed
/// into includes and redirects), the path to it, and the terms that did not match before it.
struct CheckReport {
  /// What was checked.
  let request: CheckHostRequest
  /// What `check_host()` gave.
  let outcome: CheckHostResult
  /// The limits the evaluation ran with.
  let settings: EvaluationSettings
  /// The index of the step where the result arose: inside the include or redirect that passed it on;
  /// nil when no step decided.
  let decidingIndex: Int?
  /// The indices of the include and redirect steps from the checked domain down to `decidingIndex`.
  let pathIndices: [Int]
  /// The DNS servers asked and the time allowed, for a note on a temperror.
  var dnsSetting: String? = nil

  private var steps: [TraceStep] { outcome.trace.steps }

  init(request: CheckHostRequest, outcome: CheckHostResult, settings: EvaluationSettings) {
    self.request = request
    self.outcome = outcome
    self.settings = settings
    let trace = outcome.trace
    let deciding = trace.decidingStep.map { CheckReport.origin(of: $0, in: trace.steps) }
    decidingIndex = deciding
    pathIndices = deciding.map { CheckReport.ancestors(of: $0, in: trace.steps) } ?? []
  }

  /// The step where the result arose, if one did.
  var deciding: TraceStep? { decidingIndex.map { steps[$0] } }

  /// `'TERM' at DOMAIN`, with the depth when inside an include or redirect; nil when a record lookup
  /// or the default result decided.
  var decidingTerm: String? {
    guard let step = deciding, let term = step.term else { return nil }
    return "'\(term)' at \(step.domain)" + (step.depth > 0 ? " (depth \(step.depth))" : "")
  }

  /// The checked domain and the include and redirect terms leading to the deciding step; empty when
  /// it is in the checked domain's record.
  var path: [String] {
    guard !pathIndices.isEmpty else { return [] }
    return [request.domain] + pathIndices.map { steps[$0].term ?? steps[$0].domain }
  }

  /// One line: what the result means for this client and domain (RFC 7208 §2.6).
  var headline: String {
    let (ip, domain) = (request.clientIP.description, request.domain)
    switch outcome.result {
    case .pass: return "\(ip) is authorized to send mail for \(domain)"
    case .fail: return "\(ip) is not authorized to send mail for \(domain)"
    case .softfail: return "\(ip) is probably not authorized to send mail for \(domain)"
    case .neutral: return "\(domain) states nothing about \(ip)"
    case .none: return "no SPF policy applies to \(domain)"
    case .temperror: return "a DNS error stopped the evaluation of \(domain); a later retry may succeed"
    case .permerror: return "the SPF policy of \(domain) cannot be interpreted"
    }
  }

  /// Why: for a result no term passed, every term that did not match and the one that decided; else
  /// the deciding step's own reason.
  var why: String {
    guard let index = decidingIndex else { return outcome.reason }
    let step = steps[index]
    switch step.outcome {
    case .matched(let result, let detail) where result != .pass:
      let term = step.term ?? ""
      return unmatchedPrefix + "'\(term)' gives \(result)" + (CheckReport.isAll(term) ? "" : ": \(detail)")
    case .result(.neutral, _) where step.term == nil:
      return unmatchedPrefix + "no term matched: the default result is neutral (RFC 7208 §4.7)"
    default:
      return step.outcome.detail.isEmpty ? outcome.reason : step.outcome.detail
    }
  }

  /// `IP is not in any of: TERM, TERM (softfail), ... → `, or nothing when no term came first.
  private var unmatchedPrefix: String {
    let terms = unmatchedTerms
    guard !terms.isEmpty else { return "→ " }
    return "\(request.clientIP) is not in any of: " + terms.joined(separator: ", ") + " → "
  }

  /// The terms evaluated without a match before the deciding step, level by level through redirects
  /// (a redirect is shown as `redirect=NAME:` before the terms of its target); an include is annotated
  /// with what its policy gave, a void lookup as such.
  var unmatchedTerms: [String] {
    guard let index = decidingIndex else { return [] }
    var terms: [String] = []
    var heading: String? = nil
    var start = 0
    for end in pathIndices + [index] {
      let depth = steps[end].depth
      for position in start..<end where steps[position].depth == depth {
        guard case .notMatched = steps[position].outcome, let term = steps[position].term else { continue }
        terms.append((heading.map { $0 + " " } ?? "") + term + annotation(of: position))
        heading = nil
      }
      if let heading { terms.append(heading) }
      heading = end == index ? nil : (steps[end].term ?? "") + ":"
      start = end + 1
    }
    return terms
  }

  /// ` (RESULT)` for an include, ` (void lookup)` for a term whose answer was empty, else nothing.
  private func annotation(of index: Int) -> String {
    if let nested = CheckReport.nestedResult(of: index, in: steps) { return " (\(nested))" }
    return steps[index].voidLookups > 0 ? " (void lookup)" : ""
  }

  /// `lookups: 3/10, void lookups: 0/2, DNS queries: 6`.
  var counts: String {
    let trace = outcome.trace
    return "lookups: \(trace.lookupCount)/\(trace.lookupLimit), void lookups: \(trace.voidLookupCount)/"
      + "\(trace.voidLookupLimit), DNS queries: \(trace.queryCount)"
  }

  /// Notes: on the lookup limit when it was changed with `--max-lookups` or crossed, on the DNS servers
  /// after a temperror.
  var notes: [String] {
    var notes = limitNote.map { [$0] } ?? []
    if outcome.result == .temperror, let dnsSetting { notes.append("DNS: \(dnsSetting)") }
    return notes
  }

  /// A note on the lookup limit when it was changed with `--max-lookups` or crossed.
  private var limitNote: String? {
    let (used, limit, rfc) = (outcome.trace.lookupCount, settings.lookupLimit, EvaluationSettings.rfcLookupLimit)
    if limit != rfc {
      let over = used > rfc ? ": this policy uses \(used), so receivers return permerror" : ""
      return "evaluated with at most \(limit) DNS lookups (--max-lookups); RFC 7208 §4.6.4 allows \(rfc)\(over)"
    }
    guard outcome.result == .permerror, used > limit else { return nil }
    return "receivers stop at \(limit) DNS lookups; '--max-lookups' evaluates further as a what-if"
  }
}
