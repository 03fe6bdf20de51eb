import SPFKit

/// `spfkit lint`: lint records given as arguments, on standard input, in zone files or over DNS.
enum LintCommand: Command {
  static let spec = CommandSpec(
    name: "lint",
    abstract: "Lint SPF records and report problems with exact positions.",
    usage: "lint [<record> ...] [--zone <file> ...] [--format <format>] [--strict] [--disable <codes>]",
    arguments: [
      ArgumentHelp(name: "<record> ...", help: "The TXT records published at one name: raw text ('v=spf1 -all'), "
        + "or TXT presentation format when it starts with '\"' ('\"v=spf1 ...\" \"... -all\"'). '-' reads standard "
        + "input, one record per line, each linted on its own."),
    ],
    options: [
      OptionSpec(name: "--zone", valueName: "file", isVariadic: true,
                 help: "Lint every TXT and SPF record of BIND zone files, owner by owner. Takes the arguments "
                   + "up to the next option or '--'; repeatable."),
      OptionSpec(name: "--format", valueName: "format",
                 help: "Output format: text, json, sarif or github (default: text)."),
      OptionSpec(name: "--strict", help: "Exit 1 on warnings too, not only on errors."),
      OptionSpec(name: "--disable", valueName: "codes", repeatable: true,
                 help: "Comma-separated rule codes or slugs not to run (SPF102,ptr-deprecated)."),
    ],
    discussion: """
      EXIT STATUS:
        0  nothing at or above the threshold (errors; warnings too with --strict)
        1  findings at or above the threshold
        2  usage or input error (a bad zone file: the other inputs are still linted)

      ZONE FILES:
        '; spfkit-disable SPF102' on a record's line or the line above it turns
        those rules off for that record. '$INCLUDE' paths are relative to the
        including file.

      See 'spfkit explain' for every rule.
      """)

  static func run(_ arguments: ParsedArguments, console: Console) async throws(CLIError) -> ExitCode {
    let formatName = arguments.value("--format") ?? "text"
    guard let format = LintFormat(rawValue: formatName) else {
      let names = LintFormat.allCases.map(\.rawValue).joined(separator: ", ")
      throw .usage("unknown format '\(formatName)' for '--format': use one of \(names)")
    }
    let linter = Linter(disabling: try disabledRules(arguments.values("--disable")))
    let records = arguments.positionals.filter { $0 != "-" }
    let readsStandardInput = arguments.positionals.contains("-")
    let zones = arguments.values("--zone")
    guard !records.isEmpty || readsStandardInput || !zones.isEmpty else {
      throw .usage("nothing to lint: give a <record>, '-' for standard input, or '--zone <file>'")
    }
    let reporter = format.reporter(console: console)
    var summary = LintSummary()
    func lint(_ input: LintInput) {
      let context = LintContext(records: input.records, name: input.name, zone: input.zone)
      let result = LintResult(input: input, diagnostics: linter.lint(context))
      summary.add(result)
      reporter.report(result)
    }
    func inputError(_ error: LintInputError) {
      summary.inputErrors += 1
      console.error(error.description)
      reporter.reportInputError(error)
    }
    if !records.isEmpty { lint(try argumentInput(records)) }
    if readsStandardInput {
      for line in LineRecords(descriptor: 0) {
        switch line.result {
        case .success(let record): lint(LintInput(records: [record], sources: ["<stdin>"]))
        case .failure(let error):
          inputError(LintInputError(source: "<stdin>", line: line.number, column: error.column, message: error.message))
        }
      }
    }
    for path in zones {
      do throws(LintInputError) {
        try ZoneLintInputs(path: path).forEachOwner(lint)
      } catch {
        inputError(error)
      }
    }
    reporter.finish(summary)
    return exitCode(summary, strict: arguments.has("--strict"))
  }

  /// The record arguments as one name's TXT records.
  static func argumentInput(_ arguments: [String]) throws(CLIError) -> LintInput {
    var records: [TXTRecord] = []
    for (index, argument) in arguments.enumerated() {
      do {
        records.append(try RecordArgument.parse(Array(argument.utf8)))
      } catch {
        throw .input("<arg\(index + 1)>:1:\(error.column): \(error.message)")
      }
    }
    return LintInput(records: records, sources: arguments.indices.map { "<arg\($0 + 1)>" })
  }

  /// The codes named by `--disable`, each checked against the catalog.
  static func disabledRules(_ values: [String]) throws(CLIError) -> Set<String> {
    var disabled: Set<String> = []
    for name in values.flatMap({ $0.split(separator: ",") }).map({ $0.trimmingSpaces }) where !name.isEmpty {
      guard let rule = RuleCatalog.rule(named: name) else {
        throw .usage("unknown rule '\(name)' in '--disable': see 'spfkit explain' for the list")
      }
      disabled.insert(rule.metadata.code)
    }
    return disabled
  }

  /// 2 for input errors, 1 for findings at or above the threshold, else 0.
  static func exitCode(_ summary: LintSummary, strict: Bool) -> ExitCode {
    if summary.inputErrors > 0 { return .usageError }
    if summary.errors > 0 || (strict && summary.warnings > 0) { return .findings }
    return .success
  }
}

extension Substring {
  /// The text without leading and trailing spaces.
  var trimmingSpaces: String {
    String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
  }
}
