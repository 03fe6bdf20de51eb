/// A lint rule: static metadata and a pure check over the facts gathered in a `LintContext`.
///
/// Rules are stateless and never do I/O. One rule per file in `Rules/`, the type named after the
/// slug in UpperCamelCase.
public protocol Rule: Sendable {
  /// The rule's identity and documentation.
  static var metadata: RuleMetadata { get }
  /// Appends the rule's findings for one name's records.
  func check(_ context: LintContext, into diagnostics: inout [Diagnostic])
}

extension Rule {
  /// The rule's metadata, from an instance.
  public var metadata: RuleMetadata { Self.metadata }
}

/// What a rule needs besides the records themselves.
public enum RuleRequirement: String, Hashable, Sendable, Codable {
  /// Works on the records alone.
  case none
  /// Needs DNS lookups (`--resolve` or `--domain`): `Linter` calls the rule only for a context with
  /// resolution facts.
  case dns
  /// Needs a zone file (`--zone`): `Linter` calls the rule only for a context with zone facts.
  case zone
}

/// What a rule's findings are about: one record, or everything published at the name.
public enum RuleScope: String, Hashable, Sendable, Codable {
  /// One record: a zone-file suppression comment on that record silences the finding.
  ///
  /// A record rule with no `RuleRequirement` decides from the name's records alone, never from the
  /// owner name: `Linter.lint(_:name:zone:memo:)` reuses its findings at every name that publishes the
  /// same records (`LintMemoTests` lints the catalog's examples at several names to hold it to that).
  case record
  /// All the records at the name together (SPF001, SPF101): a suppression comment on any record
  /// of the name silences the finding, whichever record it is reported on. Such a rule may read the
  /// owner name.
  case name
}

/// A rule's identity and documentation: the source of `spfkit explain` and the README table.
public struct RuleMetadata: Hashable, Sendable {
  /// The stable code, `SPF` and three digits: 0xx errors, 1xx warnings, 2xx information.
  public var code: String
  /// The slug: names the bad thing, reads as "allow …" (`permissive-all`).
  public var slug: String
  /// The severity of its findings.
  public var severity: Severity
  /// One line: what it reports.
  public var summary: String
  /// Why it matters (the "Why is this bad?" section).
  public var rationale: String
  /// The RFC reference, e.g. `RFC 7208 §4.6.4`.
  public var reference: String
  /// One example that triggers the rule: `spfkit lint` arguments (several = one name's TXT records);
  /// for a `.zone` rule, lines of a zone file.
  public var triggering: [String]
  /// The example fixed ("Use instead"), in the same form: it lints clean under `--strict`.
  public var nonTriggering: [String]
  /// What the rule needs to run. For `.zone` rules the examples are zone-file lines.
  public var requirement: RuleRequirement
  /// Whether findings concern one record or the whole name.
  public var scope: RuleScope

  /// Creates metadata.
  public init(
    code: String, slug: String, severity: Severity, summary: String, rationale: String, reference: String,
    triggering: [String], nonTriggering: [String], requirement: RuleRequirement = .none,
    scope: RuleScope = .record
  ) {
    self.code = code
    self.slug = slug
    self.severity = severity
    self.summary = summary
    self.rationale = rationale
    self.reference = reference
    self.triggering = triggering
    self.nonTriggering = nonTriggering
    self.requirement = requirement
    self.scope = scope
  }
}
