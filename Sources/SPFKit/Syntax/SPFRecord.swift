/// An SPF record: the version and its terms in order (RFC 7208 §4.6).
public struct SPFRecord: Hashable, Sendable, CustomStringConvertible {
  /// The span of the version, `v=spf1`.
  public var versionSpan: SourceSpan
  /// The terms in order.
  public var terms: [Term]

  /// Creates a record.
  public init(terms: [Term], versionSpan: SourceSpan = SourceSpan(start: 0, end: 6)) {
    self.terms = terms
    self.versionSpan = versionSpan
  }

  /// The version tag every SPF record starts with (RFC 7208 §4.5).
  public static let version = "v=spf1"

  /// Whether text is selected as an SPF record: it starts with `v=spf1` (any case) followed by a
  /// space or the end (RFC 7208 §4.5).
  public static func isSelected(_ bytes: some Collection<UInt8>) -> Bool {
    var index = bytes.startIndex
    for expected in SPFRecord.version.utf8 {
      guard index != bytes.endIndex,
        bytes[index] | (bytes[index] >= 0x41 && bytes[index] <= 0x5A ? 0x20 : 0) == expected
      else { return false }
      index = bytes.index(after: index)
    }
    return index == bytes.endIndex || bytes[index] == 0x20
  }

  /// The directives in order.
  public var directives: [Directive] { terms.compactMap(\.directive) }
  /// The modifiers in order.
  public var modifiers: [Modifier] { terms.compactMap(\.modifier) }

  /// The `redirect=` target, if any (the first one when written twice).
  public var redirect: DomainSpec? {
    for term in terms { if case .modifier(.redirect(let spec)) = term.kind { return spec } }
    return nil
  }

  /// The `exp=` target, if any (the first one when written twice).
  public var explanation: DomainSpec? {
    for term in terms { if case .modifier(.explanation(let spec)) = term.kind { return spec } }
    return nil
  }

  /// The canonical text: `v=spf1` and the terms separated by one space (see `Term.description`).
  public var description: String {
    terms.reduce(into: SPFRecord.version) { text, term in
      text += " "
      text += term.description
    }
  }
}
