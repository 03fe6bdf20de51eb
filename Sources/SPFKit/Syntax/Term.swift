/// One term of a parsed record with the spans of its parts (RFC 7208 §4.6.1).
public struct Term: Hashable, Sendable, CustomStringConvertible {
  /// What the term is.
  public var kind: Kind
  /// The whole term.
  public var span: SourceSpan
  /// The qualifier character, when one is written.
  public var qualifierSpan: SourceSpan?
  /// The mechanism or modifier name.
  public var nameSpan: SourceSpan
  /// The argument after `:` or `=`, up to any prefix length.
  public var argumentSpan: SourceSpan?
  /// The prefix length(s), `/n` or `/n//m`.
  public var cidrSpan: SourceSpan?

  /// What a term is: a directive, a modifier, or text that is neither.
  public enum Kind: Hashable, Sendable {
    case directive(Directive)
    case modifier(Modifier)
    /// A term with a syntax error; the raw bytes are kept so the record prints back unchanged.
    case invalid([UInt8])
  }

  /// Creates a term; spans default to empty for terms built in code.
  public init(
    _ kind: Kind, span: SourceSpan = .none, qualifierSpan: SourceSpan? = nil, nameSpan: SourceSpan = .none,
    argumentSpan: SourceSpan? = nil, cidrSpan: SourceSpan? = nil
  ) {
    self.kind = kind
    self.span = span
    self.qualifierSpan = qualifierSpan
    self.nameSpan = nameSpan
    self.argumentSpan = argumentSpan
    self.cidrSpan = cidrSpan
  }

  /// A directive term built in code.
  public static func directive(_ qualifier: Qualifier = .pass, _ mechanism: Mechanism) -> Term {
    Term(.directive(Directive(qualifier, mechanism)))
  }

  /// A modifier term built in code.
  public static func modifier(_ modifier: Modifier) -> Term { Term(.modifier(modifier)) }

  /// The directive, if the term is one.
  public var directive: Directive? { if case .directive(let directive) = kind { directive } else { nil } }
  /// The mechanism, if the term is a directive.
  public var mechanism: Mechanism? { directive?.mechanism }
  /// The modifier, if the term is one.
  public var modifier: Modifier? { if case .modifier(let modifier) = kind { modifier } else { nil } }

  /// Canonical text; invalid terms print as written.
  public var description: String {
    switch kind {
    case .directive(let directive): directive.description
    case .modifier(let modifier): modifier.description
    case .invalid(let bytes): String(decoding: bytes, as: UTF8.self)
    }
  }
}

/// A term's kind without its arguments: trivially copyable, so code that scans every term (the lint
/// rules) can do so without copying arguments.
public enum TermTag: Hashable, Sendable {
  /// A directive: its mechanism kind and qualifier.
  case directive(MechanismKind, Qualifier)
  /// `redirect=`
  case redirect
  /// `exp=`
  case explanation
  /// Any other modifier.
  case unknownModifier
  /// A term with a syntax error.
  case invalid

  /// The mechanism kind, for a directive.
  public var mechanismKind: MechanismKind? { if case .directive(let kind, _) = self { kind } else { nil } }
}

extension Term {
  /// The term's tag.
  public var tag: TermTag {
    switch kind {
    case .directive(let directive): .directive(directive.mechanism.kind, directive.qualifier)
    case .modifier(.redirect): .redirect
    case .modifier(.explanation): .explanation
    case .modifier(.unknown): .unknownModifier
    case .invalid: .invalid
    }
  }
}
