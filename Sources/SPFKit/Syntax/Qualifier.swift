/// The result a directive gives when its mechanism matches (RFC 7208 §4.6.2).
public enum Qualifier: UInt8, Hashable, Sendable, CaseIterable {
  /// `+`, the default when no qualifier is written.
  case pass = 0x2B
  /// `-`
  case fail = 0x2D
  /// `~`
  case softfail = 0x7E
  /// `?`
  case neutral = 0x3F

  /// The qualifier written as `byte`, if it is one.
  public init?(byte: UInt8) { self.init(rawValue: byte) }

  /// The qualifier character.
  public var symbol: Character { Character(Unicode.Scalar(rawValue)) }

  /// The result name: `pass`, `fail`, `softfail` or `neutral`.
  public var resultName: String {
    switch self {
    case .pass: "pass"
    case .fail: "fail"
    case .softfail: "softfail"
    case .neutral: "neutral"
    }
  }
}
