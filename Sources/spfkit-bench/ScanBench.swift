import Foundation
import SPFKitTestSupport

/// `spfkit scan` against a real `named` on loopback serving `ScanZone(count: 100_000)`: the release
/// binary as a process (output to a file), at several concurrencies on 20,000 domains, then at the
/// default on 20,000 and 100,000 (peak RSS must stay flat), beside checkdmarc's `check_spf` on a
/// sample of the same domains through the same server when it is installed.
enum ScanBench {
  static let largeCount = 100_000
  static let smallCount = 20_000
  static let checkdmarcSample = 2_000
  static let concurrencies = [32, 128, 512]

  static func run() async {
    let spfkit = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
      .appendingPathComponent("spfkit").path
    guard FileManager.default.isExecutableFile(atPath: spfkit), NamedServer.executablePath != nil else {
      print("scan: skipped: needs the release spfkit beside the bench and named (install bind9)")
      return
    }
    let zone = ScanZone(count: largeCount)
    let server: NamedServer
    do {
      server = try await NamedServer(zones: zone.zones)
    } catch {
      print("scan: skipped: named did not start: \(error)")
      return
    }
    defer { server.stop() }
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("spfkit-bench-scan-\(getpid())")
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let small = directory.appendingPathComponent("small.txt").path
    let large = directory.appendingPathComponent("large.txt").path
    _ = FileManager.default.createFile(atPath: small, contents: Data(ScanZone(count: smallCount).domainList.utf8))
    _ = FileManager.default.createFile(atPath: large, contents: Data(zone.domainList.utf8))
    print("scan: named on \(server.ipv4Server) serving \(grouped(largeCount)) domains and 50 provider includes")
    let scan = Scan(spfkit: spfkit, server: server.ipv4Server, directory: directory.path)
    for concurrency in concurrencies {
      scan.measure(list: small, count: smallCount, arguments: ["--concurrency", "\(concurrency)"]).print(
        "concurrency \(concurrency)")
    }
    let base = scan.measure(list: small, count: smallCount, arguments: [])
    base.print("default")
    scan.measure(list: large, count: largeCount, arguments: []).print("default")
    print(checkdmarc(list: small, port: server.port, directory: directory.path, against: base.domainsPerSecond))
  }

  /// Runs of the release binary against one server.
  struct Scan {
    let spfkit: String
    let server: String
    let directory: String

    func measure(list: String, count: Int, arguments: [String]) -> Figures {
      let output = directory + "/out.jsonl"
      let statistics = directory + "/statistics.txt"
      unlink(output)
      let command =
        ([spfkit, "scan", list, "--server", server, "--output", output, "--statistics"] + arguments)
        .map { "'\($0)'" }.joined(separator: " ")
      // exec: time -v measures spfkit itself, not the shell. Exit 1: the zone has error findings.
      let run = TimedCommand.run(["/bin/sh", "-c", "exec \(command) 2>'\(statistics)'"], allowedStatuses: [0, 1])
      let text = (try? String(contentsOfFile: statistics, encoding: .utf8)) ?? ""
      let queries = text.split(separator: "\n").first { $0.contains("DNS queries sent") }.flatMap {
        Int($0.split(separator: " ")[1])
      }
      return Figures(count: count, run: run, queries: queries ?? 0)
    }
  }

  struct Figures {
    let count: Int
    let run: TimedCommand
    let queries: Int

    var domainsPerSecond: Double { Double(count) / run.seconds }

    func print(_ label: String) {
      Swift.print(
        "scan: \(grouped(count)) domains, \(label): \(LintBench.format2(run.seconds)) s = "
          + "\(grouped(Int(domainsPerSecond))) domains/s, \(grouped(queries)) queries = "
          + "\(grouped(Int(Double(queries) / run.seconds))) queries/s, CPU \(LintBench.format2(run.cpuSeconds)) s, "
          + "peak RSS \(LintBench.format2(Double(run.peakKiB) / 1024)) MiB (\(run.source))")
    }
  }

  /// checkdmarc's `check_spf` on the first `checkdmarcSample` domains, timed inside the interpreter
  /// (start-up and imports excluded), as the line to print beside `rate`, spfkit's domains/s. The
  /// line says how the calls ended (`ok`, or the class of what they raised): a run whose calls all
  /// fail at once is no speed figure. A missing checkdmarc is skipped and said so.
  static func checkdmarc(list: String, port: UInt16, directory: String, against rate: Double) -> String {
    let script = directory + "/checkdmarc_bench.py"
    let source = """
      import sys, time
      import dns.resolver
      from checkdmarc.spf import check_spf
      resolver = dns.resolver.Resolver(configure=False)
      resolver.nameservers = ["127.0.0.1"]
      resolver.port = int(sys.argv[2])
      domains = [line.strip() for line in open(sys.argv[1]) if line.strip()][: int(sys.argv[3])]
      outcomes = {}
      start = time.monotonic()
      for domain in domains:
          try:
              check_spf(domain, resolver=resolver, timeout=2.0)
              outcome = "ok"
          except Exception as error:
              outcome = type(error).__name__
          outcomes[outcome] = outcomes.get(outcome, 0) + 1
      print(time.monotonic() - start)
      print(", ".join(f"{name} {count}" for name, count in sorted(outcomes.items(), key=lambda item: -item[1])))
      """
    _ = FileManager.default.createFile(atPath: script, contents: Data(source.utf8))
    let probe = ChildProcess.run(["/usr/bin/env", "python3", "-c", "import checkdmarc"], allowedStatuses: [0, 1])
    guard probe.status == 0 else { return "scan: checkdmarc: skipped (pip install checkdmarc)" }
    let run = ChildProcess.run(["/usr/bin/env", "python3", script, list, "\(port)", "\(checkdmarcSample)"])
    let lines = run.stdout.split(separator: "\n")
    guard lines.count == 2, let seconds = Double(lines[0]), seconds > 0 else {
      return "scan: checkdmarc: no figure, its script printed \(run.stdout.debugDescription)"
    }
    let theirs = Double(checkdmarcSample) / seconds
    return "scan: checkdmarc check_spf: \(checkdmarcSample) domains sequentially in \(LintBench.format2(seconds)) s = "
      + "\(grouped(Int(theirs))) domains/s; spfkit scan/checkdmarc \(LintBench.format2(rate / theirs))x; "
      + "outcomes: \(lines[1])"
  }
}
