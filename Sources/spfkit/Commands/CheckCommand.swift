import SPFKit
import SPFKitDNS

/// `spfkit check IP DOMAIN`: evaluates `check_host()` (RFC 7208 §4) over live DNS and says what the
/// result is, which term decided it and why.
enum CheckCommand: Command {
  static let spec = CommandSpec(
    name: "check",
    abstract: "Evaluate a domain's SPF policy for a client IP over DNS (check_host, RFC 7208).",
    usage: "check <ip> <domain> [--sender <address>] [--helo <name>] [--trace] [--max-lookups <n>] "
      + "[--format <format>] [--server <ip[:port]> ...] [--timeout <seconds>] [--deadline <seconds>]",
    arguments: [
      ArgumentHelp(name: "<ip>", help: "The IP address of the SMTP client, IPv4 or IPv6 (192.0.2.1, 2001:db8::1)."),
      ArgumentHelp(
        name: "<domain>",
        help: "The domain whose policy is checked: the domain of the MAIL FROM address, or the HELO name."),
    ],
    options: [
      OptionSpec(
        name: "--sender", valueName: "address",
        help: "The MAIL FROM address, for the %{s}, %{l} and %{o} macros (default: postmaster@<domain>)."),
      OptionSpec(
        name: "--helo", valueName: "name",
        help: "The HELO/EHLO name of the client, for %{h} (default: <domain>)."),
      OptionSpec(
        name: "--trace",
        help: "Print every step of the evaluation, indented by include depth, with the DNS lookup count of "
          + "each step that costs one."),
      OptionSpec(
        name: "--max-lookups", valueName: "n",
        help: "What-if: allow n DNS lookups instead of 10 (RFC 7208 §4.6.4). Receivers stop at 10; use this "
          + "to see what a policy over the limit would give (default: 10)."),
      OptionSpec(name: "--format", valueName: "format", help: "Output format: text or json (default: text)."),
    ] + DNSOptions.specs,
    discussion: """
      EXIT STATUS:
        0  pass
        1  any other result: fail, softfail, neutral, none, temperror, permerror
        2  usage or input error
      """)

  /// The formats `--format` takes.
  static let formats = ["text", "json"]

  static func run(_ arguments: ParsedArguments, console: Console) async throws(CLIError) -> ExitCode {
    let format = arguments.value("--format") ?? "text"
    guard formats.contains(format) else {
      throw .usage("unknown format '\(format)' for '--format': use one of \(formats.joined(separator: ", "))")
    }
    let input = try CheckInput(arguments)
    let dns = try DNSOptions(arguments)
    let socket = try dns.makeResolver()
    let resolver = try dns.layered(over: socket)
    let outcome = await SPFEvaluator(resolver: resolver, settings: input.settings).checkHost(input.request)
    var report = CheckReport(request: input.request, outcome: outcome, settings: input.settings)
    report.dnsSetting = dnsSetting(socket.configuration, deadline: dns.deadline)
    if format == "json" {
      CheckJSONReporter(console: console).report(report)
    } else {
      CheckTextReporter(console: console).report(report, trace: arguments.has("--trace"))
    }
    return outcome.result == .pass ? .success : .findings
  }

  /// `asked 127.0.0.1:53 (timeout 3 s per answer, deadline 30 s for the run)`: for a note on a temperror.
  static func dnsSetting(_ configuration: SocketResolver.Configuration, deadline: Duration) -> String {
    let servers = configuration.servers.map(\.description).joined(separator: ", ")
    return "asked \(servers.isEmpty ? "no server" : servers) (timeout \(seconds(configuration.timeout)) s per answer, "
      + "deadline \(seconds(deadline)) s for the run)"
  }

  /// A duration in seconds, without a fraction when it is whole (`3`, `0.25`).
  static func seconds(_ duration: Duration) -> String {
    let milliseconds = duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
    let whole = milliseconds / 1000
    let fraction = milliseconds % 1000
    guard fraction != 0 else { return "\(whole)" }
    var digits = String(fraction + 1000).dropFirst()
    while digits.hasSuffix("0") { digits = digits.dropLast() }
    return "\(whole).\(digits)"
  }
}
