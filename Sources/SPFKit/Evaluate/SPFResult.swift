/// The result of `check_host()` (RFC 7208 §2.6).
public enum SPFResult: String, Hashable, Sendable, CaseIterable, Codable, CustomStringConvertible {
  /// No SPF record, or no valid domain to check (§2.6.1).
  case none
  /// The domain states nothing about the client (§2.6.2): `?`, or no term matched.
  case neutral
  /// The client is authorized (§2.6.3).
  case pass
  /// The client is not authorized (§2.6.4).
  case fail
  /// The client is probably not authorized (§2.6.5).
  case softfail
  /// A transient DNS error; a later retry may succeed (§2.6.6).
  case temperror
  /// The published records could not be interpreted (§2.6.7).
  case permerror

  /// The result a matching directive gives for its qualifier (RFC 7208 §4.6.2).
  public init(_ qualifier: Qualifier) {
    switch qualifier {
    case .pass: self = .pass
    case .fail: self = .fail
    case .softfail: self = .softfail
    case .neutral: self = .neutral
    }
  }

  /// Whether the result is `temperror` or `permerror`.
  public var isError: Bool { self == .temperror || self == .permerror }

  public var description: String { rawValue }
}
