/// The DNS-querying terms of one record, in evaluation order (RFC 7208 §4.6.4).
///
/// `include`, `a`, `mx`, `ptr` and `exists` count one each; `redirect` counts when the record has
/// no `all` (otherwise it is never followed); terms after `all` are never evaluated and do not
/// count; `exp` does not count.
public struct RecordLookups: Sendable {
  /// The RFC 7208 §4.6.4 limit on DNS-querying terms.
  public static let limit = 10

  /// The indices of the counted terms, in evaluation order.
  public let indices: [Int]

  /// Counts from the term tags alone, so the terms themselves are not copied.
  init(tags: [TermTag]) {
    var counted: [Int] = []
    var sawAll = false
    for (index, tag) in tags.enumerated() {
      guard let kind = tag.mechanismKind else { continue }
      if kind == .all {
        sawAll = true
        break
      }
      if kind.countsAsLookup { counted.append(index) }
    }
    if !sawAll, let redirect = tags.firstIndex(of: .redirect) { counted.append(redirect) }
    indices = counted
  }

  /// Counts a record's terms.
  public init(_ record: SPFRecord) { self.init(tags: record.terms.map(\.tag)) }

  /// The counted terms of `record` (the record these lookups were counted from).
  func terms(in record: SPFRecord) -> [Term] { indices.map { record.terms[$0] } }

  /// How many lookups the record costs, not counting what its includes cost.
  public var count: Int { indices.count }

  /// A short list such as `include:_spf.example.com, mx, a`, in order, as written in `text`.
  func summary(of text: [UInt8], in record: SPFRecord) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(indices.count * 24)
    for (position, index) in indices.enumerated() {
      if position > 0 { bytes += [0x2C, 0x20] }
      bytes += text[clamped: record.terms[index].span]
    }
    return Excerpt.of(bytes[...], limit: 400)
  }
}
