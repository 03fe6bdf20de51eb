/// One step of an evaluation: a record lookup, a term, or an explanation, with what it cost.
public struct TraceStep: Hashable, Sendable, Encodable, CustomStringConvertible {
  /// How deep in includes and redirects: 0 for the checked domain.
  public var depth: Int
  /// The domain whose record is being evaluated (`<domain>`, RFC 7208 §4.1).
  public var domain: String
  /// The term in canonical text (`include:_spf.example.com`, `-all`, `exp=...`); nil for the record
  /// lookup and for the default result at the end of a record.
  public var term: String?
  /// The name queried, after macro expansion, when the step queried one.
  public var target: String?
  /// What happened.
  public var outcome: TraceOutcome
  /// The DNS-querying terms this step cost (0 or 1, RFC 7208 §4.6.4).
  public var lookups: Int
  /// The DNS-querying terms of the whole evaluation once this step began.
  public var lookupCount: Int
  /// The void lookups this step saw (§4.6.4).
  public var voidLookups: Int
  /// The void lookups of the whole evaluation once this step ended.
  public var voidLookupCount: Int

  /// Creates a step.
  public init(
    depth: Int, domain: String, term: String?, target: String? = nil, outcome: TraceOutcome,
    lookups: Int = 0, lookupCount: Int = 0, voidLookups: Int = 0, voidLookupCount: Int = 0
  ) {
    self.depth = depth
    self.domain = domain
    self.term = term
    self.target = target
    self.outcome = outcome
    self.lookups = lookups
    self.lookupCount = lookupCount
    self.voidLookups = voidLookups
    self.voidLookupCount = voidLookupCount
  }

  /// One line: indentation by depth, domain, term, target and outcome, then the lookup counts when
  /// the step cost any, e.g. `example.com: mx -> example.com: not-matched: ... [lookup 2, void 1]`.
  public var description: String {
    var line = String(repeating: "  ", count: max(0, min(depth, 64))) + domain + ": " + (term ?? "(record)")
    if let target, !(term ?? "").hasSuffix(target) { line += " -> " + target }
    line += ": " + outcome.description
    var costs: [String] = []
    if lookups > 0 { costs.append("lookup \(lookupCount)") }
    if voidLookups > 0 { costs.append("void \(voidLookupCount)") }
    if !costs.isEmpty { line += " [" + costs.joined(separator: ", ") + "]" }
    return line
  }
}
