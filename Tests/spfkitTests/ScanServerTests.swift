import Foundation
import SPFKitTestSupport
import Testing

/// `spfkit scan` and the server it asks: each provider include queried once per run (named's query
/// log), and a server that stops answering mid-scan.
@Suite(.serialized, .enabled(if: NamedServer.testsEnabled, Comment(rawValue: NamedServer.skipNote)))
struct ScanServerTests {
  @Test func eachProviderIncludeIsQueriedOncePerRun() async throws {
    let population = ScanZone(count: 1_000)
    let server = try await NamedServer(zones: population.zones, options: ["querylog yes;"])
    defer { server.stop() }
    let scratch = try ScratchDirectory("spfkit-scan")
    defer { scratch.remove() }
    try scratch.write("domains.txt", population.domainList)
    let run = try await SPFKitProcess.run(
      [
        "scan", scratch.path("domains.txt"), "--server", server.ipv4Server, "--output", scratch.path("out.jsonl"),
        "--statistics",
      ])
    #expect(run.status == 1)
    // The fixture's readiness probe asks for the SOA; spfkit never does.
    let queries = server.log.split(separator: "\n").filter { $0.contains(" query: ") && !$0.contains(" IN SOA ") }
    #expect(run.stderr.contains("statistics: \(queries.count) DNS queries sent"), "named saw what spfkit sent")
    for provider in 0..<ScanZone.providerCount {
      let name = ScanZone.provider(provider)
      let includers = (0..<population.count).filter {
        ScanZone.Category($0) == .valid && ScanZone.providers(of: $0).contains(provider)
      }
      #expect(includers.count > 5, "\(name) is shared")
      #expect(queries.count { $0.contains("query: \(name) IN TXT") } == 1, "\(name)")
    }
    #expect(queries.count { $0.contains("query: \(ScanZone.domain(4)) IN TXT") } == 1)
  }

  @Test func aServerThatStopsAnsweringMidScanGivesDNSErrorsAndTheScanEnds() async throws {
    let population = ScanZone(count: 3_000)
    let server = try await NamedServer(zones: population.zones)
    defer { server.stop() }
    let scratch = try ScratchDirectory("spfkit-scan")
    defer { scratch.remove() }
    try scratch.write("domains.txt", population.domainList)
    let output = scratch.path("out.jsonl")
    // Paced, so the scan is still running when named stops.
    let scan = Task {
      try await SPFKitProcess.run([
        "scan", scratch.path("domains.txt"), "--server", server.ipv4Server, "--output", output, "--qps", "1500",
        "--timeout", "0.5", "--statistics",
      ])
    }
    // Polled on a thread of its own: the CPU-bound tests beside this one can hold the cooperative
    // pool for seconds, and the scan then ended before named stopped (seen once under `make test`).
    await withCheckedContinuation { (stopped: CheckedContinuation<Void, Never>) in
      Thread {
        let deadline = Date().addingTimeInterval(60)
        while (try? String(contentsOfFile: output, encoding: .utf8))?.split(separator: "\n").count ?? 0 < 300,
          Date() < deadline
        {
          Thread.sleep(forTimeInterval: 0.02)
        }
        server.stop()
        stopped.resume()
      }.start()
    }
    let run = try await scan.value
    #expect(run.status == 1, "the scan ends normally: findings decide the exit status")
    let lines = try ScanLines(try String(contentsOfFile: output, encoding: .utf8))
    #expect(lines.domains.count == population.count, "every domain has its line")
    #expect(Set(lines.domains).count == population.count)
    let statuses = lines.domains.map { lines.byDomain[$0]?["status"] as? String }
    #expect(statuses.prefix(200).allSatisfy { $0 != "dns-error" }, "before the stop, named answered")
    let errors = lines.byDomain.values.filter { $0["status"] as? String == "dns-error" }
    #expect(errors.count > population.count / 2)
    #expect(errors.allSatisfy { $0["reason"] is String }, "each says which query failed")
    #expect(run.stderr.contains("\(errors.count) dns-error"))
  }

  @Test func progressIsShownOnATerminalOnly() async throws {
    let scratch = try ScratchDirectory("spfkit-scan")
    defer { scratch.remove() }
    try scratch.write("domains.txt", (0..<1_000).map { "d\($0).example.test\n" }.joined())
    // Nothing listens on port 1: every domain is a quick dns-error; --qps keeps the run over 0.5 s.
    let arguments = [
      "scan", scratch.path("domains.txt"), "--server", "127.0.0.1:1", "--qps", "1500", "--output",
      scratch.path("out.jsonl"),
    ]
    let plain = try await SPFKitProcess.run(arguments)
    #expect(plain.stderr.isEmpty, "no progress when standard error is not a terminal")
    try FileManager.default.removeItem(atPath: scratch.path("out.jsonl"))
    // script(1) runs the scan on a pseudo-terminal and copies what it shows to the typescript.
    let command = ([SPFKitProcess.binary.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
    let typescript = scratch.path("typescript")
    _ = try await ChildRun.run(
      URL(fileURLWithPath: "/usr/bin/script"), ["-qfec", command, typescript],
      environment: ProcessInfo.processInfo.environment)
    let shown = try String(contentsOfFile: typescript, encoding: .utf8)
    #expect(shown.contains("/1000 domains, ETA "), "\(shown)")
    #expect(shown.contains(" DNS errors"))
  }

  @Test func helpShowsEveryOptionAndTheStatuses() async throws {
    let run = try await SPFKitProcess.run(["scan", "--help"])
    #expect(run.status == 0)
    #expect(
      run.stdout == """
        OVERVIEW: Lint the SPF records of many domains over DNS, streaming one result per domain.

        USAGE: spfkit scan [<file>|-] [--concurrency <n>] [--output <file>] [--resume] \
        [--shard <k/n>] [--qps <n>] [--format <format>] [--statistics]

        ARGUMENTS:
          <file>                  Domains, one per line; blank lines and '#' comments
                                  are skipped. '-' or nothing reads standard input.

        OPTIONS:
          --concurrency <n>       How many domains are scanned at once (default: 128).
          --output <file>         Append the JSON Lines to a file instead of standard
                                  output, whole lines only. A file that is not empty
                                  needs --resume.
          --resume                Skip the domains already in the --output file (a cut
                                  last line is dropped) and append the rest.
          --shard <k/n>           Scan only the domains of shard K of N: 64-bit FNV-1a
                                  of the lowercase name without a trailing dot, modulo
                                  N, plus 1.
          --qps <n>               Send at most N DNS queries a second (default: no
                                  limit).
          --domain-deadline <seconds>
                                  How long one domain may spend on DNS; later queries of
                                  that domain fail as timeouts (default: 10).
          --format <format>       jsonl (one object per domain, the default) or text
                                  (compiler-style findings).
          --ordered               Write the results in input order (a bounded reorder
                                  window).
          --statistics            Print domains per status and findings per code on
                                  standard error at the end.
          --disable <codes>       Comma-separated rule codes or slugs not to run
                                  (SPF102,ptr-deprecated).
          --server <ip[:port]>    DNS server to ask instead of those in
                                  /etc/resolv.conf; IPv6 as [addr]:port. Repeatable.
          --timeout <seconds>     How long to wait for one DNS answer before trying the
                                  next server (default: 3).
          --dns-zone <file>       A BIND zone file that answers first (TXT, A, AAAA, MX,
                                  PTR), live DNS for every name it does not hold:
                                  evaluate a draft before publishing it. Repeatable.
          -h, --help              Show help information.

        STATUS (the 'status' of each JSON line):
          ok         an SPF record with no warning or error (info only)
          findings   an SPF record with warnings or errors
          no-spf     the name exists but publishes no SPF record
          nxdomain   the name does not exist
          dns-error  DNS failed for the name or for a policy it includes ('reason' says
                     which); what DNS did answer is still linted

        EXIT STATUS:
          0  no domain has an error-severity finding
          1  some domain has an error-severity finding
          2  usage or input error (lines that are no domain name are reported with
             their line number and skipped; the scan goes on)

        """)
  }
}
