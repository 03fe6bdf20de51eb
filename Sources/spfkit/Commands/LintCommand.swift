import Foundation
import SPFKit

/// `spfkit lint`: lint records given as arguments, on standard input, in zone files or over DNS.
enum LintCommand: Command {
  static let spec = CommandSpec(
    name: "lint",
    abstract: "Lint SPF records and report problems with exact positions.",
    usage: "lint [<record> ...] [--zone <file> ...] [--domain <name> ...] [--resolve] [--name <name>] "
      + "[--format <format>] [--severity <severity>] [--statistics] [--output <file>] [--jobs <n>] [--strict] "
      + "[--disable <codes>]",
    arguments: [
      ArgumentHelp(
        name: "<record> ...",
        help: "The TXT records published at one name: raw text ('v=spf1 -all'), "
          + "or TXT presentation format when it starts with '\"' ('\"v=spf1 ...\" \"... -all\"'). '-' reads standard "
          + "input, one record per line, each linted on its own.")
    ],
    options: [
      OptionSpec(
        name: "--zone", valueName: "file", isVariadic: true,
        help: "Lint every TXT and SPF record of BIND zone files, owner by owner. Takes the arguments "
          + "up to the next option or '--'; repeatable."),
      OptionSpec(
        name: "--format", valueName: "format",
        help: "Output format: text, json, jsonl, sarif or github (default: text)."),
      OptionSpec(
        name: "--severity", valueName: "severity",
        help: "The lowest severity shown: error, warning or info (default: info for <record> arguments "
          + "and --domain, warning with '-' or --zone). The exit status counts every finding."),
      OptionSpec(name: "--statistics", help: "Print how many findings each rule produced (text format)."),
      OptionSpec(
        name: "--output", valueName: "file",
        help: "Write the report to a file: a temporary file beside it, renamed at the end."),
      OptionSpec(name: "--strict", help: "Exit 1 on warnings too, not only on errors."),
      OptionSpec(
        name: "--jobs", valueName: "n",
        help: "Lint standard input and zone files on n threads (default: one per core). The output is the "
          + "same for any n."),
      disableOption,
      OptionSpec(
        name: "--domain", valueName: "name", repeatable: true,
        help: "Fetch every TXT record of a domain over DNS and lint them, following includes and "
          + "redirects. Repeatable."),
      OptionSpec(
        name: "--resolve",
        help: "Follow the includes and redirects of <record> arguments over DNS: count lookups through "
          + "them and run the DNS rules."),
      OptionSpec(
        name: "--name", valueName: "name",
        help: "The domain the <record> arguments are published at: what '%{d}' and a bare a or mx stand "
          + "for."),
    ] + DNSOptions.specs,
    discussion: """
      EXIT STATUS:
        0  nothing at or above the threshold (errors; warnings too with --strict)
        1  findings at or above the threshold
        2  usage or input error: a bad zone file (the other inputs are still linted),
           or DNS failed for a --domain (the reason is printed)

      ZONE FILES:
        '; spfkit-disable SPF102' on a record's line or the line above it turns
        those rules off for that record. '$INCLUDE' paths are relative to the
        including file.

      See 'spfkit explain' for every rule.
      """)

  /// `--disable`, shared with `scan`.
  static let disableOption = OptionSpec(
    name: "--disable", valueName: "codes", repeatable: true,
    help: "Comma-separated rule codes or slugs not to run (SPF102,ptr-deprecated).")

  static func run(_ arguments: ParsedArguments, console: Console) async throws(CLIError) -> ExitCode {
    var linter = Linter(disabling: try disabledRules(arguments.values("--disable")))
    let records = arguments.positionals.filter { $0 != "-" }
    let readsStandardInput = arguments.positionals.contains("-")
    let domains = try arguments.values("--domain").map { text throws(CLIError) in try domainName(text, "--domain") }
    let name = try arguments.value("--name").map { text throws(CLIError) in try domainName(text, "--name") }
    let zones = arguments.values("--zone")
    guard !records.isEmpty || readsStandardInput || !domains.isEmpty || !zones.isEmpty else {
      throw .usage("nothing to lint: give a <record>, '-' for standard input, '--zone <file>' or '--domain <name>'")
    }
    let isBulk = readsStandardInput || !zones.isEmpty
    let resolver = try policyResolver(arguments, needed: arguments.has("--resolve") || !domains.isEmpty)
    let draftFiles = try DraftZone.files(ofOwners: domains, in: arguments.values("--dns-zone"))
    let recordInput = records.isEmpty ? nil : try argumentInput(records)
    let jobCount = try jobs(arguments)
    // Last of what can fail with a usage error: no '--output' temporary file is left behind.
    let inputs = zones + arguments.values("--dns-zone") + (readsStandardInput ? ["-"] : [])
    let output = try LintOutput(arguments, console: console, bulk: isBulk, inputs: inputs)
    linter.detailThreshold = output.options.threshold
    let resolvesRecords = arguments.has("--resolve")
    let reporter = output.reporter
    // Names linted without DNS go through the pipeline (in order, on every core); names linted over
    // DNS are reported here, after draining it.
    let pipeline = LintPipeline(
      linter: linter, options: output.options, reporter: reporter, jobs: jobCount,
      onInputError: { console.error($0.description) })
    var summary = LintSummary(threshold: output.options.threshold)
    func lint(_ input: LintInput, resolving: Bool) async {
      guard resolving, let resolver else { return pipeline.lint(input) }
      pipeline.drain()
      let result = LintResult(
        input: input, diagnostics: await linter.lint(input.records, name: input.name, resolvingWith: resolver),
        options: output.options)
      summary.add(result)
      reporter.report(result)
    }
    if let recordInput {
      switch recordInput {
      case .success(var input):
        input.name = name
        await lint(input, resolving: resolvesRecords)
      case .failure(let error):
        pipeline.inputError(error)
      }
    }
    if readsStandardInput {
      // One array for every line's source: an array literal in the loop would allocate once per line.
      let standardInput = ["<stdin>"]
      for line in LineRecords(descriptor: 0) {
        switch line.result {
        case .success(let record):
          if let text = NonSPFText(record.joined, checksFiles: false) {
            pipeline.inputError(
              LintInputError(source: "<stdin>", line: line.number, column: 1, message: text.message, isFile: false))
            continue
          }
          let input = LintInput(name: name, records: [record], sources: standardInput, listedWhenClean: false)
          if resolvesRecords { await lint(input, resolving: true) } else { pipeline.lint(input) }
        case .failure(let error):
          pipeline.inputError(
            LintInputError(
              source: "<stdin>", line: line.number, column: error.column, message: error.message, isFile: false))
        }
      }
    }
    for path in zones {
      do throws(LintInputError) {
        try ZoneLintInputs(path: path).lint(in: pipeline)
      } catch {
        pipeline.inputError(error)
      }
    }
    pipeline.drain()
    for domain in domains {
      guard let resolver else { break }
      do throws(CLIError) {
        await lint(try await domainInput(domain, resolver: resolver, draftFile: draftFiles[domain]), resolving: true)
      } catch {
        summary.inputErrors += 1
        guard case .input(let message) = error else { continue }
        console.error("error: \(message)")
        reporter.reportInputError(
          LintInputError(source: domain, line: 1, column: 1, message: message, isFile: false))
      }
    }
    summary.merge(pipeline.summary)
    reporter.finish(summary)
    try output.commit()
    return exitCode(summary, strict: arguments.has("--strict"))
  }

  /// The record arguments as one name's TXT records, or the first that cannot be read: the others
  /// are then not linted alone, which would hide what they say together (SPF001).
  static func argumentInput(_ arguments: [String]) throws(CLIError) -> Result<LintInput, LintInputError> {
    var records: [TXTRecord] = []
    for (index, argument) in arguments.enumerated() {
      do {
        records.append(try RecordArgument.parse(Array(argument.utf8)))
      } catch {
        return .failure(
          LintInputError(
            source: "<arg\(index + 1)>", line: 1, column: error.column, message: error.message, isFile: false))
      }
    }
    if let error = try nonSPFArgument(records) { return .failure(error) }
    return .success(LintInput(records: records, sources: arguments.indices.map { "<arg\($0 + 1)>" }))
  }

  /// Refuses RECORD arguments that are no SPF record. An empty argument, a domain name, an IP address
  /// or a file is always a mistake (a usage error); other text passes as another TXT record of the name
  /// (as in a zone) when some argument is SPF, else it is an input error: lint never passes text it did
  /// not lint.
  static func nonSPFArgument(_ records: [TXTRecord]) throws(CLIError) -> LintInputError? {
    let texts = records.map { NonSPFText($0.joined, checksFiles: true) }
    let anySPF = texts.contains { $0 == nil }
    for (index, text) in texts.enumerated() {
      guard let text, text.isUsageError || !anySPF else { continue }
      let source = "<arg\(index + 1)>"
      if text.isUsageError { throw .usage("\(source): \(text.message)") }
      return LintInputError(source: source, line: 1, column: 1, message: text.message, isFile: false)
    }
    return nil
  }

  /// `--jobs`: a positive count of threads, by default one per core.
  static func jobs(_ arguments: ParsedArguments) throws(CLIError) -> Int {
    guard let text = arguments.value("--jobs") else { return ProcessInfo.processInfo.activeProcessorCount }
    guard let count = Int(text), count > 0, count <= 1024 else {
      throw .usage("'--jobs' takes a whole number of threads from 1 to 1024, not '\(text)'")
    }
    return count
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
