import Foundation
import SPFKit

/// `spfkit explain [CODE|SLUG]`: one rule's documentation, or the list of every rule.
enum ExplainCommand: Command {
  static let spec = CommandSpec(
    name: "explain",
    abstract: "Explain a lint rule, or list every rule.",
    usage: "explain [<code-or-slug>] [--format <format>]",
    arguments: [ArgumentHelp(name: "<code-or-slug>", help: "A rule code (SPF003) or slug (too-many-lookups).")],
    options: [
      OptionSpec(
        name: "--format", valueName: "format",
        help: "text, markdown for the rule table of the README, or json (default: text).")
    ])

  static func run(_ arguments: ParsedArguments, console: Console) async throws(CLIError) -> ExitCode {
    let format = arguments.value("--format") ?? "text"
    guard ["text", "markdown", "json"].contains(format) else {
      throw .usage("unknown format '\(format)' for '--format': use text, markdown or json")
    }
    guard arguments.positionals.count <= 1 else { throw .usage("give at most one rule") }
    guard let name = arguments.positionals.first else {
      switch format {
      case "markdown": console.write(markdownTable())
      case "json": console.write(JSONOutput.string(RuleCatalog.metadata.map(RuleDocument.init)) + "\n")
      default: console.write(textList())
      }
      return .success
    }
    guard let rule = RuleCatalog.rule(named: name) else {
      throw .usage("no rule '\(name)': run 'spfkit explain' for the list")
    }
    switch format {
    case "json": console.write(JSONOutput.string([RuleDocument(rule.metadata)]) + "\n")
    default: console.write(document(rule.metadata))
    }
    return .success
  }

  /// One line per rule: code, severity, slug, summary.
  static func textList() -> String {
    RuleCatalog.metadata.map { rule in
      let severity = rule.severity.rawValue.padding(7)
      let requirement = rule.requirement == .none ? "" : " (\(rule.requirement.rawValue))"
      return "\(rule.code)  \(severity)  \(rule.slug.padding(24))  \(rule.summary)\(requirement)\n"
    }.joined()
  }

  /// The README rule table.
  static func markdownTable() -> String {
    var table = "| code | slug | severity | what | reference |\n|---|---|---|---|---|\n"
    for rule in RuleCatalog.metadata {
      let requirement = rule.requirement == .none ? "" : " (\(rule.requirement.rawValue))"
      table +=
        "| \(rule.code) | `\(rule.slug)` | \(rule.severity.rawValue) | \(rule.summary)\(requirement) | \(rule.reference) |\n"
    }
    return table
  }

  /// The fixed documentation sections of a rule.
  static func document(_ rule: RuleMetadata) -> String {
    var text = "\(rule.code) \(rule.slug) (\(rule.severity.rawValue))\n\n"
    text += "What it does\n  \(rule.summary)\n\n"
    text += "Why is this bad?\n" + wrap(rule.rationale) + "\n"
    let example = rule.requirement == .zone ? "Example (zone file)" : "Example"
    text += example + "\n" + exampleLines(rule.triggering, rule).map { "  \($0)\n" }.joined() + "\n"
    text += "Use instead\n" + exampleLines(rule.nonTriggering, rule).map { "  \($0)\n" }.joined() + "\n"
    if rule.requirement != .none {
      text += "Runs\n  only with \(rule.requirement == .dns ? "DNS (--resolve or --domain)" : "--zone")\n\n"
    }
    text += "References\n  \(rule.reference)\n"
    return text
  }

  /// How a rule's examples read: the TXT records of one name as one `spfkit lint` command line, or
  /// for a zone rule, the zone-file lines themselves.
  static func exampleLines(_ examples: [String], _ rule: RuleMetadata) -> [String] {
    guard rule.requirement != .zone else { return examples }
    return ["spfkit lint " + examples.map(shellQuoted).joined(separator: " ")]
  }

  /// A shell word in single quotes (`'` written as `'\''`).
  static func shellQuoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }

  /// Wraps a paragraph at 78 columns with a two-space indent.
  static func wrap(_ paragraph: String) -> String {
    var lines: [String] = []
    var current = ""
    for word in paragraph.split(separator: " ") {
      if !current.isEmpty, current.count + word.count + 1 > 76 {
        lines.append(current)
        current = ""
      }
      current += current.isEmpty ? String(word) : " " + word
    }
    if !current.isEmpty { lines.append(current) }
    return lines.map { "  " + $0 + "\n" }.joined()
  }
}

/// One rule as `spfkit explain --format json` prints it: an array of these, one per rule.
///
/// `triggering` and `nonTriggering` are `spfkit lint` arguments (the TXT records of one name); for
/// a rule that needs `--zone` (`requirement` is `zone`), they are the lines of a zone file.
struct RuleDocument: Encodable {
  let code: String
  let slug: String
  let severity: String
  let summary: String
  let rationale: String
  let reference: String
  let requirement: String
  let triggering: [String]
  let nonTriggering: [String]

  init(_ rule: RuleMetadata) {
    code = rule.code
    slug = rule.slug
    severity = rule.severity.rawValue
    summary = rule.summary
    rationale = rule.rationale
    reference = rule.reference
    requirement = rule.requirement.rawValue
    triggering = rule.triggering
    nonTriggering = rule.nonTriggering
  }
}

extension String {
  /// The string padded with spaces to at least `width` characters.
  func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}
