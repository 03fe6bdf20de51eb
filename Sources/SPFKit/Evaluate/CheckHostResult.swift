/// The outcome of `check_host()` (RFC 7208 §4): the result, the explanation of a fail, why, and the
/// trace of every step.
public struct CheckHostResult: Hashable, Sendable, Encodable, CustomStringConvertible {
  /// The result (§2.6).
  public var result: SPFResult
  /// For `fail` only: the `exp=` text (§6.2), or the default explanation of the settings.
  public var explanation: String?
  /// Why this result, in one line: the deciding term or the error.
  public var reason: String
  /// Every step of the evaluation.
  public var trace: EvaluationTrace

  /// Creates a result.
  public init(result: SPFResult, explanation: String?, reason: String, trace: EvaluationTrace) {
    self.result = result
    self.explanation = explanation
    self.reason = reason
    self.trace = trace
  }

  /// `result: reason`, e.g. `fail: '-all' matches every client`.
  public var description: String { "\(result): \(reason)" }
}
