import SPFKit

/// `spfkit generate --domain NAME ...`: an SPF record from address lists and mechanisms.
enum GenerateCommand: Command {
  static let spec = CommandSpec(
    name: "generate",
    abstract: "Generate an SPF record from addresses, includes and mechanisms.",
    usage: "generate --domain <name> [--ips <file>] [--ip4 <network> ...] [<options>]",
    options: [
      OptionSpec(
        name: "--ip4", valueName: "network", repeatable: true, help: "An IPv4 address or network to authorize."),
      OptionSpec(
        name: "--ip6", valueName: "network", repeatable: true, help: "An IPv6 address or network to authorize."),
      OptionSpec(
        name: "--ips", valueName: "file", repeatable: true,
        help: "An address list: one address or network per line, '#' comments; '-' reads standard input."),
      OptionSpec(name: "--include", valueName: "domain", repeatable: true, help: "A domain whose policy to include."),
      OptionSpec(
        name: "--a", valueName: "domain", valueIsOptional: true, repeatable: true,
        help: "Authorize the addresses of a domain (of the record's own name without a value)."),
      OptionSpec(
        name: "--mx", valueName: "domain", valueIsOptional: true, repeatable: true,
        help: "Authorize the mail servers of a domain (of the record's own name without a value)."),
    ] + GenerateArguments.specs,
    discussion: """
      IP networks are aggregated exactly into the fewest blocks. The record ends in
      '-all' unless '--all' says otherwise. A record that does not fit '--max-length'
      moves IP blocks into an include chain (_spf1.NAME, _spf2.NAME, ...): each member
      costs one of the 10 DNS lookups. The records go to standard output; lookups,
      widening and notes to standard error.

      EXIT STATUS:
        0  success
        1  refused: more than 10 lookups (the reason is on standard error)
        2  usage or input error (the message names the argument, file and line)
      """)

  static func run(_ arguments: ParsedArguments, console: Console) async throws(CLIError) -> ExitCode {
    if let extra = arguments.positionals.first { throw .usage("unexpected argument '\(extra)'") }
    var settings = try GenerateArguments(arguments)
    guard settings.options.domain != nil else { throw .usage("'--domain' is required: it names the record") }
    var aggregator = CIDRAggregator()
    for text in arguments.values("--ip4") { aggregator.insert(try network(text, IPv4Network.parse, option: "--ip4")) }
    for text in arguments.values("--ip6") { aggregator.insert(try network(text, IPv6Network.parse, option: "--ip6")) }
    for path in arguments.values("--ips") {
      let bytes = try InputFile.read(path)
      do {
        try AddressListParser.parse(bytes, into: &aggregator)
      } catch {
        throw .input("\(InputFile.displayName(path)):\(error.line):\(error.column): \(error.message)")
      }
    }
    let networks = aggregator.aggregated()
    settings.options.ip4 = networks.ipv4
    settings.options.ip6 = networks.ipv6
    settings.options.includes = try arguments.values("--include").map { text throws(CLIError) in
      try domain(text, option: "--include")
    }
    settings.options.a = try arguments.values("--a").map { text throws(CLIError) in
      text.isEmpty ? nil : try domain(text, option: "--a")
    }
    settings.options.mx = try arguments.values("--mx").map { text throws(CLIError) in
      text.isEmpty ? nil : try domain(text, option: "--mx")
    }
    let options = settings.options
    var refusal: GenerateError? = nil
    let status = try PolicyReporter.publish(
      { () throws(GenerateError) in
        do throws(GenerateError) { return try PolicyGenerator.generate(options) } catch {
          refusal = error
          throw error
        }
      }, settings, console: console)
    if case .tooManyLookups? = refusal {
      let (working, tried) = PolicyGenerator.alternatives(to: options)
      for alternative in working { console.error(hint(alternative)) }
      if working.isEmpty, !tried.isEmpty {
        let list = tried.map { "'\($0)'" }.joined(separator: ", ")
        console.error("hint: none of \(list) fits it in 10 lookups: the addresses are too scattered")
      }
    }
    return status
  }

  /// `hint: '--widen /24' fits the policy in 6 lookups, and authorizes 5,000 unlisted addresses`.
  static func hint(_ alternative: LookupLimitAlternative) -> String {
    let cost =
      alternative.unlistedAddresses == 0
      ? " (exact: the include chain gets shorter)"
      : ", and authorizes \(alternative.unlistedAddresses) unlisted addresses"
    return "hint: '\(alternative.options)' fits the policy in \(alternative.lookups) lookups\(cost)"
  }

  /// Parses an `--ip4`/`--ip6` value strictly.
  static func network<Network>(
    _ text: String, _ parse: (ArraySlice<UInt8>) throws(AddressSyntaxError) -> Network, option: String
  ) throws(CLIError) -> Network {
    do {
      return try parse(Array(text.utf8)[...])
    } catch {
      throw .usage("'\(text)' is not a usable network for '\(option)': \(error.message)")
    }
  }

  /// Parses a domain-spec value.
  static func domain(_ text: String, option: String) throws(CLIError) -> DomainSpec {
    do {
      return try GenerateOptions.domainSpec(text)
    } catch {
      guard case .invalidDomain(_, let reason) = error else { throw .usage(error.description) }
      throw .usage("'\(text)' is not a usable domain for '\(option)': \(reason)")
    }
  }
}
