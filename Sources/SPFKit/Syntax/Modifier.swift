/// An SPF modifier: `name=value` (RFC 7208 §6).
public enum Modifier: Hashable, Sendable, CustomStringConvertible {
  /// `redirect=domain` (§6.1): evaluate another domain's policy when nothing matched.
  case redirect(DomainSpec)
  /// `exp=domain` (§6.2): where the explanation of a fail is found.
  case explanation(DomainSpec)
  /// Any other `name=value` (§6.3): ignored by receivers.
  case unknown(name: String, value: MacroString)

  /// The modifier name as written canonically (unknown names keep their case).
  public var name: String {
    switch self {
    case .redirect: "redirect"
    case .explanation: "exp"
    case .unknown(let name, _): name
    }
  }

  public var description: String {
    switch self {
    case .redirect(let spec): "redirect=\(spec)"
    case .explanation(let spec): "exp=\(spec)"
    case .unknown(let name, let value): "\(name)=\(value)"
    }
  }
}
