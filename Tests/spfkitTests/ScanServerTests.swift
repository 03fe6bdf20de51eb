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
      ["scan", scratch.path("domains.txt"), "--server", server.ipv4Server, "--output", scratch.path("out.jsonl")])
    #expect(run.status == 1)
    let queries = server.log.split(separator: "\n").filter { $0.contains(" query: ") }
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
    let deadline = ContinuousClock.now + .seconds(60)
    while (try? String(contentsOfFile: output, encoding: .utf8))?.split(separator: "\n").count ?? 0 < 300,
      ContinuousClock.now < deadline
    {
      try await Task.sleep(for: .milliseconds(20))
    }
    server.stop()
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
}
