/// Evaluating another domain's policy: `include` (RFC 7208 §5.2) and `redirect` (§6.1).
extension EvaluationRun {
  /// `include` (§5.2): matches when the target's policy passes; fail, softfail and neutral do not
  /// match; temperror and permerror propagate; a target without a record is a permerror.
  mutating func include(_ spec: DomainSpec, context: MacroContext, depth: Int, path: [String], step: Int) async
    -> MechanismOutcome
  {
    if let exceeded = spendLookup(step: step) { return .error(.permerror, exceeded) }
    let name = await expandTarget(spec, context: context, step: step)
    if let problem = nestingProblem(name, depth: depth, path: path) { return .error(.permerror, problem) }
    let verdict = await checkHost(domain: name, depth: depth + 1, explains: false, path: path)
    switch verdict.result {
    case .pass: return .matched("the policy of '\(name)' gives pass")
    case .fail, .softfail, .neutral: return .notMatched("the policy of '\(name)' gives \(verdict.result)")
    case .temperror, .permerror: return .error(verdict.result, "include of '\(name)': \(verdict.reason)")
    case .none:
      return .error(.permerror, "'\(name)' has no SPF record: an include target must have one (RFC 7208 §5.2)")
    }
  }

  /// `redirect` (§6.1), used when no mechanism matched: the result is the target's, with its
  /// explanation; a target without a record is a permerror.
  mutating func redirect(to spec: DomainSpec, context: MacroContext, depth: Int, explains: Bool, path: [String])
    async -> Verdict
  {
    let index = beginStep(depth: depth, domain: context.domain, term: Modifier.redirect(spec).description)
    func fail(_ reason: String) -> Verdict {
      finishStep(index, .error(.permerror, detail: reason))
      return Verdict(result: .permerror, reason: reason, decidingStep: index)
    }
    if let exceeded = spendLookup(step: index) { return fail(exceeded) }
    let name = await expandTarget(spec, context: context, step: index)
    if let problem = nestingProblem(name, depth: depth, path: path) { return fail(problem) }
    let verdict = await checkHost(domain: name, depth: depth + 1, explains: explains, path: path)
    guard verdict.result != .none else {
      return fail("redirect target '\(name)' has no SPF record (RFC 7208 §6.1)")
    }
    finishStep(index, .result(verdict.result, detail: "the policy of '\(name)' gives \(verdict.result)"))
    return Verdict(
      result: verdict.result, reason: verdict.reason, explanation: verdict.explanation,
      decidingStep: verdict.decidingStep ?? index)
  }

  /// Why `name` may not be evaluated from here: it is already on the include/redirect path (a loop
  /// would exhaust any lookup limit), or nesting is too deep.
  func nestingProblem(_ name: String, depth: Int, path: [String]) -> String? {
    let normalized = DNSQuestion.normalize(name)
    if path.contains(normalized) {
      return "'\(name)' is already being evaluated: loop " + (path + [normalized]).joined(separator: " -> ")
    }
    guard depth < Self.maximumNesting else {
      return "includes and redirects nest deeper than \(Self.maximumNesting)"
    }
    return nil
  }
}
