import SPFKit

/// GitHub Actions workflow commands, one line per finding:
/// `::error file=FILE,line=L,col=C,endColumn=E,title=SPF001::message` (`::warning` for warnings,
/// `::notice` for information). The runner turns each into an annotation on the file.
///
/// Columns are 1-based UTF-8 byte columns; `endColumn` is just past the finding. A finding that
/// runs over several lines (a record in parentheses) is marked at its start only: GitHub takes
/// columns only when the annotation starts and ends on one line.
final class GitHubReporter: LintReporter {
  private let console: Console

  init(console: Console) { self.console = console }

  func report(_ result: LintResult) {
    for diagnostic in result.diagnostics {
      let region = result.region(of: diagnostic)
      let command: String
      switch diagnostic.severity {
      case .error: command = "error"
      case .warning: command = "warning"
      case .info: command = "notice"
      }
      var properties = [
        "file=\(Self.property(region.source))", "line=\(region.start.line)", "col=\(region.start.column)",
      ]
      if region.end.line == region.start.line { properties.append("endColumn=\(region.end.column)") }
      properties.append("title=\(Self.property(diagnostic.code))")
      var message = diagnostic.message
      if let fix = diagnostic.fix { message += "\nfix: \(fix.title)" }
      for note in diagnostic.notes { message += "\nnote: \(note)" }
      console.line("::\(command) \(properties.joined(separator: ","))::\(Self.data(message))")
    }
  }

  /// Nothing more: the annotations are the whole output.
  func finish(_ summary: LintSummary) {}

  /// A command's message, escaped as the runner reads it back: `%`, carriage return, line feed.
  static func data(_ text: String) -> String { escaped(text, isProperty: false) }

  /// A property value: escaped like data, and `:` and `,` too, which would end the value.
  static func property(_ text: String) -> String { escaped(text, isProperty: true) }

  private static func escaped(_ text: String, isProperty: Bool) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "%": out += "%25"
      case "\r": out += "%0D"
      case "\n": out += "%0A"
      case ":" where isProperty: out += "%3A"
      case "," where isProperty: out += "%2C"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
