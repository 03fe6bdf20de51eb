/// A syntax problem the parser found in a record: a violation of the RFC 7208 §12 grammar.
///
/// Issues are facts about the text, not lint findings: the lint rules turn them into diagnostics
/// with codes and fixes.
public struct SyntaxIssue: Hashable, Sendable {
  /// What kind of problem.
  public var kind: Kind
  /// Where it is, in UTF-8 byte offsets of the joined text.
  public var span: SourceSpan
  /// What is wrong: lowercase, no trailing period, offending text in single quotes.
  public var message: String
  /// Replacement text for `span` that is likely meant, if one is known.
  public var suggestion: String?

  /// The kinds of syntax problem, one per lint rule that reports them.
  public enum Kind: Hashable, Sendable, CaseIterable {
    case invalidQualifier
    case unknownMechanism
    case invalidIPAddress
    case invalidCIDRLength
    case invalidDomainSpec
    case invalidMacro
    case invalidVersion
    case invalidCharacter
  }

  /// Creates an issue.
  public init(_ kind: Kind, _ span: SourceSpan, _ message: String, suggestion: String? = nil) {
    self.kind = kind
    self.span = span
    self.message = message
    self.suggestion = suggestion
  }
}

/// A record as parsed: the terms, and every syntax issue found on the way.
public struct ParsedRecord: Hashable, Sendable {
  /// The record; terms with errors are `.invalid`.
  public var record: SPFRecord
  /// Every syntax problem, in source order.
  public var issues: [SyntaxIssue]

  /// Whether the record has no syntax error: a receiver would not return permerror for its syntax.
  public var isValid: Bool { issues.isEmpty }
}
