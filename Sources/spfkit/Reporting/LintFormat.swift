/// The output formats of `spfkit lint --format`.
enum LintFormat: String, CaseIterable {
  /// Compiler-style lines with the record and a marker (the default).
  case text
  /// One JSON document, written as it goes (schema in the README).
  case json
  /// JSON Lines: one object per name per line.
  case jsonl
  /// One SARIF 2.1.0 log, for code scanning.
  case sarif
  /// GitHub Actions workflow commands: one annotation per finding.
  case github

  /// The reporter writing this format to `out`; `color` only for text.
  func reporter(out: OutputBuffer, color: Bool, options: ReportOptions) -> any LintReporter {
    switch self {
    case .text: TextReporter(out: out, color: color, options: options)
    case .json: JSONReporter(out: out, framing: .document)
    case .jsonl: JSONReporter(out: out, framing: .lines)
    case .sarif: SARIFReporter(out: out)
    case .github: GitHubReporter(out: out)
    }
  }
}
