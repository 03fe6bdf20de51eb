import Testing

@testable import SPFKit

/// The rule catalog as a whole: identities, documentation, and the examples every rule carries.
struct RuleCatalogTests {
  /// One catalog rule, named by its code in test output.
  struct Entry: Sendable, CustomTestStringConvertible {
    let rule: any Rule
    var metadata: RuleMetadata { rule.metadata }
    var testDescription: String { "\(metadata.code) \(metadata.slug)" }
  }

  static let entries = RuleCatalog.rules.map(Entry.init)

  /// Slug words written in upper case in type names (acronyms in uniform case, per STYLE.md).
  static let acronyms: Set<String> = ["cidr", "dns", "id", "ip", "mx", "rr", "spf", "txt"]

  /// The codes, slugs and severities of DESIGN.md's table: the public contract.
  static let contract: [(code: String, slug: String, severity: Severity)] = [
    ("SPF001", "multiple-records", .error), ("SPF002", "string-too-long", .error),
    ("SPF003", "too-many-lookups", .error), ("SPF004", "too-many-void-lookups", .error),
    ("SPF005", "invalid-qualifier", .error),
    ("SPF006", "unknown-mechanism", .error), ("SPF007", "invalid-ip-address", .error),
    ("SPF008", "invalid-cidr-length", .error), ("SPF009", "invalid-domain-spec", .error),
    ("SPF010", "invalid-macro", .error), ("SPF011", "duplicate-modifier", .error),
    ("SPF012", "invalid-version", .error), ("SPF013", "invalid-character", .error),
    ("SPF014", "string-join-no-space", .error), ("SPF015", "include-without-record", .error),
    ("SPF016", "mx-too-many-records", .error), ("SPF017", "include-loop", .error),
    ("SPF018", "include-target-invalid", .error),
    ("SPF101", "record-too-large", .warning),
    ("SPF102", "ptr-deprecated", .warning), ("SPF103", "permissive-all", .warning),
    ("SPF104", "neutral-all", .warning), ("SPF105", "missing-all", .warning),
    ("SPF106", "redirect-ignored", .warning), ("SPF107", "unreachable-terms", .warning),
    ("SPF108", "redundant-network", .warning), ("SPF109", "duplicate-term", .warning),
    ("SPF110", "host-bits-set", .warning), ("SPF111", "non-public-network", .warning),
    ("SPF112", "unknown-modifier", .warning), ("SPF113", "spf-rr-type", .warning),
    ("SPF114", "lookup-limit-near", .warning), ("SPF115", "overly-broad-network", .warning),
    ("SPF116", "void-lookup", .warning), ("SPF117", "embedded-version", .warning),
    ("SPF118", "sender-id-record", .warning),
    ("SPF201", "lookup-count", .info),
  ]

  @Test func codesAreUniqueAndOrdered() {
    let codes = RuleCatalog.rules.map(\.metadata.code)
    #expect(Set(codes).count == codes.count)
    #expect(codes == codes.sorted())
  }

  @Test func slugsAreUnique() {
    let slugs = RuleCatalog.rules.map(\.metadata.slug)
    #expect(Set(slugs).count == slugs.count)
  }

  @Test(arguments: contract.map { "\($0.code) \($0.slug) \($0.severity)" })
  func designTableIsKept(_ row: String) throws {
    let parts = row.split(separator: " ").map(String.init)
    let rule = try #require(RuleCatalog.rule(named: parts[0]))
    #expect("\(rule.metadata.code) \(rule.metadata.slug) \(rule.metadata.severity)" == row)
    #expect(RuleCatalog.rule(named: parts[1].uppercased())?.metadata.code == parts[0], "lookup by slug, any case")
  }

  @Test(arguments: entries)
  func codeIsInTheBandOfItsSeverity(_ entry: Entry) {
    let code = entry.metadata.code
    #expect(code.wholeMatch(of: #/SPF[0-9]{3}/#) != nil)
    let band: Severity? =
      switch code.dropFirst(3).first {
      case "0": .error
      case "1": .warning
      case "2": .info
      default: nil
      }
    #expect(band == entry.metadata.severity)
  }

  @Test(arguments: entries)
  func typeIsNamedAfterTheSlug(_ entry: Entry) {
    let slug = entry.metadata.slug
    #expect(slug.wholeMatch(of: #/[a-z][a-z0-9]*(-[a-z0-9]+)*/#) != nil, "lowercase-kebab")
    let expected = slug.split(separator: "-").map { word in
      Self.acronyms.contains(String(word)) ? word.uppercased() : word.prefix(1).uppercased() + word.dropFirst()
    }.joined()
    #expect(String(describing: type(of: entry.rule)) == expected)
  }

  @Test(arguments: entries)
  func documentationIsWellFormed(_ entry: Entry) {
    let metadata = entry.metadata
    #expect(metadata.summary.first?.isUppercase == false, "summary starts lowercase (or with '+all', a digit)")
    #expect(metadata.summary.last != ".", "summary has no trailing period")
    #expect(!metadata.rationale.isEmpty)
    #expect(metadata.reference.contains("RFC "), "reference names an RFC")
  }

  /// The examples are `spfkit lint` arguments, all of one name: the triggering ones report the
  /// rule's code; the others are clean (no error, no warning: what `--strict` passes), together or alone.
  @Test(arguments: entries.filter { $0.metadata.requirement == .none })
  func examplesBehave(_ entry: Entry) throws {
    let metadata = entry.metadata
    try #require(!metadata.triggering.isEmpty && !metadata.nonTriggering.isEmpty)
    func findings(_ arguments: [String]) throws -> [Diagnostic] { Linter().lint(try MarkedInput(arguments).records) }
    #expect(try findings(metadata.triggering).map(\.code).contains(metadata.code), "\(metadata.triggering)")
    for example in [metadata.nonTriggering] + metadata.nonTriggering.map({ [$0] }) {
      let failing = try findings(example).filter { $0.severity != .info }
      #expect(failing.isEmpty, "\(example): \(failing.map(\.message))")
    }
  }

  /// The examples of a zone rule are zone-file lines: read, then linted owner by owner.
  @Test(arguments: entries.filter { $0.metadata.requirement == .zone })
  func zoneExamplesBehave(_ entry: Entry) throws {
    let metadata = entry.metadata
    try #require(!metadata.triggering.isEmpty && !metadata.nonTriggering.isEmpty)
    func codes(_ lines: [String]) throws -> [String] {
      let records = try ZoneTestSupport.read(lines.joined(separator: "\n") + "\n", origin: ".")
      let owners = Dictionary(grouping: records, by: \.owner)
      return owners.values.flatMap { Linter().lint(LintContext(zoneRecords: $0)).map(\.code) }
    }
    #expect(try codes(metadata.triggering).contains(metadata.code), "\(metadata.triggering)")
    #expect(try !codes(metadata.nonTriggering).contains(metadata.code), "\(metadata.nonTriggering)")
  }
}
