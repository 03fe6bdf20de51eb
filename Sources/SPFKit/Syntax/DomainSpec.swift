/// A `domain-spec` (RFC 7208 §7.1): a macro string that ends in a top label or an expansion.
public struct DomainSpec: Hashable, Sendable, CustomStringConvertible {
  /// The macro string.
  public var macroString: MacroString

  /// Creates a domain-spec from a macro string.
  public init(_ macroString: MacroString) { self.macroString = macroString }

  /// A domain-spec of a literal domain name.
  public init(domain: String) { macroString = MacroString(literal: domain) }

  /// The domain name when the spec has no macros, else nil.
  public var literalName: String? { macroString.literalText }

  public var description: String { macroString.description }
}

/// The optional IPv4 and IPv6 prefix lengths of `a` and `mx` (RFC 7208 §5.6 `dual-cidr-length`).
public struct DualCIDR: Hashable, Sendable, CustomStringConvertible {
  /// The IPv4 prefix length (0...32), if written.
  public var ip4: Int?
  /// The IPv6 prefix length (0...128), if written.
  public var ip6: Int?

  /// Creates a dual CIDR length.
  public init(ip4: Int? = nil, ip6: Int? = nil) {
    self.ip4 = ip4
    self.ip6 = ip6
  }

  /// No prefix lengths: the full address.
  public static let none = DualCIDR()

  /// `/n`, `//m` or `/n//m`; empty when neither is written.
  public var description: String {
    (ip4.map { "/\($0)" } ?? "") + (ip6.map { "//\($0)" } ?? "")
  }
}
