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
    let end = tags.firstIndex { $0.mechanismKind == .all } ?? tags.count
    let redirect = end == tags.count ? tags.firstIndex(of: .redirect) : nil
    func counts(_ tag: TermTag) -> Bool { tag.mechanismKind?.countsAsLookup == true }
    var count = redirect == nil ? 0 : 1
    for index in 0..<end where counts(tags[index]) { count += 1 }
    guard count > 0 else {
      indices = []
      return
    }
    // Counted first, then stored at the exact size: a growing array allocates twice for most records.
    var counted: [Int] = []
    counted.reserveCapacity(count)
    for index in 0..<end where counts(tags[index]) { counted.append(index) }
    if let redirect { counted.append(redirect) }
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
    var summary = MessageText()
    appendSummary(of: text, in: record, to: &summary)
    return summary.string
  }

  /// Appends `summary(of:in:)` to a message.
  func appendSummary(of text: [UInt8], in record: SPFRecord, to message: inout MessageText) {
    // Spans read where the terms lie: `record.terms[index]` copies the whole term.
    record.terms.withUnsafeBufferPointer { terms in
      let spans = indices.lazy.filter { $0 < terms.count }.map { terms[$0].span }
      // Most lists are short and printable: appended as they are, which is what the excerpt of the
      // joined list would give. Otherwise joined first, so the excerpt cuts and escapes the whole.
      var length = 0
      var printable = true
      for (position, span) in spans.enumerated() {
        let term = text[clamped: span]
        length += (position == 0 ? 0 : 2) + term.count
        printable = printable && Excerpt.isPrintableASCII(term)
      }
      if printable, length <= Self.summaryLimit {
        for (position, span) in spans.enumerated() {
          if position > 0 { message.append(", ") }
          message.append(text[clamped: span])
        }
        return
      }
      var bytes: [UInt8] = []
      bytes.reserveCapacity(length)
      for (position, span) in spans.enumerated() {
        if position > 0 { bytes += [0x2C, 0x20] }
        bytes += text[clamped: span]
      }
      message.append(excerpt: bytes[...], limit: Self.summaryLimit)
    }
  }

  /// The longest summary quoted whole.
  static let summaryLimit = 400
}
