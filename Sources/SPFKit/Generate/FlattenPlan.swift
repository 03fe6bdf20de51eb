/// The flattened record of the domain before layout: its networks by qualifier, the terms it keeps
/// and how it ends, checked to give every client the result the published tree gives.
///
/// The record's terms are applied in order to a "still undecided" set (`FlatPolicy`), so the
/// networks of each qualifier are exactly the addresses that term decides. Generation rule 2 then
/// puts every network before every kept term; that is refused where a kept term with another
/// qualifier came first, and so is any reordering of kept terms with different qualifiers.
struct FlattenPlan {
  /// The record to lay out, in the published order of its kept terms.
  private(set) var record = SPFRecord(terms: [])
  /// The terms replaced by networks, in order.
  private(set) var flattened: [FlattenedTerm] = []
  /// The lookup terms kept, in order, each once.
  private(set) var kept: [KeptTerm] = []
  /// DNS lookups inside the trees of the kept includes and redirect, each target once.
  private(set) var keptTreeLookups = 0
  /// What was decided on the way.
  private(set) var notes: [String] = []

  /// Plans the flattened record of `top`, the walked record of the domain.
  ///
  /// - Throws: `FlattenError.reorderingChangesResults` when the layout would change a result.
  init(_ top: WalkedRecord) throws(FlattenError) {
    var policy = FlatPolicy()
    var keptDirectives: [Directive] = []
    var keptKeys: Set<String> = []
    for term in top.terms {
      switch term {
      case .kept(let directive, let keptTerm):
        guard keptKeys.insert(directive.mechanism.foldedKey).inserted else { continue }
        keptDirectives.append(directive)
        keep(keptTerm)
      case .networks(let directive, let set, let source):
        let newly = policy.decide(directive.qualifier, set)
        if !newly.isEmpty, let earlier = keptDirectives.first(where: { $0.qualifier != directive.qualifier }) {
          throw .reorderingChangesResults(earlier: earlier.description, later: directive.description)
        }
        if let source { flattened.append(source) }
      }
    }
    let ending = try end(top.ending, policy: &policy, keptDirectives: keptDirectives)
    try FlattenPlan.checkOrder(of: keptDirectives)
    var terms = networkTerms(policy) + keptDirectives.map { Term.directive($0.qualifier, $0.mechanism) }
    if let ending { terms.append(ending) }
    terms += top.record.modifiers.filter { if case .unknown = $0 { true } else { false } }.map(Term.modifier)
    if let explanation = top.record.explanation ?? policy.explanation {
      terms.append(.modifier(.explanation(explanation)))
      if let other = policy.explanation, other.foldedKey != explanation.foldedKey {
        notes.append("'\(Modifier.explanation(other))' of the redirect target dropped: the record keeps its own 'exp'")
      }
    }
    record = SPFRecord(terms: terms)
  }

  /// Applies how the record ends; returns the final term (`all` or a kept `redirect`), if any.
  private mutating func end(_ ending: WalkedRecord.Ending, policy: inout FlatPolicy, keptDirectives: [Directive])
    throws(FlattenError) -> Term?
  {
    switch ending {
    case .all(let qualifier):
      policy.ending = qualifier
      return .directive(qualifier, .all)
    case .flattenedRedirect(let target, let source):
      for (qualifier, _) in policy.newlyDecided(by: target) {
        if let earlier = keptDirectives.first(where: { $0.qualifier != qualifier }) {
          throw .reorderingChangesResults(earlier: earlier.description, later: source.term)
        }
      }
      policy.redirect(to: target)
      flattened.append(source)
      return policy.ending.map { .directive($0, .all) }
    case .keptRedirect(let spec, let keptTerm):
      keep(keptTerm)
      return .modifier(.redirect(spec))
    case .neutral:
      return nil
    }
  }

  /// Records a kept term and the lookups below it.
  private mutating func keep(_ term: KeptTerm) {
    kept.append(term)
    keptTreeLookups += term.lookups - 1
  }

  /// The decided networks as `ip4`/`ip6` directives: other qualifiers first, then `+`, each set the
  /// fewest exact blocks. The sets are disjoint, so their order does not matter. When no term is
  /// kept, the networks whose result the ending gives anyway (`-ip4` before `-all`, `?ip4` with no
  /// `all`) are left out, with a note.
  private mutating func networkTerms(_ policy: FlatPolicy) -> [Term] {
    var terms: [Term] = []
    for qualifier in [Qualifier.fail, .softfail, .neutral, .pass] {
      guard let blocks = policy.decided[qualifier]?.aggregated else { continue }
      if kept.isEmpty, qualifier == policy.ending ?? .neutral {
        let ending = policy.ending.map { "'\(Directive($0, .all))'" } ?? "no 'all'"
        notes.append(
          "\(blocks.count) '\(qualifier.symbol)' network\(blocks.count == 1 ? "" : "s") left out: \(ending) "
            + "gives \(blocks.count == 1 ? "it" : "them") the same result")
        continue
      }
      terms += blocks.ipv4.map { .directive(qualifier, .ip4($0)) } + blocks.ipv6.map { .directive(qualifier, .ip6($0)) }
    }
    return terms
  }

  /// Refuses kept terms with different qualifiers that rule 2 would swap.
  private static func checkOrder(of directives: [Directive]) throws(FlattenError) {
    if let (earlier, later) = TermOrder.firstSwap(in: directives) {
      throw .reorderingChangesResults(earlier: earlier.description, later: later.description)
    }
  }
}
