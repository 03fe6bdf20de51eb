/// Every step of one `check_host()` evaluation in order, the step that decided, and the totals.
///
/// Steps of an included or redirected record follow the `include` or `redirect` step with a depth
/// one greater, so a printer can indent them.
public struct EvaluationTrace: Hashable, Sendable, Encodable, CustomStringConvertible {
  /// The steps in evaluation order.
  public var steps: [TraceStep]
  /// The index in `steps` of the step that decided the result, if one did.
  public var decidingStep: Int?
  /// The DNS-querying terms evaluated (RFC 7208 §4.6.4).
  public var lookupCount: Int
  /// The void lookups seen (§4.6.4).
  public var voidLookupCount: Int
  /// The distinct DNS questions asked: what the evaluation cost the network, as opposed to the
  /// lookups the RFC counts (address lookups behind `mx` and `ptr`, `exp` and `%{p}` are not counted).
  public var queryCount: Int
  /// The lookup limit the evaluation ran with.
  public var lookupLimit: Int
  /// The void lookup limit the evaluation ran with.
  public var voidLookupLimit: Int

  /// Creates a trace.
  public init(
    steps: [TraceStep], decidingStep: Int?, lookupCount: Int, voidLookupCount: Int, queryCount: Int = 0,
    lookupLimit: Int, voidLookupLimit: Int
  ) {
    self.steps = steps
    self.decidingStep = decidingStep
    self.lookupCount = lookupCount
    self.voidLookupCount = voidLookupCount
    self.queryCount = queryCount
    self.lookupLimit = lookupLimit
    self.voidLookupLimit = voidLookupLimit
  }

  /// The step that decided the result, if one did.
  public var deciding: TraceStep? {
    guard let decidingStep, steps.indices.contains(decidingStep) else { return nil }
    return steps[decidingStep]
  }

  /// The steps one per line, the deciding one marked with `*`, then the totals.
  public var description: String {
    var lines = steps.enumerated().map { index, step in (index == decidingStep ? "* " : "  ") + step.description }
    lines.append(
      "lookups: \(lookupCount)/\(lookupLimit), void lookups: \(voidLookupCount)/\(voidLookupLimit), "
        + "DNS queries: \(queryCount)")
    return lines.joined(separator: "\n")
  }
}
