import Glibc
import SPFKit

/// `spfkit scan`: lint the SPF of every domain of a list over DNS, many at once, streaming JSON Lines.
enum ScanCommand: Command {
  static let spec = CommandSpec(
    name: "scan",
    abstract: "Lint the SPF records of many domains over DNS, streaming one result per domain.",
    usage: "scan [<file>|-] [--concurrency <n>] [--output <file>] [--resume] [--shard <k/n>] [--qps <n>] "
      + "[--format <format>] [--statistics]",
    arguments: [
      ArgumentHelp(
        name: "<file>",
        help: "Domains, one per line; blank lines and '#' comments are skipped. '-' or nothing reads "
          + "standard input.")
    ],
    options: [
      OptionSpec(
        name: "--concurrency", valueName: "n",
        help: "How many domains are scanned at once (default: \(defaultConcurrency))."),
      OptionSpec(
        name: "--output", valueName: "file",
        help: "Append the JSON Lines to a file instead of standard output, whole lines only. A file that "
          + "is not empty needs --resume."),
      OptionSpec(
        name: "--resume",
        help: "Skip the domains already in the --output file (a cut last line is dropped) and append the rest."),
      OptionSpec(
        name: "--shard", valueName: "k/n",
        help: "Scan only the domains of shard K of N: 64-bit FNV-1a of the lowercase name without a "
          + "trailing dot, modulo N, plus 1."),
      OptionSpec(name: "--qps", valueName: "n", help: "Send at most N DNS queries a second (default: no limit)."),
      OptionSpec(
        name: "--domain-deadline", valueName: "seconds",
        help: "How long one domain may spend on DNS; later queries of that domain fail as timeouts "
          + "(default: 10)."),
      OptionSpec(
        name: "--format", valueName: "format",
        help: "jsonl (one object per domain, the default) or text (compiler-style findings)."),
      OptionSpec(name: "--ordered", help: "Write the results in input order (a bounded reorder window)."),
      OptionSpec(
        name: "--statistics", help: "Print domains per status and findings per code on standard error at the end."
      ),
      LintCommand.disableOption,
    ] + DNSOptions.specs.filter { $0.name != "--deadline" },
    discussion: """
      STATUS (the 'status' of each JSON line):
        ok         an SPF record with no warning or error (info only)
        findings   an SPF record with warnings or errors
        no-spf     the name exists but publishes no SPF record
        nxdomain   the name does not exist
        dns-error  DNS failed for the name or for a policy it includes ('reason' says
                   which); what DNS did answer is still linted

      EXIT STATUS:
        0  no domain has an error-severity finding
        1  some domain has an error-severity finding
        2  usage or input error (lines that are no domain name are reported with
           their line number and skipped; the scan goes on)
      """)

  /// The default of `--concurrency`, measured with `spfkit-bench scan` (README "Performance").
  static let defaultConcurrency = 128

  /// The default of `--domain-deadline`, in seconds.
  static let defaultDomainDeadline = 10.0

  static func run(_ arguments: ParsedArguments, console: Console) async throws(CLIError) -> ExitCode {
    let settings = try ScanSettings(arguments)
    let dns = try DNSOptions(arguments)
    var resolver = try dns.makeLayeredResolver(runDeadline: false)
    if let qps = settings.queriesPerSecond {
      resolver = PacedResolver(upstream: resolver, pacer: QueryPacer(queriesPerSecond: qps))
    }
    let cache = CachingResolver(resolver, bounds: ScanSettings.cacheBounds)
    let scanner = DomainScanner(
      cache: cache, linter: Linter(disabling: try LintCommand.disabledRules(arguments.values("--disable"))),
      deadline: settings.domainDeadline)
    let resume = settings.resumes ? try ScanResume.read(settings.outputPath ?? "") : .none
    let descriptor = try settings.openInput()
    defer { if descriptor != 0 { close(descriptor) } }
    var run = ScanRun(settings: settings, scanner: scanner, resume: resume, console: console)
    try run.prepareOutput()
    await run.scan(DomainList(descriptor: descriptor))
    return run.finish(cache: await ScanCacheFigures(cache))
  }
}
