/// Recording steps and their costs in the trace.
extension EvaluationRun {
  /// Appends a step and returns its index.
  @discardableResult
  mutating func appendStep(_ step: TraceStep) -> Int {
    var step = step
    step.lookupCount = budget.lookups
    step.voidLookupCount = budget.voidLookups
    steps.append(step)
    return steps.count - 1
  }

  /// Appends a step for a term whose outcome is not known yet; `finishStep` sets it.
  mutating func beginStep(depth: Int, domain: String, term: String) -> Int {
    appendStep(TraceStep(depth: depth, domain: domain, term: term, outcome: .ignored(detail: "not evaluated")))
  }

  /// Sets the outcome of a step begun with `beginStep`.
  mutating func finishStep(_ index: Int, _ outcome: TraceOutcome) {
    guard steps.indices.contains(index) else { return }
    steps[index].outcome = outcome
  }

  /// Records the name a step queries.
  mutating func setTarget(_ target: String, step index: Int) {
    guard steps.indices.contains(index) else { return }
    steps[index].target = target
  }

  /// Spends one lookup for the DNS-querying term of step `index` (RFC 7208 §4.6.4); returns the
  /// permerror reason when it is over the limit.
  mutating func spendLookup(step index: Int) -> String? {
    let term = steps.indices.contains(index) ? steps[index].term ?? "" : ""
    let exceeded = budget.spendLookup(for: term)
    if steps.indices.contains(index) {
      steps[index].lookups = 1
      steps[index].lookupCount = budget.lookups
    }
    return exceeded
  }

  /// Records a void lookup of `name` for step `index` (§4.6.4); returns the permerror reason when it
  /// is over the limit.
  mutating func recordVoidLookup(_ name: String, step index: Int) -> String? {
    let exceeded = budget.recordVoidLookup(for: name)
    if steps.indices.contains(index) {
      steps[index].voidLookups &+= 1
      steps[index].voidLookupCount = budget.voidLookups
    }
    return exceeded
  }
}
