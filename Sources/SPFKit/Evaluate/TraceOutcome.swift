/// What happened at one step of an evaluation.
public enum TraceOutcome: Hashable, Sendable, CustomStringConvertible {
  /// The record lookup found this SPF record (RFC 7208 §4.4, §4.5).
  case selected(record: String)
  /// The mechanism matched and the directive gives `result` (§4.6.2); the detail says why it matched.
  case matched(SPFResult, detail: String)
  /// The mechanism did not match; the detail says why.
  case notMatched(detail: String)
  /// A result reached without a match: no record (`none`), the default `neutral` (§4.7), or the
  /// result of a `redirect` (§6.1).
  case result(SPFResult, detail: String)
  /// Evaluation stops with `temperror` or `permerror`; the detail says why.
  case error(SPFResult, detail: String)
  /// The term or explanation was not used; the detail says why.
  case ignored(detail: String)
  /// The explanation of a fail (§6.2).
  case explained(text: String)

  /// A stable name for printers: `selected`, `matched`, `not-matched`, `result`, `error`, `ignored`,
  /// `explained`.
  public var status: String {
    switch self {
    case .selected: "selected"
    case .matched: "matched"
    case .notMatched: "not-matched"
    case .result: "result"
    case .error: "error"
    case .ignored: "ignored"
    case .explained: "explained"
    }
  }

  /// The result the step gives, if it gives one.
  public var result: SPFResult? {
    switch self {
    case .matched(let result, _), .result(let result, _), .error(let result, _): result
    case .selected, .notMatched, .ignored, .explained: nil
    }
  }

  /// The record text, the reason, or the explanation.
  public var detail: String {
    switch self {
    case .selected(let text), .explained(let text): text
    case .matched(_, let detail), .notMatched(let detail), .result(_, let detail), .error(_, let detail),
      .ignored(let detail):
      detail
    }
  }

  /// `status (result): detail`, e.g. `matched (fail): '-all' matches every client`.
  public var description: String {
    let head = result.map { "\(status) (\($0))" } ?? status
    return detail.isEmpty ? head : head + ": " + detail
  }
}

extension TraceOutcome: Encodable {
  private enum CodingKeys: String, CodingKey { case status, result, detail }

  /// `{"status": ..., "result": ..., "detail": ...}`; `result` only when the step gives one.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(status, forKey: .status)
    try container.encodeIfPresent(result, forKey: .result)
    try container.encode(detail, forKey: .detail)
  }
}
