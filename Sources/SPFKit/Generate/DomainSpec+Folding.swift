/// Comparison keys that ignore ASCII case in domain names, for dropping duplicate terms when
/// merging (DNS names compare case-insensitively, RFC 4343).
extension DomainSpec {
  /// The canonical text with literal parts in ASCII lowercase; macro letters keep their case,
  /// since `%{D}` (URL-escaped) and `%{d}` expand differently (RFC 7208 §7.3).
  var foldedKey: String {
    macroString.parts.map { part in
      guard case .literal(let text) = part else { return part.description }
      return String(decoding: text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }.joined()
  }
}

extension Mechanism {
  /// The canonical text with the domain-spec folded (see `DomainSpec.foldedKey`).
  var foldedKey: String {
    switch self {
    case .include(let spec): "include:" + spec.foldedKey
    case .exists(let spec): "exists:" + spec.foldedKey
    case .a(let spec, let cidr): "a" + (spec.map { ":" + $0.foldedKey } ?? "") + cidr.description
    case .mx(let spec, let cidr): "mx" + (spec.map { ":" + $0.foldedKey } ?? "") + cidr.description
    case .ptr(let spec): "ptr" + (spec.map { ":" + $0.foldedKey } ?? "")
    case .all, .ip4, .ip6: description
    }
  }
}
