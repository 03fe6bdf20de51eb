import Foundation
import Testing

@Suite struct HelpTests {
  @Test func lintHelpIsComplete() async throws {
    let run = try await SPFKitProcess.run(["lint", "--help"])
    #expect(run.status == 0)
    #expect(run.stderr.isEmpty)
    #expect(
      run.stdout == """
        OVERVIEW: Lint SPF records and report problems with exact positions.

        USAGE: spfkit lint [<record> ...] [--zone <file> ...] [--domain <name> ...] [--resolve] \
        [--name <name>] [--format <format>] [--severity <severity>] [--statistics] [--output <file>] [--jobs <n>] \
        [--strict] [--disable <codes>]

        ARGUMENTS:
          <record> ...            The TXT records published at one name: raw text
                                  ('v=spf1 -all'), or TXT presentation format when it
                                  starts with '"' ('"v=spf1 ..." "... -all"'). '-' reads
                                  standard input, one record per line, each linted on
                                  its own.

        OPTIONS:
          --zone <file> ...       Lint every TXT and SPF record of BIND zone files,
                                  owner by owner. Takes the arguments up to the next
                                  option or '--'; repeatable.
          --format <format>       Output format: text, json, jsonl, sarif or github
                                  (default: text).
          --severity <severity>   The lowest severity shown: error, warning or info
                                  (default: info for <record> arguments and --domain,
                                  warning with '-' or --zone). The exit status counts
                                  every finding.
          --statistics            Print how many findings each rule produced (text
                                  format).
          --output <file>         Write the report to a file: a temporary file beside
                                  it, renamed at the end.
          --strict                Exit 1 on warnings too, not only on errors.
          --jobs <n>              Lint standard input and zone files on n threads
                                  (default: one per core). The output is the same for
                                  any n.
          --disable <codes>       Comma-separated rule codes or slugs not to run
                                  (SPF102,ptr-deprecated).
          --domain <name>         Fetch every TXT record of a domain over DNS and lint
                                  them, following includes and redirects. Repeatable.
          --resolve               Follow the includes and redirects of <record>
                                  arguments over DNS: count lookups through them and run
                                  the DNS rules.
          --name <name>           The domain the <record> arguments are published at:
                                  what '%{d}' and a bare a or mx stand for.
        \(HelpText.dnsOptions)
          -h, --help              Show help information.

        EXIT STATUS:
          0  nothing at or above the threshold (errors; warnings too with --strict)
          1  findings at or above the threshold
          2  usage or input error: a bad zone file (the other inputs are still linted),
             or DNS failed for a --domain (the reason is printed)

        ZONE FILES:
          '; spfkit-disable SPF102' on a record's line or the line above it turns
          those rules off for that record. '$INCLUDE' paths are relative to the
          including file.

        See 'spfkit explain' for every rule.

        """)
  }

  @Test func rootHelpListsEverySubcommand() async throws {
    let run = try await SPFKitProcess.run(["--help"])
    #expect(run.status == 0)
    #expect(run.stdout.hasPrefix("OVERVIEW: Lint, explain, evaluate and generate SPF records (RFC 7208).\n"))
    for name in ["lint", "explain"] { #expect(run.stdout.contains("\n  \(name) "), "\(name)") }
    let viaHelp = try await SPFKitProcess.run(["help", "lint"])
    let direct = try await SPFKitProcess.run(["lint", "--help"])
    #expect(viaHelp.stdout == direct.stdout)
  }

  @Test func versionPrintsTheVersion() async throws {
    let run = try await SPFKitProcess.run(["--version"])
    #expect(run.status == 0)
    #expect(run.stdout.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil)
  }

  @Test(arguments: [[], ["frobnicate"]])
  func missingOrUnknownSubcommandExitsTwo(_ arguments: [String]) async throws {
    let run = try await SPFKitProcess.run(arguments)
    #expect(run.status == 2)
    #expect(run.stdout.isEmpty)
    #expect(run.stderr.hasPrefix("error: "))
    #expect(run.stderr.contains("See 'spfkit --help'"))
  }
}
