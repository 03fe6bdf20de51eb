/// The output formats of `spfkit lint --format`.
enum LintFormat: String, CaseIterable {
  /// Compiler-style lines with the record and a marker (the default).
  case text
  /// One JSON document (schema in the README).
  case json
  /// One SARIF 2.1.0 log, for code scanning.
  case sarif
  /// GitHub Actions workflow commands: one annotation per finding.
  case github

  /// The reporter writing this format to `console`.
  func reporter(console: Console) -> any LintReporter {
    switch self {
    case .text: TextReporter(console: console)
    case .json: JSONReporter(console: console)
    case .sarif: SARIFReporter(console: console)
    case .github: GitHubReporter(console: console)
    }
  }
}
