/// The union of the terms of several records and of the options: what a merged record authorizes,
/// collected term by term before it is put in order (generation rules 1, 2 and 5).
///
/// Lookup terms are kept once (domains compared ignoring ASCII case); the same lookup or
/// overlapping IP networks with different qualifiers are refused, since one record cannot keep
/// both meanings. Directives after a record's first `all` are never evaluated, so they are
/// dropped with a note.
struct PolicyUnion {
  /// IP networks by qualifier, not yet aggregated.
  var networks: [Qualifier: CIDRAggregator] = [:]
  /// `a`, `mx`, `include`, `exists` and `ptr` directives in first-seen order, no duplicates.
  private(set) var lookups: [Directive] = []
  /// The qualifier and text of each lookup, by folded mechanism.
  private var lookupKeys: [String: Directive] = [:]
  /// Unknown modifiers in first-seen order, no duplicates.
  private(set) var unknownModifiers: [Modifier] = []
  private var unknownKeys: Set<String> = []
  /// How each record ends, in record order.
  private(set) var endings: [Ending] = []
  /// The distinct `exp=` targets in first-seen order.
  private(set) var explanations: [DomainSpec] = []
  /// What was changed on the way, for the report.
  private(set) var notes: [String] = []

  /// How a record ends: its first `all`, else its `redirect`, else nothing (neutral, RFC 7208 §4.7).
  enum Ending: Hashable, CustomStringConvertible {
    case all(Qualifier)
    case redirect(DomainSpec)
    case neutral

    /// `'-all'`, `'redirect=example.com'` or `no 'all'`.
    var description: String {
      switch self {
      case .all(let qualifier): "'\(Directive(qualifier, .all))'"
      case .redirect(let spec): "'\(Modifier.redirect(spec))'"
      case .neutral: "no 'all'"
      }
    }

    /// Equal endings compare `redirect` targets ignoring ASCII case.
    func agrees(with other: Ending) -> Bool {
      switch (self, other) {
      case (.redirect(let lhs), .redirect(let rhs)): lhs.foldedKey == rhs.foldedKey
      default: self == other
      }
    }
  }

  /// Adds the terms of record `index` (1-based, for messages).
  mutating func add(_ record: SPFRecord, index: Int) throws(GenerateError) {
    var all: Qualifier? = nil
    var redirect: DomainSpec? = nil
    var explanation: DomainSpec? = nil
    let evaluated = record.terms.compactMap(\.directive).prefix { $0.mechanism != .all }
    if let (earlier, later) = TermOrder.firstSwap(in: Array(evaluated)) {
      throw .orderChangesResults(earlier: earlier.description, later: later.description)
    }
    for term in record.terms {
      switch term.kind {
      case .directive(let directive):
        if all != nil {
          notes.append("record \(index): '\(directive)' after 'all' is never evaluated: dropped")
        } else if case .all = directive.mechanism {
          all = directive.qualifier
        } else {
          try add(directive)
        }
      case .modifier(.redirect(let spec)):
        guard redirect == nil else { throw .repeatedModifier(index: index, name: "redirect") }
        redirect = spec
      case .modifier(.explanation(let spec)):
        guard explanation == nil else { throw .repeatedModifier(index: index, name: "exp") }
        explanation = spec
      case .modifier(let modifier): add(unknown: modifier, index: index)
      case .invalid(let bytes):
        throw .invalidRecord(index: index, message: "'\(String(decoding: bytes, as: UTF8.self))'")
      }
    }
    if let all {
      endings.append(.all(all))
      if let redirect { notes.append("record \(index): '\(Modifier.redirect(redirect))' is never used beside 'all'") }
    } else {
      endings.append(redirect.map(Ending.redirect) ?? .neutral)
    }
    if let explanation, !explanations.contains(where: { $0.foldedKey == explanation.foldedKey }) {
      explanations.append(explanation)
    }
  }

  /// Adds one directive other than `all`.
  mutating func add(_ directive: Directive) throws(GenerateError) {
    switch directive.mechanism {
    case .ip4(let network): networks[directive.qualifier, default: CIDRAggregator()].insert(network)
    case .ip6(let network): networks[directive.qualifier, default: CIDRAggregator()].insert(network)
    case .all: break
    default:
      let key = directive.mechanism.foldedKey
      if let seen = lookupKeys[key] {
        guard seen.qualifier == directive.qualifier else {
          throw .conflictingQualifiers(seen.description, directive.description)
        }
        return
      }
      lookupKeys[key] = directive
      lookups.append(directive)
    }
  }

  /// Adds an unknown modifier once; `v=...` (a second version tag, two records pasted together) is
  /// dropped.
  private mutating func add(unknown modifier: Modifier, index: Int) {
    if modifier.name.lowercased() == "v" {
      notes.append("record \(index): '\(modifier)' is a pasted version tag, not a modifier: dropped")
      return
    }
    if unknownKeys.insert(modifier.description).inserted { unknownModifiers.append(modifier) }
  }

  /// Adds the terms the options name.
  mutating func add(_ options: GenerateOptions) throws(GenerateError) {
    for network in options.ip4 { try add(Directive(.pass, .ip4(network))) }
    for network in options.ip6 { try add(Directive(.pass, .ip6(network))) }
    for spec in options.a { try add(Directive(.pass, .a(spec, .none))) }
    for spec in options.mx { try add(Directive(.pass, .mx(spec, .none))) }
    for spec in options.includes { try add(Directive(.pass, .include(spec))) }
  }

  /// How the merged record ends: the override when given, else the ending every record shares
  /// (`fallback` when there is no record).
  func ending(override: Qualifier?, fallback: Qualifier) throws(GenerateError) -> Ending {
    if let override { return .all(override) }
    guard let first = endings.first else { return .all(fallback) }
    guard endings.allSatisfy({ $0.agrees(with: first) }) else {
      throw .disagreeingAll(endings.enumerated().map { "\($0.element) in record \($0.offset + 1)" })
    }
    return first
  }

  /// The `exp=` target the merged record keeps: the one all records name, none when they disagree
  /// and `allowDropping` (an `all` override was given), else a refusal.
  func explanation(allowDropping: Bool) throws(GenerateError) -> DomainSpec? {
    guard explanations.count > 1 else { return explanations.first }
    guard allowDropping else {
      throw .disagreeingExplanation(explanations.map { "'\(Modifier.explanation($0))'" })
    }
    return nil
  }
}
