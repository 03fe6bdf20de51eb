/// A merged policy's terms in the order of generation rule 2, grouped by where layout may put
/// them: IP blocks first (no lookups), then `a`, `mx`, `include`, `exists`, `ptr`, then one final
/// `all` or `redirect`, unknown modifiers, and `exp` last.
struct PolicyTerms {
  /// IP blocks with a qualifier other than `+`, first so that no widened `+` block shadows them.
  /// They stay in the main record: inside an included record a match would only make the
  /// include not match (RFC 7208 §5.2).
  var pinnedBlocks: [Term] = []
  /// `+` IP blocks, ip4 then ip6, in address order: these may move into the include chain.
  var movableBlocks: [Term] = []
  /// `a`, then `mx`: before any include.
  var hostLookups: [Term] = []
  /// `include`; the include chain joins at the front of this group.
  var includes: [Term] = []
  /// `exists`, then `ptr` (deprecated, RFC 7208 §5.5: last, so it is queried least).
  var lateLookups: [Term] = []
  /// The final `all` or `redirect`, unknown modifiers, `exp`.
  var tail: [Term] = []
  /// DNS lookups the record makes itself: lookup mechanisms, and `redirect` (RFC 7208 §4.6.4).
  var lookupCount = 0
  /// What widening cost.
  var widening = WideningReport()
  /// What was changed on the way.
  var notes: [String] = []

  /// Orders the union; aggregates every qualifier's networks exactly and widens the `+` ones.
  init(_ union: PolicyUnion, options: GenerateOptions, isMerging: Bool) throws(GenerateError) {
    notes = union.notes
    try placeBlocks(union.networks, widening: options.widening)
    for kind in [MechanismKind.a, .mx, .include, .exists, .ptr] {
      let group = union.lookups.filter { $0.mechanism.kind == kind }.map { Term.directive($0.qualifier, $0.mechanism) }
      switch kind {
      case .a, .mx: hostLookups += group
      case .include: includes += group
      default: lateLookups += group
      }
    }
    lookupCount = union.lookups.count
    let ending = try union.ending(override: options.all, fallback: .fail)
    switch ending {
    case .all(let qualifier): tail.append(.directive(qualifier, .all))
    case .redirect(let spec):
      tail.append(.modifier(.redirect(spec)))
      lookupCount += 1
    case .neutral: break
    }
    if options.all != nil, isMerging {
      for case .redirect(let spec) in union.endings {
        notes.append("'\(Modifier.redirect(spec))' dropped: '--all' decides how the record ends")
      }
    }
    tail += union.unknownModifiers.map(Term.modifier)
    if let explanation = try union.explanation(allowDropping: options.all != nil) {
      tail.append(.modifier(.explanation(explanation)))
    } else if union.explanations.count > 1 {
      notes.append("'exp' dropped: the records name different explanations")
    }
  }

  /// Aggregates each qualifier's networks, refuses overlaps between qualifiers, widens `+` blocks.
  private mutating func placeBlocks(_ networks: [Qualifier: CIDRAggregator], widening: WideningLimit)
    throws(GenerateError)
  {
    var aggregated: [(Qualifier, AggregatedNetworks)] = []
    for qualifier in [Qualifier.fail, .softfail, .neutral, .pass] {
      guard let aggregator = networks[qualifier] else { continue }
      aggregated.append((qualifier, aggregator.aggregated()))
    }
    for (index, (qualifier, blocks)) in aggregated.enumerated() {
      for (otherQualifier, other) in aggregated[(index + 1)...] {
        if let (a, b) = PolicyTerms.overlap(blocks, other) {
          throw .conflictingQualifiers("\(Directive(qualifier, a))", "\(Directive(otherQualifier, b))")
        }
      }
    }
    for (qualifier, var blocks) in aggregated {
      if qualifier == .pass { (blocks, self.widening) = blocks.widened(to: widening) }
      let terms =
        blocks.ipv4.map { Term.directive(qualifier, .ip4($0)) } + blocks.ipv6.map { .directive(qualifier, .ip6($0)) }
      if qualifier == .pass { movableBlocks = terms } else { pinnedBlocks += terms }
    }
  }

  /// The first pair of overlapping blocks of two aggregated sets, as mechanisms.
  private static func overlap(_ lhs: AggregatedNetworks, _ rhs: AggregatedNetworks) -> (Mechanism, Mechanism)? {
    let v4 = { (networks: [IPv4Network]) in networks.map { AddressRange(first: $0.first.value, last: $0.last.value) } }
    let v6 = { (networks: [IPv6Network]) in networks.map { AddressRange(first: $0.first.value, last: $0.last.value) } }
    if let (left, right) = AddressRange.firstOverlap(v4(lhs.ipv4), v4(rhs.ipv4)) {
      return (.ip4(lhs.ipv4[left]), .ip4(rhs.ipv4[right]))
    }
    if let (left, right) = AddressRange.firstOverlap(v6(lhs.ipv6), v6(rhs.ipv6)) {
      return (.ip6(lhs.ipv6[left]), .ip6(rhs.ipv6[right]))
    }
    return nil
  }
}
