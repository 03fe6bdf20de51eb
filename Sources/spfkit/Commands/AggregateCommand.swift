import SPFKit

/// `spfkit aggregate [FILE|-] [--widen PREFIX]`: the fewest CIDR blocks that cover exactly the
/// listed addresses, one per line.
enum AggregateCommand: Command {
  static let spec = CommandSpec(
    name: "aggregate",
    abstract: "Aggregate IP addresses and networks into the fewest CIDR blocks.",
    usage: "aggregate [<file>] [--widen <prefix>]",
    arguments: [
      ArgumentHelp(
        name: "<file>",
        help: "An address list: one IPv4 or IPv6 address or network per line; blank lines and '#' comments "
          + "allowed. '-' or nothing reads standard input.")
    ],
    options: [
      OptionSpec(
        name: "--widen", valueName: "prefix",
        help: "Allow blocks as wide as /N (IPv4), //N (IPv6) or /N//M (both) where that saves blocks; "
          + "each widened block and the unlisted addresses it authorizes are reported on standard error.")
    ],
    discussion: """
      Blocks are printed IPv4 first, then IPv6, each in address order; duplicates,
      covered and adjacent networks are merged, host bits cleared. The output reads
      back as an address list.

      EXIT STATUS:
        0  success
        2  usage or input error (the message names the file, line and column)
      """)

  static func run(_ arguments: ParsedArguments, console: Console) async throws(CLIError) -> ExitCode {
    guard arguments.positionals.count <= 1 else { throw .usage("give at most one <file>") }
    let path = arguments.positionals.first ?? "-"
    let widening = try arguments.value("--widen").map { text throws(CLIError) in try wideningLimit(text) }
    let bytes = try InputFile.read(path)
    var networks: AggregatedNetworks
    do {
      networks = try AddressListParser.parse(bytes).aggregated()
    } catch {
      throw .input("\(InputFile.displayName(path)):\(error.line):\(error.column): \(error.message)")
    }
    if let widening {
      let report: WideningReport
      (networks, report) = networks.widened(to: widening)
      for line in PolicyReporter.wideningLines(report) { console.error(line) }
    }
    console.write(String(decoding: networks.listText, as: UTF8.self))
    return .success
  }

  /// Parses a `--widen` value.
  static func wideningLimit(_ text: String) throws(CLIError) -> WideningLimit {
    do {
      return try WideningLimit.parse(text)
    } catch {
      throw .usage("'\(text)' is not a usable '--widen' prefix: \(error.message)")
    }
  }
}
