/// One DNS-querying term reached from the root, with the includes and redirects that lead to it.
public struct PolicyStep: Hashable, Sendable {
  /// The lookup.
  public var reference: LookupReference
  /// The include and redirect lookups from the root record down to the policy that holds this
  /// term, outermost first; empty for the root record's own terms.
  public var via: [LookupReference]

  /// Creates a step.
  public init(reference: LookupReference, via: [LookupReference]) {
    self.reference = reference
    self.via = via
  }

  /// The root record's term that leads to this lookup (the lookup itself for the root's terms):
  /// where a finding about it points.
  public var entry: LookupReference { via.first ?? reference }
}

/// Counting lookups the way RFC 7208 §4.6.4 does, for the worst case: every term evaluated.
extension PolicyTree {
  /// Every DNS-querying term of the tree in evaluation order, depth first: an include's own
  /// lookup, then its policy's lookups, then the terms after it. A policy reached twice counts
  /// twice, as a receiver evaluates it twice.
  public var steps: [PolicyStep] {
    var steps: [PolicyStep] = []
    appendSteps(of: 0, via: [], to: &steps)
    return steps
  }

  private func appendSteps(of node: Int, via: [LookupReference], to steps: inout [PolicyStep]) {
    for (index, lookup) in nodes[node].lookups.enumerated() {
      let reference = LookupReference(node: node, lookup: index)
      steps.append(PolicyStep(reference: reference, via: via))
      if let child = lookup.child { appendSteps(of: child, via: via + [reference], to: &steps) }
    }
  }

  /// How many lookups the policy of `node` costs, its includes and redirects included.
  public func lookupCount(of node: Int = 0) -> Int {
    nodes[node].lookups.reduce(0) { count, lookup in count + 1 + (lookup.child.map { lookupCount(of: $0) } ?? 0) }
  }

  /// How many lookups `lookup` costs: one, plus the whole policy it includes or redirects to.
  public func cost(of lookup: PolicyLookup) -> Int { 1 + (lookup.child.map { lookupCount(of: $0) } ?? 0) }

  /// Whether the count below `lookup` is exact: every include and redirect under it was read, or is
  /// known to have no record or to loop. A failed query, a target that depends on the message, or a
  /// bound leaves it a lower bound.
  public func isExact(_ lookup: PolicyLookup) -> Bool {
    guard lookup.followsPolicy else { return true }
    guard let child = lookup.child else { return false }
    return isExact(node: child)
  }

  /// Whether the count of the policy of `node` is exact (see `isExact(_:)`).
  public func isExact(node: Int = 0) -> Bool {
    if case .failed = nodes[node].outcome { return false }
    return nodes[node].lookups.allSatisfy { isExact($0) }
  }

  /// The steps that are void lookups for clients of `family`, in evaluation order.
  public func voidSteps(for family: ClientFamily) -> [PolicyStep] {
    steps.filter { self[$0.reference].voidAnswer(for: family) != nil }
  }

  /// The name a path starts from: the root's name, or `the record` without one.
  public var rootLabel: String { root.name ?? "the record" }

  /// The chain from the root to a step, as written: `example.com → include:_spf.example.net →
  /// include:c.example.org`.
  public func path(to step: PolicyStep) -> String {
    ([rootLabel] + (step.via + [step.reference]).map { self[$0].text }).joined(separator: " → ")
  }

  /// The name of the policy that holds a lookup.
  public func owner(of reference: LookupReference) -> String? { nodes[reference.node].name }
}
