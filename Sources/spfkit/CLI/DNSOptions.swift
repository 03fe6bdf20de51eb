import SPFKit
import SPFKitDNS

/// The DNS options shared by every command that queries DNS: `--server`, `--timeout`, `--deadline`.
struct DNSOptions {
  /// The option specs, for a command's `CommandSpec.options`.
  static let specs: [OptionSpec] = [
    OptionSpec(name: "--server", valueName: "ip[:port]", repeatable: true,
               help: "DNS server to ask instead of those in /etc/resolv.conf; IPv6 as [addr]:port. Repeatable."),
    OptionSpec(name: "--timeout", valueName: "seconds",
               help: "How long to wait for one DNS answer before trying the next server (default: 3)."),
    OptionSpec(name: "--deadline", valueName: "seconds",
               help: "How long the whole run may spend on DNS; later queries fail as timeouts (default: 30)."),
  ]

  /// The servers given with `--server`; empty means those of /etc/resolv.conf.
  let servers: [DNSServer]
  /// The per-query timeout.
  let timeout: Duration
  /// The time allowed for all DNS of the run.
  let deadline: Duration

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
  }

  /// A socket resolver with these settings; its deadline starts now.
  func makeResolver() throws(CLIError) -> SocketResolver {
    let end = ContinuousClock.now + deadline
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
