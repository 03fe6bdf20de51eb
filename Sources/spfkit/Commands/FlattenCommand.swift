import SPFKit

/// `spfkit flatten DOMAIN`: the domain's policy with its includes replaced by the networks they
/// authorize, so that it needs fewer DNS lookups (RFC 7208 §4.6.4).
enum FlattenCommand: Command {
  static let spec = CommandSpec(
    name: "flatten",
    abstract: "Replace a domain's includes by the networks they authorize, to stay within 10 DNS lookups.",
    usage: "flatten <domain> [--keep-include <domain> ...] [--max-lookups <n>] [--flatten-a-mx] "
      + "[--check-against <file>] [<options>]",
    arguments: [
      ArgumentHelp(
        name: "<domain>", help: "The domain whose published SPF policy is flattened; it owns the records printed.")
    ],
    options: [
      OptionSpec(
        name: "--keep-include", valueName: "domain", repeatable: true,
        help: "Keep this include or redirect target as it is, with its lookups (a provider that asks not to be "
          + "flattened)."),
      OptionSpec(
        name: "--max-lookups", valueName: "n",
        help: "Refuse a result that needs more than n DNS lookups, 0 to 10 (default: 10)."),
      OptionSpec(
        name: "--flatten-a-mx",
        help: "Replace a and mx by the networks of their current addresses too; without it they are kept."),
      OptionSpec(
        name: "--check-against", valueName: "file",
        help: "Compare with the zone lines a previous run wrote: print 'current' (exit 0), or 'stale' and what "
          + "changed (exit 1)."),
    ] + GenerateArguments.specs.filter { !["--domain", "--all"].contains($0.name) } + DNSOptions.specs,
    discussion: """
      An include becomes the addresses for which its policy gives pass, computed
      exactly; a record is flattened only when every term in it can be. exists, ptr,
      macros, a and mx (without --flatten-a-mx), DNS errors and loops keep the include
      that leads to them, with its lookups. The result keeps the record's all (or its
      redirect target's) and exp, and is laid out as generate does. The records go to
      standard output; lookups before and after, what was flattened and kept, and the
      domains to watch to standard error. Flattened records copy the providers'
      addresses: flatten again when they change (--check-against in cron or CI).

      EXIT STATUS:
        0  success; with --check-against, the file is current
        1  refused (the reason is on standard error); with --check-against, stale
           (a DNS failure that leaves the answer open exits 2)
        2  usage or input error
      """)

  static func run(_ arguments: ParsedArguments, console: Console) async throws(CLIError) -> ExitCode {
    guard let text = arguments.positionals.first else { throw .usage("missing <domain>") }
    if arguments.positionals.count > 1 {
      throw .usage("unexpected argument '\(arguments.positionals[1])': give one <domain>")
    }
    let domain = try CheckInput.checkableDomain(text)
    let settings = try GenerateArguments(arguments, domain: domain)
    let options = try flattenOptions(arguments, domain: domain, layout: settings.options)
    let checkAgainst = arguments.value("--check-against")
    if checkAgainst != nil, settings.zone {
      throw .usage("'--check-against' compares records: it does not combine with '--zone'")
    }
    let published = try checkAgainst.map { path throws(CLIError) in try PublishedZone.read(path, origin: domain) }
    let resolver = try DNSOptions(arguments).makeLayeredResolver()
    let flattened: FlattenedPolicy
    do {
      flattened = try await PolicyFlattener(resolver: resolver).flatten(options)
    } catch {
      guard error.isRefusal else { throw .usage(error.description) }
      console.error("error: \(error)")
      return .findings
    }
    let reporter = FlattenReporter(flattened: flattened, domain: domain, settings: settings)
    guard let published, let path = checkAgainst else {
      reporter.publish(console: console)
      return .success
    }
    if let failed = flattened.report.kept.first(where: { $0.reason.isTemporary }) {
      // A timeout must not read as "stale" in a cron job: the comparison would be against a
      // flattening that kept an include only because DNS failed this time.
      throw .input("cannot tell whether '\(path)' is current: \(failed.reason); try again later")
    }
    let drift = PolicyDrift(
      published: published, current: flattened.policy, domain: domain, chainPrefix: options.chainPrefix)
    reporter.check(drift, file: path, console: console)
    return drift.isCurrent ? .success : .findings
  }

  /// The library options from the arguments and the generate options' layout.
  static func flattenOptions(_ arguments: ParsedArguments, domain: String, layout: GenerateOptions)
    throws(CLIError) -> FlattenOptions
  {
    var kept: [String] = []
    for text in arguments.values("--keep-include") {
      guard try GenerateCommand.domain(text, option: "--keep-include").literalName != nil else {
        throw .usage("'\(text)' is not a usable domain for '--keep-include': it holds macros")
      }
      kept.append(text)
    }
    return FlattenOptions(
      domain: domain, keptIncludes: kept, lookupLimit: try lookupLimit(arguments.value("--max-lookups")),
      flattensAddressMechanisms: arguments.has("--flatten-a-mx"), maxLength: layout.maxLength,
      chainPrefix: layout.chainPrefix, widening: layout.widening)
  }

  /// `--max-lookups`: a whole number in `FlattenOptions.lookupLimitRange`; 10 when not given.
  static func lookupLimit(_ text: String?) throws(CLIError) -> Int {
    let range = FlattenOptions.lookupLimitRange
    guard let text else { return range.upperBound }
    guard text.utf8.count <= 2, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let limit = Int(text),
      range.contains(limit)
    else {
      throw .usage(
        "invalid value '\(text)' for '--max-lookups': give a whole number from \(range.lowerBound) to "
          + "\(range.upperBound) (receivers stop at 10)")
    }
    return limit
  }
}
