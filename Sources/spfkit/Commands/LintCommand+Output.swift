import SPFKit

/// Where `spfkit lint` writes its report and in which form: `--format`, `--severity`,
/// `--statistics`, `--output`.
struct LintOutput {
  let options: ReportOptions
  let reporter: any LintReporter
  private let file: OutputFile?
  private let console: Console

  /// Reads the output options; `bulk` (standard input or zone files) makes `warning` the default
  /// threshold, so a clean record prints nothing and the output grows with the problems, not with
  /// the input. A single name keeps `info`: the lookup count is worth reading there.
  ///
  /// `inputs` are the files the run reads ("-" for standard input): `--output` may not name one of
  /// them, under any name, or the report would replace what it reports on.
  init(_ arguments: ParsedArguments, console: Console, bulk: Bool, inputs: [String]) throws(CLIError) {
    let formatName = arguments.value("--format") ?? "text"
    guard let format = LintFormat(rawValue: formatName) else {
      let names = LintFormat.allCases.map(\.rawValue).joined(separator: ", ")
      throw .usage("unknown format '\(formatName)' for '--format': use one of \(names)")
    }
    var options = ReportOptions(threshold: bulk ? .warning : .info, statistics: arguments.has("--statistics"))
    if let text = arguments.value("--severity") {
      guard let severity = Severity(rawValue: text) else {
        throw .usage("unknown severity '\(text)' for '--severity': use one of error, warning, info")
      }
      options.threshold = severity
    }
    self.options = options
    self.console = console
    file = try arguments.value("--output").map { path throws(CLIError) in
      if let input = OutputFile.overwrittenInput(by: path, among: inputs) {
        let named = input == "-" ? "standard input" : "'\(input)'"
        throw .usage("'--output \(path)' is the file the run reads as \(named): the report would replace it")
      }
      return try OutputFile(path: path)
    }
    let out = file?.buffer ?? console.output
    reporter = format.reporter(out: out, color: file == nil && console.colorsOutput, options: options)
  }

  /// Ends the output: flushes it, and renames an `--output` file into place.
  ///
  /// - Throws: `CLIError.input` when the report could not be written whole (a full disk): exit 2,
  ///   never a silent half report.
  func commit() throws(CLIError) {
    guard let file else {
      console.flushOutput()
      guard let failure = console.output.writeError else { return }
      throw .input("cannot write standard output: \(SystemError.reason(failure))")
    }
    try file.commit()
  }
}
