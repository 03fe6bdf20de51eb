/// How bad a finding is.
public enum Severity: String, Hashable, Sendable, Comparable, Codable, CaseIterable {
  /// A receiver returns permerror, ignores the record, or it cannot be published.
  case error
  /// Legal but risky.
  case warning
  /// For information only.
  case info

  private var rank: Int {
    switch self {
    case .error: 2
    case .warning: 1
    case .info: 0
    }
  }

  /// Orders by badness: `info < warning < error`.
  public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// One replacement of a span of a record's joined text.
public struct TextEdit: Hashable, Sendable {
  /// The bytes to replace (UTF-8 offsets into the joined text); an empty span inserts.
  public var span: SourceSpan
  /// The new text.
  public var replacement: String

  /// Creates an edit.
  public init(span: SourceSpan, replacement: String) {
    self.span = span
    self.replacement = replacement
  }
}

/// A fix: what to do, as text edits or a whole new TXT record.
public struct Fix: Hashable, Sendable {
  /// What the fix does, imperative and lowercase ("replace '+all' with '-all'").
  public var title: String
  /// Edits of the record's joined text, non-overlapping, in any order.
  public var edits: [TextEdit]
  /// A whole new TXT record, when the fix changes how the text is split into strings.
  public var record: TXTRecord?

  /// Creates a fix.
  public init(title: String, edits: [TextEdit] = [], record: TXTRecord? = nil) {
    self.title = title
    self.edits = edits
    self.record = record
  }

  /// The joined text with the edits applied (or the new record's text).
  public func applied(to text: [UInt8]) -> [UInt8] {
    if let record { return record.joined }
    var result = text
    for edit in edits.sorted(by: { $0.span.start > $1.span.start }) {
      result.replaceSubrange(edit.span.clamped(toCount: result.count), with: Array(edit.replacement.utf8))
    }
    return result
  }
}

/// One lint finding.
///
/// The code (`SPF003`) is the stable identity; the message may improve between versions.
public struct Diagnostic: Hashable, Sendable {
  /// The stable rule code, e.g. `SPF003`.
  public var code: String
  /// The rule slug, e.g. `too-many-lookups`.
  public var slug: String
  /// How bad it is.
  public var severity: Severity
  /// What is wrong: lowercase first word, no trailing period, offending text in single quotes.
  public var message: String
  /// Which of the name's TXT records it concerns (index into the lint subject), if one.
  public var record: Int?
  /// Where in that record's joined text, if a span applies.
  public var span: SourceSpan?
  /// How to fix it, when a fix is known.
  public var fix: Fix?
  /// Further lines of detail (the include path that crosses a limit, for example).
  public var notes: [String]
  /// Where the finding is in the record's source file when it is outside the record's text (the
  /// record type of a zone line, SPF113); nil when `span` locates it.
  public var location: SourceRange?
  /// Other spans of the record the finding is about (the first copy of a repeated term): when a finding
  /// that explains one of them is reported (SPF014, SPF012), this one becomes a note of it.
  public var relatedSpans: [SourceSpan]

  /// Creates a diagnostic for a rule.
  public init(
    _ metadata: RuleMetadata, _ message: String, record: Int? = nil, span: SourceSpan? = nil,
    fix: Fix? = nil, notes: [String] = [], location: SourceRange? = nil, relatedSpans: [SourceSpan] = []
  ) {
    code = metadata.code
    slug = metadata.slug
    severity = metadata.severity
    self.message = message
    self.record = record
    self.span = span
    self.fix = fix
    self.notes = notes
    self.location = location
    self.relatedSpans = relatedSpans
  }
}
