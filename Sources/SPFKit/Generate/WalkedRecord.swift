/// One record of an SPF tree as the flattener read it: each term either the exact addresses it
/// matches or kept as written with the reason, and how the record ends.
struct WalkedRecord: Sendable {
  /// A directive once its targets were read.
  enum WalkedTerm: Sendable {
    /// The term matches exactly these addresses, for every client; `source` reports a lookup term
    /// (nil for `ip4` and `ip6`).
    case networks(Directive, NetworkSet, source: FlattenedTerm?)
    /// The term stays as written.
    case kept(Directive, KeptTerm)
  }

  /// How the record ends (RFC 7208 §4.7, §6.1).
  enum Ending: Sendable {
    /// The first `all`, with its qualifier; later terms and `redirect` are never used.
    case all(Qualifier)
    /// A `redirect` whose target flattens: its policy, and what to report.
    case flattenedRedirect(FlatPolicy, FlattenedTerm)
    /// A `redirect` kept as written.
    case keptRedirect(DomainSpec, KeptTerm)
    /// Neither: what no term matches is neutral.
    case neutral
  }

  /// The domain the record was read at.
  var domain: String
  /// The record.
  var record: SPFRecord
  /// The directives before the first `all`, in order.
  var terms: [WalkedTerm] = []
  /// How the record ends.
  var ending = Ending.neutral
  /// DNS lookups through the record's whole tree (RFC 7208 §4.6.4), worst case over every client.
  var lookups: Int
  /// The domains whose data went into the networks: this record's, then every flattened target's
  /// and host name's, in first-use order.
  var domains: [String]

  /// The record as one policy over all addresses, or the first reason it cannot be one.
  var flattened: Result<FlatPolicy, FlattenObstacle> {
    var policy = FlatPolicy()
    for term in terms {
      switch term {
      case .kept(_, let kept): return .failure(kept.reason)
      case .networks(let directive, let set, _): policy.decide(directive.qualifier, set)
      }
    }
    policy.explanation = record.explanation
    switch ending {
    case .all(let qualifier): policy.ending = qualifier
    case .flattenedRedirect(let target, _): policy.redirect(to: target)
    case .keptRedirect(_, let kept): return .failure(kept.reason)
    case .neutral: break
    }
    return .success(policy)
  }

  /// Adds domains not seen yet, in order.
  mutating func addDomains(_ names: [String]) {
    for name in names where !domains.contains(name) { domains.append(name) }
  }
}
