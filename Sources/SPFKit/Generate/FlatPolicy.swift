/// What a record gives every client address once every term in it is a set of addresses: the
/// result of `check_host()` (RFC 7208 §4.6.2) as disjoint sets, one per qualifier.
///
/// Terms are applied in order to what is still undecided: the first term that matches an address
/// decides it (§4.6.2), `all` decides the rest, `redirect` hands the rest to another policy (§6.1).
struct FlatPolicy: Hashable, Sendable {
  /// The addresses each qualifier decides through the record's terms; disjoint.
  private(set) var decided: [Qualifier: NetworkSet] = [:]
  /// The addresses no term decided: they get `ending`.
  private(set) var undecided = NetworkSet.everything
  /// The qualifier of the final `all`; nil for none (the result is neutral, §4.7).
  var ending: Qualifier?
  /// The `exp=` of the record whose ending applies.
  var explanation: DomainSpec?

  /// Decides the still undecided addresses of `set` with `qualifier`; returns them.
  @discardableResult
  mutating func decide(_ qualifier: Qualifier, _ set: NetworkSet) -> NetworkSet {
    let newly = set.intersection(undecided)
    guard !newly.isEmpty else { return newly }
    decided[qualifier] = (decided[qualifier] ?? .empty).union(newly)
    undecided = undecided.subtracting(newly)
    return newly
  }

  /// Applies `target` to what is still undecided, as `redirect` does (§6.1): its decisions, then its
  /// ending and explanation.
  mutating func redirect(to target: FlatPolicy) {
    for qualifier in Qualifier.allCases { if let set = target.decided[qualifier] { decide(qualifier, set) } }
    ending = target.ending
    explanation = target.explanation
  }

  /// The addresses for which the policy gives `pass`: what an `include` of it matches (§5.2).
  var passSet: NetworkSet {
    let passed = decided[.pass] ?? .empty
    return ending == .pass ? passed.union(undecided) : passed
  }

  /// The addresses `target`'s decisions would decide here with a qualifier, by qualifier.
  func newlyDecided(by target: FlatPolicy) -> [(Qualifier, NetworkSet)] {
    Qualifier.allCases.compactMap { qualifier in
      guard let set = target.decided[qualifier]?.intersection(undecided), !set.isEmpty else { return nil }
      return (qualifier, set)
    }
  }
}
