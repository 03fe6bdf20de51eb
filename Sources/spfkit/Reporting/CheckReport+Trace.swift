import SPFKit

/// Reading the shape of a trace: the steps of an included or redirected record follow the `include`
/// or `redirect` step with a depth one greater (see `EvaluationTrace`).
extension CheckReport {
  /// The steps nested under step `index`: those right after it that are deeper. Only an `include` or a
  /// `redirect` that evaluated its target has any.
  static func nestedRange(of index: Int, in steps: [TraceStep]) -> Range<Int> {
    let depth = steps[index].depth
    var end = index + 1
    while end < steps.count, steps[end].depth > depth { end += 1 }
    return (index + 1)..<end
  }

  /// The step that gave the result of the nested evaluation under step `index` (its last step one
  /// level deeper that gives a result), if there is one.
  static func nestedDecidingStep(of index: Int, in steps: [TraceStep]) -> Int? {
    let depth = steps[index].depth + 1
    return nestedRange(of: index, in: steps).last { steps[$0].depth == depth && steps[$0].outcome.result != nil }
  }

  /// What the policy evaluated under an `include` or `redirect` step gave, if it was evaluated.
  static func nestedResult(of index: Int, in steps: [TraceStep]) -> SPFResult? {
    nestedDecidingStep(of: index, in: steps).flatMap { steps[$0].outcome.result }
  }

  /// Where the result of step `index` arose: followed into the nested evaluation while it gave the
  /// same result (a `+include` whose target passed, an error of the target, a redirect's result), so a
  /// permerror names the term that crossed the limit, not the top include. A `-include` that matched
  /// decided itself: its qualifier, not the target, gave the result.
  static func origin(of index: Int, in steps: [TraceStep]) -> Int {
    var current = index
    while let nested = nestedDecidingStep(of: current, in: steps), let result = steps[current].outcome.result,
      steps[nested].outcome.result == result
    {
      current = nested
    }
    return current
  }

  /// The `include` and `redirect` steps enclosing step `index`, outermost first.
  static func ancestors(of index: Int, in steps: [TraceStep]) -> [Int] {
    var found: [Int] = []
    var position = index
    var depth = steps[index].depth
    while depth > 0, position > 0 {
      position -= 1
      if steps[position].depth == depth - 1 {
        found.append(position)
        depth -= 1
      }
    }
    return found.reversed()
  }

  /// Whether a step's term is an `all` directive, with any qualifier.
  static func isAll(_ term: String) -> Bool {
    SPFParser.parse("v=spf1 " + term).record.terms.first?.mechanism == .all
  }
}
