import Foundation
import SPFKit

/// `spfkit helo NAME [--ip IP]`: would a receiver accept a client that greets with this name?
enum HeloCommand: Command {
  static let spec = CommandSpec(
    name: "helo",
    abstract: "Diagnose a HELO/EHLO name the way receivers check it.",
    usage: "helo <name> [--ip <ip>] [--format <format>] [--server <ip[:port]>]",
    arguments: [ArgumentHelp(name: "<name>", help: "The name the sending server gives in HELO or EHLO.")],
    options: [
      OptionSpec(
        name: "--ip", valueName: "ip",
        help: "The sending server's address: adds its reverse DNS (forward-confirmed or not) and the "
          + "SPF check of the HELO identity."),
      OptionSpec(name: "--format", valueName: "format", help: "Output format: text or json (default: text)."),
    ] + DNSOptions.specs,
    discussion: """
      Judges Postfix's reject_invalid_helo_hostname, reject_non_fqdn_helo_hostname,
      reject_unknown_helo_hostname and, with --ip, reject_unknown_client_hostname with their
      default settings, and checks SPF for the HELO identity (RFC 7208 §2.3).

      EXIT STATUS:
        0  a receiver with these checks accepts the client
        1  it rejects or defers the client
        2  usage or input error
      """)

  static func run(_ arguments: ParsedArguments, console: Console) async throws(CLIError) -> ExitCode {
    guard arguments.positionals.count == 1, let name = arguments.positionals.first else {
      throw .usage(arguments.positionals.isEmpty ? "missing <name>" : "give exactly one <name>")
    }
    guard name.utf8.count <= 1024, !name.isEmpty else {
      throw .usage("invalid <name>: empty or longer than 1024 bytes")
    }
    let format = arguments.value("--format") ?? "text"
    guard format == "text" || format == "json" else {
      throw .usage("unknown format '\(format)' for '--format': use text or json")
    }
    var client: IPAddress? = nil
    if let text = arguments.value("--ip") {
      guard let address = IPAddress(text) else { throw .usage("invalid value '\(text)' for '--ip': not an IP address") }
      client = address
    }
    let resolver = try DNSOptions(arguments).makeLayeredResolver()
    let diagnosis = await HeloDiagnoser(resolver: CachingResolver(resolver)).diagnose(name, client: client)
    if format == "json" {
      console.line(HeloReport.json(diagnosis))
    } else {
      console.write(HeloReport.text(diagnosis, color: console.colorsOutput))
    }
    return diagnosis.isAccepted ? .success : .findings
  }
}
