/// The output formats of `spfkit lint --format`.
enum LintFormat: String, CaseIterable {
  /// Compiler-style lines with the record and a marker (the default).
  case text
  /// One JSON document (schema in the README).
  case json

  /// The reporter writing this format to `console`.
  func reporter(console: Console) -> any LintReporter {
    switch self {
    case .text: TextReporter(console: console)
    case .json: JSONReporter(console: console)
    }
  }
}
