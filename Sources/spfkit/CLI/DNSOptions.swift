import SPFKit
import SPFKitDNS

/// The DNS options shared by every command that queries DNS: `--server`, `--timeout`, `--deadline`,
/// `--dns-zone`.
struct DNSOptions {
  /// The option specs, for a command's `CommandSpec.options`.
  static let specs: [OptionSpec] = [
    OptionSpec(
      name: "--server", valueName: "ip[:port]", repeatable: true,
      help: "DNS server to ask instead of those in /etc/resolv.conf; IPv6 as [addr]:port. Repeatable."),
    OptionSpec(
      name: "--timeout", valueName: "seconds",
      help: "How long to wait for one DNS answer before trying the next server (default: 3)."),
    OptionSpec(
      name: "--deadline", valueName: "seconds",
      help: "How long the whole run may spend on DNS; later queries fail as timeouts (default: 30)."),
    OptionSpec(
      name: "--dns-zone", valueName: "file", repeatable: true,
      help: "A BIND zone file that answers first (TXT, A, AAAA, MX, PTR), live DNS for every name it "
        + "does not hold: evaluate a draft before publishing it. Repeatable."),
  ]

  /// The servers given with `--server`; empty means those of /etc/resolv.conf.
  let servers: [DNSServer]
  /// The per-query timeout.
  let timeout: Duration
  /// The time allowed for all DNS of the run.
  let deadline: Duration
  /// Zone files that answer before live DNS.
  let draftZones: [String]

  /// Reads the options; a malformed value is a usage error naming the option.
  init(_ arguments: ParsedArguments) throws(CLIError) {
    var servers: [DNSServer] = []
    for text in arguments.values("--server") {
      do {
        servers.append(try DNSServer(parsing: text))
      } catch {
        throw .usage("invalid value '\(text)' for '--server': \(error.message)")
      }
    }
    self.servers = servers
    timeout = try DNSOptions.seconds(arguments.value("--timeout"), option: "--timeout", default: 3)
    deadline = try DNSOptions.seconds(arguments.value("--deadline"), option: "--deadline", default: 30)
    draftZones = arguments.values("--dns-zone")
  }

  /// The resolver a command uses: the draft zones first when `--dns-zone` is given, then `socket`.
  func layered(over socket: SocketResolver) throws(CLIError) -> any DNSResolver {
    guard !draftZones.isEmpty else { return socket }
    var answers = InMemoryResolver()
    for path in draftZones { try DraftZone.read(path, into: &answers) }
    return LayeredResolver(answers, over: socket)
  }

  /// The socket resolver with the draft zones layered on top: what most commands want.
  /// Without `runDeadline` (`scan`, which bounds each domain instead) no deadline ends the run.
  func makeLayeredResolver(runDeadline: Bool = true) throws(CLIError) -> any DNSResolver {
    try layered(over: try makeResolver(runDeadline: runDeadline))
  }

  /// A socket resolver with these settings; its deadline starts now (none without `runDeadline`).
  func makeResolver(runDeadline: Bool = true) throws(CLIError) -> SocketResolver {
    let end = runDeadline ? ContinuousClock.now + deadline : nil
    guard servers.isEmpty else { return SocketResolver(servers: servers, timeout: timeout, deadline: end) }
    do {
      return try SocketResolver.system(timeout: timeout, deadline: end)
    } catch {
      throw .input("cannot read the DNS servers: \(error.message); give one with '--server'")
    }
  }

  /// Parses a positive number of seconds (fractions allowed, at most one hour).
  static func seconds(_ text: String?, option: String, default value: Double) throws(CLIError) -> Duration {
    guard let text else { return .milliseconds(Int64(value * 1000)) }
    guard let seconds = Double(text), seconds.isFinite, seconds > 0, seconds <= 3600 else {
      throw .usage("invalid value '\(text)' for '\(option)': give seconds between 0 and 3600")
    }
    return .milliseconds(Int64(seconds * 1000))
  }
}
