import Foundation
import SPFKit

/// One SARIF 2.1.0 log for the whole run, for code scanning (GitHub's `upload-sarif` and others).
///
/// The driver lists every catalog rule (id = code, name = slug, descriptions and help from the
/// rule's metadata); each finding is a result with its rule, level (`error`, `warning`, `note`),
/// message and region; a fix made of text edits of a zone-file record becomes a SARIF fix. Inputs
/// that could not be read are tool execution notifications, and the run is then unsuccessful.
///
/// Regions are 1-based lines and UTF-8 byte columns, `endColumn` just past the finding. SARIF
/// counts columns in UTF-16 code units by default: the two agree on ASCII lines.
final class SARIFReporter: LintReporter {
  /// Where the driver points for information about the tool. No project page is published yet, so
  /// it is the specification the tool checks against.
  static let informationURI = "https://www.rfc-editor.org/rfc/rfc7208"

  private let out: OutputBuffer
  private var results: [SARIFLog.Result] = []
  private var notifications: [SARIFLog.Notification] = []
  private let ruleIndex: [String: Int]

  init(out: OutputBuffer) {
    self.out = out
    ruleIndex = Dictionary(uniqueKeysWithValues: RuleCatalog.metadata.enumerated().map { ($1.code, $0) })
  }

  func report(_ result: LintResult) {
    result.shown.forEach { diagnostic in
      let region = result.region(of: diagnostic)
      let uri = Self.uri(region.source)
      var fix: SARIFLog.Fix?
      if result.input.zone != nil, let edits = diagnostic.fix, let record = result.record(of: diagnostic) {
        fix = Self.fix(edits, in: record, uri: uri)
      }
      var message = diagnostic.message
      if fix == nil, let title = diagnostic.fix?.title { message += "\nfix: \(title)" }
      for note in diagnostic.notes { message += "\nnote: \(note)" }
      results.append(
        SARIFLog.Result(
          ruleId: diagnostic.code, ruleIndex: ruleIndex[diagnostic.code] ?? -1, level: Self.level(diagnostic.severity),
          message: .init(text: message), locations: [Self.location(uri: uri, region.start, region.end)],
          fixes: fix.map { [$0] }))
    }
    for omission in result.omitted {
      let start = result.start(ofRecord: omission.record)
      notifications.append(
        SARIFLog.Notification(
          level: "note", message: .init(text: omission.message),
          locations: [Self.location(uri: Self.uri(result.source(ofRecord: omission.record)), start, start)]))
    }
  }

  func reportInputError(_ error: LintInputError) {
    let start = SourceLocation(line: error.line, column: error.column)
    notifications.append(
      SARIFLog.Notification(
        level: "error", message: .init(text: error.message),
        locations: [Self.location(uri: Self.uri(error.source), start, start)]))
  }

  func finish(_ summary: LintSummary) {
    let driver = SARIFLog.Driver(
      name: "spfkit", version: SPFKitCommand.version, semanticVersion: SPFKitCommand.version,
      informationUri: Self.informationURI, rules: RuleCatalog.metadata.map(Self.rule))
    let run = SARIFLog.Run(
      tool: .init(driver: driver),
      invocations: [
        .init(
          executionSuccessful: summary.inputErrors == 0, toolExecutionNotifications: notifications,
          properties: .init(
            summary: TextReporter.summaryLine(summary), records: summary.records, errors: summary.errors,
            warnings: summary.warnings, infos: summary.infos, inputErrors: summary.inputErrors,
            omitted: summary.omitted))
      ],
      results: results)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(SARIFLog(runs: [run])) else { return }
    out.append(data)
    out.append(0x0A)
  }

  /// SARIF's level for a severity.
  static func level(_ severity: Severity) -> String {
    switch severity {
    case .error: "error"
    case .warning: "warning"
    case .info: "note"
    }
  }

  /// A location in a source, its region ending on the end's line.
  static func location(uri: String, _ start: SourceLocation, _ end: SourceLocation) -> SARIFLog.Location {
    let region = SARIFLog.Region(
      startLine: start.line, startColumn: start.column, endLine: end.line == start.line ? nil : end.line,
      endColumn: end.column)
    return SARIFLog.Location(physicalLocation: .init(artifactLocation: .init(uri: uri), region: region))
  }

  /// A source name as a URI reference: the path as given, percent-encoded where a URI needs it
  /// (`<arg1>` becomes `%3Carg1%3E`); an absolute path becomes a `file://` URI.
  static func uri(_ source: String) -> String {
    var encoded = ""
    for byte in source.utf8 {
      switch byte {
      case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2D, 0x2E, 0x5F, 0x7E, 0x2F, 0x21, 0x24, 0x26...0x2C, 0x3B, 0x3D,
        0x40:
        encoded.unicodeScalars.append(UnicodeScalar(byte))
      default:
        encoded += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
      }
    }
    return source.hasPrefix("/") ? "file://" + encoded : encoded
  }

  /// A catalog rule as a SARIF reporting descriptor.
  static func rule(_ metadata: RuleMetadata) -> SARIFLog.Rule {
    let example = ExplainCommand.exampleLines(metadata.triggering, metadata)
    let instead = ExplainCommand.exampleLines(metadata.nonTriggering, metadata)
    let text =
      "\(metadata.rationale)\n\nExample:\n" + example.map { "  \($0)\n" }.joined() + "\nUse instead:\n"
      + instead.map { "  \($0)\n" }.joined() + "\nReferences: \(metadata.reference)"
    let fence = { (lines: [String]) in "```\n" + lines.joined(separator: "\n") + "\n```" }
    let markdown =
      "**Why is this bad?** \(metadata.rationale)\n\n**Example**\n\n\(fence(example))\n\n**Use instead**\n\n"
      + "\(fence(instead))\n\n**References**: \(metadata.reference)"
    var tags = ["spf"]
    if metadata.requirement != .none { tags.append(metadata.requirement.rawValue) }
    return SARIFLog.Rule(
      id: metadata.code, name: metadata.slug, shortDescription: .init(text: metadata.summary),
      fullDescription: .init(text: metadata.rationale), help: .init(text: text, markdown: markdown),
      helpUri: helpURI(metadata.reference), defaultConfiguration: .init(level: level(metadata.severity)),
      properties: .init(tags: tags))
  }

  /// The RFC section a reference names first (`RFC 7208 §4.6.4`), on the RFC Editor's site.
  static func helpURI(_ reference: String) -> String? {
    guard let match = reference.firstMatch(of: /RFC ([0-9]+)(?: §([0-9.]+))?/) else { return nil }
    let section = match.2.map { "#section-\($0)" } ?? ""
    return "https://www.rfc-editor.org/rfc/rfc\(match.1)\(section)"
  }
}

extension String {
  /// The string with zeros in front up to `width` characters.
  fileprivate func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: "0", count: width - count) + self
  }
}
