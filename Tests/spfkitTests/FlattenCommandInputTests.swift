import Foundation
import Testing

/// `spfkit flatten --help` and bad arguments: no DNS needed, every mistake is found before a query.
@Suite struct FlattenCommandInputTests {
  static let usage =
    "Usage: spfkit flatten <domain> [--keep-include <domain> ...] [--max-lookups <n>] [--flatten-a-mx] "
    + "[--check-against <file>] [<options>]"

  @Test func helpIsComplete() async throws {
    let run = try await SPFKitProcess.run(["flatten", "--help"])
    #expect(run.status == 0)
    #expect(run.stderr.isEmpty)
    #expect(
      run.stdout == """
        OVERVIEW: Replace a domain's includes by the networks they authorize, to stay within 10 DNS lookups.

        \(Self.usage.replacingOccurrences(of: "Usage:", with: "USAGE:"))

        ARGUMENTS:
          <domain>                The domain whose published SPF policy is flattened; it
                                  owns the records printed.

        OPTIONS:
          --keep-include <domain> Keep this include or redirect target as it is, with
                                  its lookups (a provider that asks not to be
                                  flattened).
          --max-lookups <n>       Refuse a result that needs more than n DNS lookups, 0
                                  to 10 (default: 10).
          --flatten-a-mx          Replace a and mx by the networks of their current
                                  addresses too; without it they are kept.
          --check-against <file>  Compare with the zone lines a previous run wrote:
                                  print 'current' (exit 0), or 'stale' and what changed
                                  (exit 1).
          --zone                  Print BIND zone lines ('NAME. TTL IN TXT ...') instead
                                  of the bare record.
          --ttl <seconds>         The TTL of zone lines (default: 3600).
          --max-length <octets>   The longest record (default: 255, one string; up to
                                  450 as several strings of at most 255).
          --chain-prefix <label>  The include-chain names' first label (default: _spf,
                                  giving _spf1.NAME, _spf2.NAME, ...).
          --widen <prefix>        Allow IP blocks as wide as /N, //N (IPv6) or /N//M
                                  where that saves blocks; the unlisted addresses each
                                  authorizes are reported.
          --format <format>       Output format: text or json (default: text).
        \(HelpText.dnsOptions)
          -h, --help              Show help information.

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
  }

  struct UsageCase: Sendable, CustomStringConvertible {
    let arguments: [String]
    let message: String
    var description: String { arguments.joined(separator: " ") }
  }

  @Test(arguments: [
    UsageCase(arguments: [], message: "missing <domain>"),
    UsageCase(arguments: ["a.example", "b.example"], message: "unexpected argument 'b.example': give one <domain>"),
    UsageCase(arguments: ["localhost"], message: "invalid <domain>: 'localhost' is not a multi-label domain name"),
    UsageCase(arguments: ["exa..mple.com"], message: "invalid <domain>: 'exa..mple.com' has an empty label"),
    UsageCase(
      arguments: ["example.com", "--max-lookups", "11"],
      message: "invalid value '11' for '--max-lookups': give a whole number from 0 to 10 (receivers stop at 10)"),
    UsageCase(
      arguments: ["example.com", "--max-lookups", "-1"],
      message: "invalid value '-1' for '--max-lookups': give a whole number from 0 to 10 (receivers stop at 10)"),
    UsageCase(
      arguments: ["example.com", "--keep-include", "bad..example"],
      message: "'bad..example' is not a usable domain for '--keep-include': it has an empty label"),
    UsageCase(
      arguments: ["example.com", "--keep-include", "%{d}.example"],
      message: "'%{d}.example' is not a usable domain for '--keep-include': it holds macros"),
    UsageCase(arguments: ["example.com", "--all", "-"], message: "unknown option '--all'"),
    UsageCase(arguments: ["example.com", "--domain", "example.org"], message: "unknown option '--domain'"),
    UsageCase(
      arguments: ["example.com", "--zone", "--format", "json"],
      message: "'--zone' prints zone lines: it does not combine with '--format json'"),
    UsageCase(
      arguments: ["example.com", "--zone", "--check-against", "example.zone"],
      message: "'--check-against' compares records: it does not combine with '--zone'"),
    UsageCase(
      arguments: ["example.com", "--max-length", "20"],
      message: "'20' is not a usable maximum length: use 32...450 octets"),
    UsageCase(
      arguments: ["example.com", "--chain-prefix", "a.b"],
      message: "'a.b' is not a usable chain prefix: use letters, digits, '-' and '_' (at most 50)"),
  ])
  func badInputExitsTwoNamingTheArgument(_ c: UsageCase) async throws {
    // A server that would time out: a usage error must be reported before any query.
    let run = try await SPFKitProcess.run(
      ["flatten"] + c.arguments + ["--server", "127.0.0.1:9", "--deadline", "0.1"])
    #expect(run.status == 2)
    #expect(run.stdout.isEmpty)
    #expect(run.stderr == "error: \(c.message)\n\(Self.usage)\n  See 'spfkit flatten --help' for more information.\n")
  }

  @Test(arguments: [
    ("/nonexistent/spfkit.zone", "error: cannot read '/nonexistent/spfkit.zone': no such file or directory\n"),
    ("broken", "error: broken:1:"),
  ])
  func anUnreadableCheckFileExitsTwo(_ path: String, _ message: String) async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("spfkit-flatten-\(UUID())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    try "example.com. IN TXT ( \"v=spf1 -all\"\n".write(
      to: directory.appendingPathComponent("broken"), atomically: true, encoding: .utf8)
    let run = try await SPFKitProcess.run(
      ["flatten", "example.com", "--check-against", path, "--server", "127.0.0.1:9", "--deadline", "0.1"],
      directory: directory)
    #expect(run.status == 2)
    #expect(run.stdout.isEmpty)
    #expect(run.stderr.hasPrefix(message), "\(run.stderr)")
  }
}
