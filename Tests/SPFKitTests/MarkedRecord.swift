import Testing

@testable import SPFKit

/// Record text with the expected issue positions marked inside it, in the manner of swift-format's tests.
///
/// - `⟨` and `⟩` enclose one expected span (start and end are asserted);
/// - `↓` marks where an expected span starts (only the start is asserted);
/// - `⟦80⟧` stands for the raw byte 0x80, so invalid UTF-8 can be written too.
///
/// The markers are stripped and their positions become UTF-8 byte offsets into the remaining bytes.
struct MarkedRecord {
  /// The record bytes without markers.
  let bytes: [UInt8]
  /// The marked spans in the order they are written; `end` is nil for a `↓` marker.
  let spans: [(start: Int, end: Int?)]

  init(_ marked: String) {
    var bytes: [UInt8] = []
    var spans: [(start: Int, end: Int?)] = []
    var open: Int? = nil
    var scalars = marked.unicodeScalars.makeIterator()
    while let scalar = scalars.next() {
      switch scalar {
      case "⟨": open = spans.count; spans.append((bytes.count, bytes.count))
      case "⟩": if let open { spans[open].end = bytes.count }
      case "↓": spans.append((bytes.count, nil))
      case "⟦":
        var hex = ""
        while let digit = scalars.next(), digit != "⟧" { hex.unicodeScalars.append(digit) }
        bytes.append(UInt8(hex, radix: 16)!)
      default: bytes += Array(String(scalar).utf8)
      }
    }
    self.bytes = bytes
    self.spans = spans
  }
}

/// A record that must parse with exactly the marked issues, in source order.
struct IssueCase: Sendable, CustomStringConvertible {
  /// The record, with one marked span per expected issue (see `MarkedRecord`).
  let marked: String
  /// The kind of each issue, in the order of the marks.
  let kinds: [SyntaxIssue.Kind]
  /// The first issue's suggestion, when the case checks it; `.some(nil)` asserts there is none.
  let suggestion: String??
  /// What the case shows.
  let why: String

  init(_ marked: String, _ kinds: SyntaxIssue.Kind..., suggestion: String?? = .none, why: String) {
    self.marked = marked
    self.kinds = kinds
    self.suggestion = suggestion
    self.why = why
  }

  var description: String { "\(why): \(marked)" }

  /// Parses the record and asserts the kind and span of every issue, and the suggestion when given.
  func check(sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let record = MarkedRecord(marked)
    let issues = SPFParser.parse(record.bytes).issues
    #expect(issues.map(\.kind) == kinds, "\(issues.map(\.message))", sourceLocation: sourceLocation)
    #expect(record.spans.count == kinds.count, "one mark per expected issue", sourceLocation: sourceLocation)
    for (issue, span) in zip(issues, record.spans) {
      #expect(issue.span.start == span.start, "start of \(issue.kind)", sourceLocation: sourceLocation)
      if let end = span.end { #expect(issue.span.end == end, "end of \(issue.kind)", sourceLocation: sourceLocation) }
    }
    if let suggestion {
      #expect(issues.first?.suggestion == suggestion, sourceLocation: sourceLocation)
    }
  }
}

/// A record that must parse with no issue and print as `canonical`.
struct ValidCase: Sendable, CustomStringConvertible {
  let record: String
  let canonical: String
  let why: String

  /// A valid record; `canonical` defaults to the record itself.
  init(_ record: String, canonical: String? = nil, why: String) {
    self.record = record
    self.canonical = canonical ?? record
    self.why = why
  }

  var description: String { "\(why): \(record)" }

  /// Parses the record and asserts it has no issue, no invalid term, and prints canonically.
  func check(sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let parsed = SPFParser.parse(record)
    #expect(parsed.issues.map(\.message) == [], sourceLocation: sourceLocation)
    let invalid = parsed.record.terms.filter { if case .invalid = $0.kind { true } else { false } }
    #expect(invalid.isEmpty, sourceLocation: sourceLocation)
    #expect(parsed.record.description == canonical, sourceLocation: sourceLocation)
  }
}

/// A single valid term, with its expected value and the text of each part; spans are derived from the parts.
///
/// The record is `v=spf1 ` and the term, so every expected span is an exact byte offset.
struct TermCase: Sendable, CustomStringConvertible {
  let qualifier: String
  let name: String
  let separator: String
  let argument: String?
  let cidr: String?
  let kind: Term.Kind
  let why: String

  /// A term `qualifier + name + separator + argument + cidr`; the separator is `=` for a modifier, else `:` when
  /// there is an argument.
  init(
    _ qualifier: String, _ name: String, argument: String? = nil, cidr: String? = nil, _ kind: Term.Kind,
    why: String
  ) {
    self.qualifier = qualifier
    self.name = name
    if case .modifier = kind { separator = "=" } else { separator = argument == nil ? "" : ":" }
    self.argument = argument
    self.cidr = cidr
    self.kind = kind
    self.why = why
  }

  var term: String { qualifier + name + separator + (argument ?? "") + (cidr ?? "") }
  var description: String { "\(why): \(term)" }

  /// Parses `v=spf1 TERM` and asserts the term's value and every span.
  func check(sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let parsed = SPFParser.parse("v=spf1 " + term)
    #expect(parsed.issues.map(\.message) == [], sourceLocation: sourceLocation)
    guard parsed.record.terms.count == 1, let parsedTerm = parsed.record.terms.first else {
      Issue.record("expected one term, got \(parsed.record.terms.count)", sourceLocation: sourceLocation)
      return
    }
    #expect(parsedTerm.kind == kind, sourceLocation: sourceLocation)
    let start = 7
    let nameStart = start + qualifier.utf8.count
    let argumentStart = nameStart + name.utf8.count + separator.utf8.count
    let end = start + term.utf8.count
    #expect(parsedTerm.span == SourceSpan(start: start, end: end), sourceLocation: sourceLocation)
    let qualifierSpan = qualifier.isEmpty ? nil : SourceSpan(start: start, end: nameStart)
    #expect(parsedTerm.qualifierSpan == qualifierSpan, "qualifier", sourceLocation: sourceLocation)
    #expect(
      parsedTerm.nameSpan == SourceSpan(start: nameStart, end: nameStart + name.utf8.count), "name",
      sourceLocation: sourceLocation)
    let argumentSpan = argument.map { SourceSpan(start: argumentStart, end: argumentStart + $0.utf8.count) }
    #expect(parsedTerm.argumentSpan == argumentSpan, "argument", sourceLocation: sourceLocation)
    let cidrSpan = cidr.map { SourceSpan(start: end - $0.utf8.count, end: end) }
    #expect(parsedTerm.cidrSpan == cidrSpan, "cidr", sourceLocation: sourceLocation)
  }
}

/// A domain-spec of literal text, for expected values.
func spec(_ domain: String) -> DomainSpec { DomainSpec(domain: domain) }
