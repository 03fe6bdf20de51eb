/// The state of one `check_host()` evaluation (RFC 7208 §4): the lookup budget, the trace so far,
/// and answers computed once (`%{p}`).
struct EvaluationRun {
  let resolver: any DNSResolver
  let settings: EvaluationSettings
  let request: CheckHostRequest
  /// The macro values at the initial domain.
  let baseContext: MacroContext
  var budget: LookupBudget
  var steps: [TraceStep] = []
  /// The validated names of the client IP, once looked up for `%{p}` (§7.3).
  var validatedNames: [String]? = nil

  /// How deeply includes and redirects may nest, whatever the lookup limit: evaluation stays
  /// bounded when a caller raises the limit for a what-if run.
  static let maximumNesting = 64

  init(resolver: any DNSResolver, settings: EvaluationSettings, request: CheckHostRequest) {
    self.resolver = resolver
    self.settings = settings
    self.request = request
    var context = MacroContext(request: request)
    context.domain = DomainName.withoutTrailingDot(request.domain)
    baseContext = context
    budget = LookupBudget(settings: settings)
  }

  /// What one (possibly nested) `check_host()` call gave.
  struct Verdict {
    var result: SPFResult
    var reason: String
    var explanation: String? = nil
    var decidingStep: Int?
  }

  /// Evaluates the request's domain and puts the outcome together with the trace.
  mutating func run() async -> CheckHostResult {
    let verdict = await checkHost(domain: request.domain, depth: 0, explains: settings.fetchesExplanation, path: [])
    var explanation = verdict.explanation
    if verdict.result == .fail, explanation == nil, let text = settings.defaultExplanation {
      explanation =
        MacroString.parseExplanation(Array(text.utf8)).map {
          MacroExpander.expand($0, in: baseContext)
        } ?? text
    }
    let trace = EvaluationTrace(
      steps: steps, decidingStep: verdict.decidingStep, lookupCount: budget.lookups,
      voidLookupCount: budget.voidLookups, lookupLimit: settings.lookupLimit,
      voidLookupLimit: settings.voidLookupLimit)
    return CheckHostResult(
      result: verdict.result, explanation: verdict.result == .fail ? explanation : nil,
      reason: verdict.reason, trace: trace)
  }

  /// `check_host()` at one domain (RFC 7208 §4.3–§4.7): initial checks, record lookup, then every
  /// directive in order, then `redirect`, then the default result.
  ///
  /// - Parameters:
  ///   - explains: whether a fail here fetches `exp=` (not inside an include, §6.2).
  ///   - path: the domains of the include/redirect chain above this one, for loop detection.
  mutating func checkHost(domain: String, depth: Int, explains: Bool, path: [String]) async -> Verdict {
    var context = baseContext
    context.domain = DomainName.withoutTrailingDot(domain)
    let record: SPFRecord
    switch await lookupRecord(domain: context.domain, depth: depth) {
    case .found(let found): record = found
    case .done(let verdict): return verdict
    }
    let path = path + [DNSQuestion.normalize(context.domain)]
    for term in record.terms {
      guard let directive = term.directive else { continue }
      let index = beginStep(depth: depth, domain: context.domain, term: directive.description)
      let outcome = await evaluate(directive.mechanism, context: context, depth: depth, path: path, step: index)
      finishStep(index, outcome.trace(qualifier: directive.qualifier))
      switch outcome {
      case .notMatched: continue
      case .error(let result, let reason): return Verdict(result: result, reason: reason, decidingStep: index)
      case .matched:
        let result = SPFResult(directive.qualifier)
        let explanation = result == .fail && explains ? await explain(record, context: context, depth: depth) : nil
        return Verdict(
          result: result, reason: "'\(directive)' matched at \(context.domain)", explanation: explanation,
          decidingStep: index)
      }
    }
    if let target = record.redirect {
      return await redirect(to: target, context: context, depth: depth, explains: explains, path: path)
    }
    let index = appendStep(
      TraceStep(
        depth: depth, domain: context.domain, term: nil,
        outcome: .result(.neutral, detail: "no mechanism matched (RFC 7208 §4.7)")))
    return Verdict(result: .neutral, reason: "no mechanism matched at \(context.domain)", decidingStep: index)
  }

  /// What evaluating one mechanism gave (RFC 7208 §5).
  enum MechanismOutcome {
    case matched(String)
    case notMatched(String)
    case error(SPFResult, String)

    /// The trace outcome of the directive with this qualifier.
    func trace(qualifier: Qualifier) -> TraceOutcome {
      switch self {
      case .matched(let detail): .matched(SPFResult(qualifier), detail: detail)
      case .notMatched(let detail): .notMatched(detail: detail)
      case .error(let result, let detail): .error(result, detail: detail)
      }
    }
  }

  /// Evaluates a mechanism (RFC 7208 §5); lookups are spent and recorded on step `step`.
  mutating func evaluate(_ mechanism: Mechanism, context: MacroContext, depth: Int, path: [String], step: Int) async
    -> MechanismOutcome
  {
    switch mechanism {
    case .all: return .matched("'all' matches every client")
    case .ip4(let network): return matchIP4(network, context: context)
    case .ip6(let network): return matchIP6(network, context: context)
    case .a(let spec, let cidr): return await matchA(spec, cidr: cidr, context: context, step: step)
    case .mx(let spec, let cidr): return await matchMX(spec, cidr: cidr, context: context, step: step)
    case .ptr(let spec): return await matchPTR(spec, context: context, step: step)
    case .exists(let spec): return await matchExists(spec, context: context, step: step)
    case .include(let spec): return await include(spec, context: context, depth: depth, path: path, step: step)
    }
  }
}
