import SPFKit

/// GitHub Actions workflow commands, one line per finding:
/// `::error file=FILE,line=L,col=C,endColumn=E,title=SPF001::message` (`::warning` for warnings,
/// `::notice` for information). The runner turns each into an annotation on the file.
///
/// Columns are 1-based UTF-8 byte columns; `endColumn` is just past the finding. A finding that
/// runs over several lines (a record in parentheses) is marked at its start only: GitHub takes
/// columns only when the annotation starts and ends on one line. A finding in no file (a record
/// argument, standard input, a name read over DNS) has no `file=`, which GitHub could not place:
/// its message starts with the location instead (`<stdin>:3:12: …`). Input errors are `::error`
/// annotations too, and the summary ends the output as a plain log line.
final class GitHubReporter: LintReporter {
  private let out: OutputBuffer

  init(out: OutputBuffer) { self.out = out }

  func report(_ result: LintResult) {
    let inFile = result.input.sourcesAreFiles
    result.shown.forEach { diagnostic in
      var message = diagnostic.message
      if let fix = diagnostic.fix { message += "\nfix: \(fix.title)" }
      for note in diagnostic.notes { message += "\nnote: \(note)" }
      let command: StaticString
      switch diagnostic.severity {
      case .error: command = "error"
      case .warning: command = "warning"
      case .info: command = "notice"
      }
      let region = result.region(of: diagnostic)
      let end = region.end.line == region.start.line ? region.end.column : nil
      annotate(command, code: diagnostic.code, message, at: region.source, region.start, endColumn: end, inFile: inFile)
    }
    for omission in result.omitted {
      let start = result.start(ofRecord: omission.record)
      let source = result.source(ofRecord: omission.record)
      annotate("notice", code: omission.code, omission.message, at: source, start, endColumn: nil, inFile: inFile)
    }
  }

  func reportInputError(_ error: LintInputError) {
    let start = SourceLocation(line: error.line, column: error.column)
    annotate("error", code: nil, error.message, at: error.source, start, endColumn: nil, inFile: error.isFile)
  }

  /// The summary as a plain log line after the annotations.
  func finish(_ summary: LintSummary) {
    out.append(TextReporter.summaryLine(summary))
    out.append(0x0A)
  }

  /// `::COMMAND file=F,line=L,col=C[,endColumn=E][,title=CODE]::MESSAGE`, or without `file`, `line`
  /// and `col` and the location in the message when the source is no file.
  private func annotate(
    _ command: StaticString, code: String?, _ message: String, at source: String, _ start: SourceLocation,
    endColumn: Int?, inFile: Bool
  ) {
    out.append(StaticString("::"))
    out.append(command)
    var properties: [String] = []
    if inFile {
      properties = ["file=\(Self.property(source))", "line=\(start.line)", "col=\(start.column)"]
      if let endColumn { properties.append("endColumn=\(endColumn)") }
    }
    if let code { properties.append("title=\(Self.property(code))") }
    if !properties.isEmpty {
      out.append(0x20)
      out.append(properties.joined(separator: ","))
    }
    out.append(StaticString("::"))
    out.append(Self.data(inFile ? message : "\(source):\(start.line):\(start.column): \(message)"))
    out.append(0x0A)
  }

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
