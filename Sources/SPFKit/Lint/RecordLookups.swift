/// The DNS-querying terms of one record, in evaluation order (RFC 7208 §4.6.4).
///
/// `include`, `a`, `mx`, `ptr` and `exists` count one each; `redirect` counts when the record has
/// no `all` (otherwise it is never followed); terms after `all` are never evaluated and do not
/// count; `exp` does not count.
struct RecordLookups: Sendable {
  /// The RFC 7208 §4.6.4 limit on DNS-querying terms.
  static let limit = 10

  /// The counted terms in evaluation order.
  let terms: [Term]

  init(_ record: SPFRecord) {
    var counted: [Term] = []
    var sawAll = false
    for term in record.terms {
      guard case .directive(let directive) = term.kind else { continue }
      if directive.mechanism == .all {
        sawAll = true
        break
      }
      if directive.mechanism.countsAsLookup { counted.append(term) }
    }
    if !sawAll, let redirect = record.terms.first(where: { if case .modifier(.redirect) = $0.kind { true } else { false } }) {
      counted.append(redirect)
    }
    terms = counted
  }

  /// How many lookups the record costs, not counting what its includes cost.
  var count: Int { terms.count }

  /// A short list such as `include:_spf.example.com, mx, a`, in order, as written in `text`.
  func summary(of text: [UInt8]) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(terms.count * 24)
    for (index, term) in terms.enumerated() {
      if index > 0 { bytes += [0x2C, 0x20] }
      bytes += text[clamped: term.span]
    }
    return Excerpt.of(bytes[...], limit: 400)
  }
}
