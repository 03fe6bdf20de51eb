/// An SPF mechanism (RFC 7208 §5).
public enum Mechanism: Hashable, Sendable, CustomStringConvertible {
  /// `all` (§5.1): always matches.
  case all
  /// `include:domain` (§5.2): matches when the included policy passes.
  case include(DomainSpec)
  /// `a[:domain][/n][//m]` (§5.3): matches the domain's A or AAAA addresses.
  case a(DomainSpec?, DualCIDR)
  /// `mx[:domain][/n][//m]` (§5.4): matches the addresses of the domain's MX hosts.
  case mx(DomainSpec?, DualCIDR)
  /// `ptr[:domain]` (§5.5): deprecated; matches validated reverse names.
  case ptr(DomainSpec?)
  /// `ip4:network` (§5.6).
  case ip4(IPv4Network)
  /// `ip6:network` (§5.6).
  case ip6(IPv6Network)
  /// `exists:domain` (§5.7): matches when the name has an A record.
  case exists(DomainSpec)

  /// The mechanism name as written canonically.
  public var name: String { kind.rawValue }

  /// The kind, without arguments.
  public var kind: MechanismKind {
    switch self {
    case .all: .all
    case .include: .include
    case .a: .a
    case .mx: .mx
    case .ptr: .ptr
    case .ip4: .ip4
    case .ip6: .ip6
    case .exists: .exists
    }
  }

  /// Whether evaluating the mechanism queries DNS and so counts toward the limit of 10
  /// (RFC 7208 §4.6.4).
  public var countsAsLookup: Bool { kind.countsAsLookup }

  /// The target domain-spec, if the mechanism names one.
  public var domainSpec: DomainSpec? {
    switch self {
    case .include(let spec), .exists(let spec): spec
    case .a(let spec, _), .mx(let spec, _), .ptr(let spec): spec
    case .all, .ip4, .ip6: nil
    }
  }

  /// Canonical text: lowercase name, argument as parsed, prefix lengths without defaults.
  public var description: String {
    switch self {
    case .all: "all"
    case .include(let spec): "include:\(spec)"
    case .a(let spec, let cidr): "a" + (spec.map { ":\($0)" } ?? "") + cidr.description
    case .mx(let spec, let cidr): "mx" + (spec.map { ":\($0)" } ?? "") + cidr.description
    case .ptr(let spec): "ptr" + (spec.map { ":\($0)" } ?? "")
    case .ip4(let network): "ip4:" + network.description
    case .ip6(let network): "ip6:" + network.description
    case .exists(let spec): "exists:\(spec)"
    }
  }
}

/// The eight mechanism names of RFC 7208 §5.
public enum MechanismKind: String, Hashable, Sendable, CaseIterable {
  case all, include, a, mx, ptr, ip4, ip6, exists

  /// Whether the mechanism queries DNS (RFC 7208 §4.6.4): include, a, mx, ptr, exists.
  public var countsAsLookup: Bool {
    switch self {
    case .include, .a, .mx, .ptr, .exists: true
    case .all, .ip4, .ip6: false
    }
  }
}

/// A qualifier and a mechanism (RFC 7208 §4.6.2).
public struct Directive: Hashable, Sendable, CustomStringConvertible {
  /// The qualifier; `pass` when none is written.
  public var qualifier: Qualifier
  /// The mechanism.
  public var mechanism: Mechanism

  /// Creates a directive.
  public init(_ qualifier: Qualifier = .pass, _ mechanism: Mechanism) {
    self.qualifier = qualifier
    self.mechanism = mechanism
  }

  /// Canonical text: the qualifier is written unless it is the default `+`.
  public var description: String {
    (qualifier == .pass ? "" : String(qualifier.symbol)) + mechanism.description
  }
}
