/// Which kinds of terms a record has, one bit a kind: a rule that looks for one kind skips a record
/// without it by reading one word.
///
/// Read through `LintContext.forEachSPFRecord`, that word costs nothing more. Scanning the record's
/// tags instead holds the tag array and the record, and each hold is an atomic reference count, for
/// every rule and every record.
struct TermKinds: OptionSet, Hashable, Sendable {
  let rawValue: UInt16

  init(rawValue: UInt16) { self.rawValue = rawValue }

  /// The bit of a mechanism kind.
  init(_ kind: MechanismKind) {
    let position: UInt16 =
      switch kind {
      case .all: 0
      case .include: 1
      case .a: 2
      case .mx: 3
      case .ptr: 4
      case .ip4: 5
      case .ip6: 6
      case .exists: 7
      }
    rawValue = 1 << position
  }

  /// The bit of a term's tag (a directive's mechanism kind, whatever its qualifier).
  init(_ tag: TermTag) {
    switch tag {
    case .directive(let kind, _): self.init(kind)
    case .redirect: self = .redirect
    case .explanation: self = .explanation
    case .unknownModifier: self = .unknownModifier
    case .invalid: self = .invalid
    }
  }

  static let all = TermKinds(MechanismKind.all)
  static let include = TermKinds(MechanismKind.include)
  static let a = TermKinds(MechanismKind.a)
  static let mx = TermKinds(MechanismKind.mx)
  static let ptr = TermKinds(MechanismKind.ptr)
  static let ip4 = TermKinds(MechanismKind.ip4)
  static let ip6 = TermKinds(MechanismKind.ip6)
  static let exists = TermKinds(MechanismKind.exists)
  static let redirect = TermKinds(rawValue: 1 << 8)
  static let explanation = TermKinds(rawValue: 1 << 9)
  static let unknownModifier = TermKinds(rawValue: 1 << 10)
  static let invalid = TermKinds(rawValue: 1 << 11)
  /// Every mechanism kind.
  static let mechanisms = TermKinds(rawValue: 0xFF)

  /// The kinds of `tags`, and those that appear more than once.
  static func of(_ tags: [TermTag]) -> (present: TermKinds, repeated: TermKinds) {
    var present: TermKinds = []
    var repeated: TermKinds = []
    for tag in tags {
      let kind = TermKinds(tag)
      if present.contains(kind) { repeated.insert(kind) }
      present.insert(kind)
    }
    return (present, repeated)
  }
}
