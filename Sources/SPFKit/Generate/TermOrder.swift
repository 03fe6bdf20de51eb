/// The order the generator writes terms in (DESIGN generation rule 2): ip4 and ip6 first (they need
/// no lookup), then a, mx, include, exists, ptr; and when that order keeps a record's meaning.
///
/// Mechanisms are evaluated left to right and the first match decides (RFC 7208 §4.6.2). Moving a
/// term before another is safe when both give the same result; when their qualifiers differ, an
/// address both match would get the other result, so such a swap is refused.
enum TermOrder {
  /// The rank of a mechanism kind in the written order; lower comes first.
  static func rank(_ kind: MechanismKind) -> Int {
    switch kind {
    case .ip4, .ip6: 0
    case .a: 1
    case .mx: 2
    case .include: 3
    case .exists: 4
    case .ptr: 5
    case .all: 6
    }
  }

  /// The first pair of directives with different qualifiers whose order the layout would swap.
  static func firstSwap(in directives: [Directive]) -> (earlier: Directive, later: Directive)? {
    for (index, later) in directives.enumerated() {
      let laterRank = rank(later.mechanism.kind)
      for earlier in directives[..<index]
      where earlier.qualifier != later.qualifier && laterRank < rank(earlier.mechanism.kind) {
        return (earlier, later)
      }
    }
    return nil
  }
}
