import Foundation
import SPFKitTestSupport
import Testing

/// `spfkit check` with bad arguments, and against loopback servers that stay silent or answer badly:
/// no `named` needed.
@Suite struct CheckCommandInputTests {
  static let usage =
    "Usage: spfkit check <ip> <domain> [--sender <address>] [--helo <name>] [--trace] "
    + "[--max-lookups <n>] [--format <format>] [--server <ip[:port]> ...] [--timeout <seconds>] [--deadline <seconds>]"

  @Test func helpIsComplete() async throws {
    let run = try await CheckFixture.run(["check", "--help"])
    #expect(run.status == 0)
    #expect(run.stderr.isEmpty)
    #expect(
      run.stdout == """
        OVERVIEW: Evaluate a domain's SPF policy for a client IP over DNS (check_host, RFC 7208).

        \(Self.usage.replacingOccurrences(of: "Usage:", with: "USAGE:"))

        ARGUMENTS:
          <ip>                    The IP address of the SMTP client, IPv4 or IPv6
                                  (192.0.2.1, 2001:db8::1).
          <domain>                The domain whose policy is checked: the domain of the
                                  MAIL FROM address, or the HELO name.

        OPTIONS:
          --sender <address>      The MAIL FROM address, for the %{s}, %{l} and %{o}
                                  macros (default: postmaster@<domain>).
          --helo <name>           The HELO/EHLO name of the client, for %{h} (default:
                                  <domain>).
          --trace                 Print every step of the evaluation, indented by
                                  include depth, with the DNS lookup count of each step
                                  that costs one.
          --max-lookups <n>       What-if: allow n DNS lookups instead of 10 (RFC 7208
                                  §4.6.4). Receivers stop at 10; use this to see what a
                                  policy over the limit would give (default: 10).
          --format <format>       Output format: text or json (default: text).
        \(HelpText.dnsOptions)
          -h, --help              Show help information.

        EXIT STATUS:
          0  pass
          1  any other result: fail, softfail, neutral, none, temperror, permerror
          2  usage or input error

        """)
    #expect(try await CheckFixture.run(["help", "check"]).stdout == run.stdout)
    #expect(try await CheckFixture.run(["--help"]).stdout.contains("\n  check                   Evaluate a domain's"))
  }

  struct UsageCase: Sendable, CustomStringConvertible {
    let arguments: [String]
    let message: String
    var description: String { arguments.joined(separator: " ") }
  }

  @Test(arguments: [
    UsageCase(arguments: [], message: "missing <ip> and <domain>"),
    UsageCase(arguments: ["192.0.2.1"], message: "missing <domain> after '192.0.2.1'"),
    UsageCase(
      arguments: ["192.0.2.1", "example.com", "x"],
      message: "unexpected argument 'x': give one <ip> and one <domain>"),
    UsageCase(
      arguments: ["192.0.2.300", "example.com"],
      message: "invalid <ip> '192.0.2.300': give an IPv4 or IPv6 address ('192.0.2.1', '2001:db8::1')"),
    UsageCase(
      arguments: ["example.com", "192.0.2.1"],
      message: "invalid <ip> 'example.com': give an IPv4 or IPv6 address ('192.0.2.1', '2001:db8::1')"),
    UsageCase(
      arguments: ["192.0.2.1", "user@example.com"],
      message: "invalid <domain> 'user@example.com': give the domain, and the address with '--sender'"),
    UsageCase(
      arguments: ["192.0.2.1", "exämple.com"],
      message: "invalid <domain> 'exämple.com': it is not ASCII: give an internationalized name in its 'xn--' form"),
    UsageCase(
      arguments: ["192.0.2.1", "example.com", "--sender", "user@"],
      message: "invalid value 'user@' for '--sender': give a domain after '@'"),
    UsageCase(
      arguments: ["192.0.2.1", "example.com", "--sender", "a\u{1}b@example.com"],
      message: "invalid value 'a\\x01b@example.com' for '--sender': it contains a control character"),
    UsageCase(
      arguments: ["192.0.2.1", "example.com", "--helo", "mail\r\nexample.com"],
      message: "invalid value 'mail\\x0D\\x0Aexample.com' for '--helo': it contains a control character"),
    UsageCase(
      arguments: ["192.0.2.1", "example.com", "--helo", ""],
      message: "invalid value '' for '--helo': give the HELO/EHLO name"),
    UsageCase(
      arguments: ["192.0.2.1", "example.com", "--max-lookups", "-1"],
      message: "invalid value '-1' for '--max-lookups': give a whole number from 0 to 1000"),
    UsageCase(
      arguments: ["192.0.2.1", "example.com", "--max-lookups", "1001"],
      message: "invalid value '1001' for '--max-lookups': give a whole number from 0 to 1000"),
    UsageCase(
      arguments: ["192.0.2.1", "example.com", "--format", "sarif"],
      message: "unknown format 'sarif' for '--format': use one of text, json"),
    UsageCase(
      arguments: ["192.0.2.1", "example.com", "--timeout", "0"],
      message: "invalid value '0' for '--timeout': give seconds between 0 and 3600"),
    UsageCase(
      arguments: ["192.0.2.1", "example.com", "--server", "dns.example"],
      message: "invalid value 'dns.example' for '--server': 'dns.example' is not an IPv4 or IPv6 address "
        + "(host names are not accepted)"),
    UsageCase(arguments: ["192.0.2.1", "example.com", "--trace=yes"], message: "option '--trace' takes no value"),
  ])
  func badInputExitsTwoNamingTheArgument(_ c: UsageCase) async throws {
    // A server that would time out: a usage error must be reported before any query.
    let run = try await CheckFixture.run(["check"] + c.arguments + ["--server", "127.0.0.1:9", "--deadline", "0.1"])
    #expect(run.status == 2)
    #expect(run.stdout.isEmpty)
    #expect(run.stderr == "error: \(c.message)\n\(Self.usage)\n  See 'spfkit check --help' for more information.\n")
  }

  /// What receivers see is taken as given (issue 12): a local-part with a space (an RFC 5321 quoted
  /// string), any HELO text, and names `check_host()` answers `none` for without asking DNS (RFC 7208
  /// §4.3). A server that refuses connections would make any query a temperror.
  @Test(arguments: [
    (
      ["192.0.2.1", "localhost"],
      "none: no SPF policy applies to localhost\n  why: 'localhost' is not a multi-label domain name"
    ),
    (
      ["192.0.2.1", "exa..mple.com"],
      "none: no SPF policy applies to exa..mple.com\n  why: 'exa..mple.com' has an empty label"
    ),
    (
      ["192.0.2.1", "192.0.2.2"],
      "none: no SPF policy applies to 192.0.2.2\n  why: '192.0.2.2' has an all-numeric top-level label '2'"
    ),
    (["192.0.2.1", "A2345678", "--helo", "A2345678"], "none: no SPF policy applies to A2345678\n"),
  ])
  func namesCheckHostCannotCheckAreNone(_ arguments: [String], _ expected: String) async throws {
    let run = try await CheckFixture.run(["check"] + arguments + ["--server", "127.0.0.1:9", "--deadline", "0.5"])
    #expect(run.status == 1)
    #expect(run.stdout.hasPrefix(expected), "\(run.stdout)")
    #expect(run.stdout.contains("DNS queries: 0"), "\(run.stdout)")
    #expect(run.stderr.isEmpty)
  }

  @Test(arguments: [
    ["--sender", "Macro Error@e8.example.com"], ["--helo", "JUMPIN' JUPITER"], ["--sender", "\"a b\"@example.com"],
    ["--helo", "[192.0.2.1]"], ["--sender", "üser@example.com"],
  ])
  func sendersAndHelosAsReceiversSeeThemAreAccepted(_ option: [String]) async throws {
    let run = try await CheckFixture.run(
      ["check", "192.0.2.1", "example.com"] + option + ["--server", "127.0.0.1:9", "--deadline", "0.5"])
    #expect(run.status == 1, "evaluated (a temperror: nothing listens on port 9), not refused: \(run.stderr)")
    #expect(run.stdout.hasPrefix("temperror: "), "\(run.stdout)")
    #expect(run.stderr.isEmpty)
  }

  /// Runs `spfkit ARGUMENTS`; returns what it printed and the seconds the process took.
  static func timed(_ arguments: [String]) async throws -> (SPFKitProcess.Output, Double) {
    let run = try await CheckFixture.run(arguments)
    return (run, run.seconds)
  }

  @Test func silentServerIsATemperrorWithinTheTimeout() async throws {
    let silent = try LoopbackSocket(.ipv4)  // bound, never read: every query goes unanswered
    let (run, seconds) = try await Self.timed([
      "check", "192.0.2.1", "example.com", "--server", "127.0.0.1:\(silent.port)",
      "--timeout", "0.3",
    ])
    #expect(run.status == 1)
    #expect(
      run.stdout == """
        temperror: a DNS error stopped the evaluation of example.com; a later retry may succeed
          why: TXT lookup of 'example.com' failed: timeout
          note: DNS: asked 127.0.0.1:\(silent.port) (timeout 0.3 s per answer, deadline 30 s for the run)
          lookups: 0/10, void lookups: 0/2, DNS queries: 1

        """)
    #expect(seconds >= 0.29)
    #expect(seconds < 5, "bounded far below the default 3 s timeout twice, with room for a loaded CI machine")
  }

  @Test func globalDeadlineEndsTheRunWhateverTheTimeout() async throws {
    let (first, second) = (try LoopbackSocket(.ipv4), try LoopbackSocket(.ipv4))
    let (run, seconds) = try await Self.timed([
      "check", "192.0.2.1", "example.com", "--server", "127.0.0.1:\(first.port)",
      "--server", "127.0.0.1:\(second.port)", "--timeout", "20", "--deadline", "0.5",
    ])
    #expect(run.status == 1)
    #expect(run.stdout.hasPrefix("temperror: "))
    #expect(run.stdout.contains("  why: TXT lookup of 'example.com' failed: timeout\n"))
    #expect(seconds >= 0.45)
    #expect(seconds < 5, "the 0.5 s deadline ends the run, not the 20 s timeout")
  }

  @Test func garbledAnswersAreATemperrorNotACrash() async throws {
    let hostile = try HostileDNSServer()
    defer { hostile.stop() }
    let (run, seconds) = try await Self.timed([
      "check", "192.0.2.1", "example.com", "--server", "127.0.0.1:\(hostile.port)",
      "--timeout", "0.5", "--deadline", "3",
    ])
    #expect(run.status == 1)
    #expect(run.stdout.hasPrefix("temperror: "), "\(run.stdout)")
    #expect(run.stdout.contains("  why: TXT lookup of 'example.com' failed: "))
    #expect(run.stderr.isEmpty)
    #expect(seconds < 5)
    #expect(hostile.answered > 0)
  }
}
