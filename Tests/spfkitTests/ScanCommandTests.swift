import Foundation
import SPFKitTestSupport
import Testing

/// `spfkit scan` against a real BIND `named` on loopback serving 20,000 generated domains
/// (`ScanZone`): statuses and codes per category, every domain exactly once, `--resume`, `--shard`.
@Suite(.serialized, .enabled(if: NamedServer.testsEnabled, Comment(rawValue: NamedServer.skipNote)))
struct ScanCommandTests {
  static let population = ScanZone(count: 20_000)
  static let named = NamedFixture(zones: population.zones)
  /// The scan of the whole list, run once and shared by the tests that compare with it.
  static let fullScan = OnceResult { try await ScanCommandTests.scanAll([]) }

  /// Writes the domain list and runs `spfkit scan LIST --server ... ARGUMENTS` in `scratch`.
  static func scan(_ arguments: [String], list: String, in scratch: ScratchDirectory) async throws
    -> SPFKitProcess.Output
  {
    let server = try await named.server()
    try scratch.write("domains.txt", list)
    return try await SPFKitProcess.run(
      ["scan", scratch.path("domains.txt"), "--server", server.ipv4Server, "--timeout", "5"] + arguments)
  }

  /// The whole list scanned to standard output.
  static func scanAll(_ arguments: [String]) async throws -> SPFKitProcess.Output {
    let scratch = try ScratchDirectory("spfkit-scan")
    defer { scratch.remove() }
    return try await scan(arguments, list: population.domainList, in: scratch)
  }

  @Test func everyCategoryHasItsStatusAndCodes() async throws {
    let run = try await Self.fullScan.value()
    #expect(run.status == 1, "two records and eleven includes are errors")
    #expect(run.stderr.isEmpty)
    let lines = try ScanLines(run.stdout)
    #expect(lines.domains.count == Self.population.count)
    #expect(Set(lines.domains).count == Self.population.count, "every domain exactly once")
    for index in 0..<Self.population.count {
      let domain = ScanZone.domain(index)
      let object = try #require(lines.byDomain[domain], "\(domain)")
      let status = object["status"] as? String
      let codes = Set((object["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String })
      switch ScanZone.Category(index) {
      case .valid:
        #expect(status == "ok", "\(domain)")
        #expect(codes == ["SPF201"], "\(domain)")
        #expect(object["lookups"] as? Int == 1 + ScanZone.providers(of: index).count, "\(domain): mx and includes")
        #expect((object["records"] as? [String])?.count == 1)
      case .twoRecords:
        #expect(status == "findings", "\(domain)")
        #expect(codes.contains("SPF001"), "\(domain)")
        #expect(object["lookups"] is NSNull, "\(domain): no one policy to count")
      case .elevenIncludes:
        #expect(status == "findings", "\(domain)")
        #expect(codes.contains("SPF003"), "\(domain)")
        #expect(object["lookups"] as? Int == 11)
      case .notSPF:
        #expect(status == "no-spf", "\(domain)")
        #expect(object["reason"] as? String == "\(domain) has no SPF record: none of its 1 TXT records is SPF")
        #expect((object["records"] as? [String]) == ["site-verification=\(index)"])
      case .missing:
        #expect(status == "nxdomain", "\(domain)")
        #expect(object["reason"] as? String == "\(domain) TXT: NXDOMAIN")
      }
    }
  }

  @Test func resumeAfterTheOutputWasCutInHalfScansTheRestOnce() async throws {
    let full = try ScanLines(try await Self.fullScan.value().stdout)
    let scratch = try ScratchDirectory("spfkit-scan")
    defer { scratch.remove() }
    let output = scratch.path("out.jsonl")
    let first = try await Self.scan(["--output", output], list: Self.population.domainList, in: scratch)
    #expect(first.status == 1)
    #expect(first.stdout.isEmpty, "results go to the file")
    let bytes = try Data(contentsOf: URL(fileURLWithPath: output))
    // Cut in the middle of a line, as a scan killed during a write would leave it.
    var cut = bytes.count / 2
    while bytes[cut - 1] == 0x0A { cut += 1 }
    try bytes.prefix(cut).write(to: URL(fileURLWithPath: output))
    let kept = try ScanLines(String(decoding: bytes.prefix(cut), as: UTF8.self), droppingCutLine: true)
    let resumed = try await Self.scan(
      ["--output", output, "--resume", "--statistics"], list: Self.population.domainList, in: scratch)
    #expect(resumed.status == 1)
    #expect(resumed.stderr.contains("statistics: \(kept.domains.count) already in the output file (--resume)"))
    let lines = try ScanLines(try String(contentsOfFile: output, encoding: .utf8))
    #expect(lines.domains.count == Self.population.count, "every line whole, every domain once")
    #expect(Set(lines.domains).count == Self.population.count)
    for (domain, object) in full.byDomain {
      #expect(lines.byDomain[domain]?["status"] as? String == object["status"] as? String, "\(domain)")
    }
  }

  @Test func threeShardsCoverTheListExactlyOnce() async throws {
    var seen: [String] = []
    for shard in 1...3 {
      let run = try await Self.scanAll(["--shard", "\(shard)/3"])
      let lines = try ScanLines(run.stdout)
      #expect(lines.domains.count > Self.population.count / 4, "shard \(shard) holds about a third")
      seen += lines.domains
    }
    #expect(seen.count == Self.population.count)
    #expect(Set(seen) == Set((0..<Self.population.count).map(ScanZone.domain)))
  }

  @Test func qpsSpacesTheQueries() async throws {
    let scratch = try ScratchDirectory("spfkit-scan")
    defer { scratch.remove() }
    let list = (0..<300).map { ScanZone.domain($0) + "\n" }.joined()
    let run = try await Self.scan(
      ["--qps", "300", "--statistics", "--output", scratch.path("out.jsonl")], list: list, in: scratch)
    let line = try #require(run.stderr.split(separator: "\n").first { $0.contains("DNS queries sent") })
    let sent = try #require(Int(line.split(separator: " ")[1]))
    #expect(sent > 500, "300 TXT, 240 MX and the providers")
    // A lower bound only: pacing can make a run slower, never faster.
    #expect(run.seconds >= Double(sent - 1) / 300, "\(sent) queries at 300 a second")
  }

  @Test func orderedOutputKeepsInputOrder() async throws {
    let scratch = try ScratchDirectory("spfkit-scan")
    defer { scratch.remove() }
    let list = (0..<2_000).map { ScanZone.domain($0) + "\n" }.joined()
    let run = try await Self.scan(["--ordered", "--concurrency", "64"], list: list, in: scratch)
    #expect(try ScanLines(run.stdout).domains == (0..<2_000).map(ScanZone.domain))
  }

  @Test func badLinesAreReportedWithTheirNumberAndSkipped() async throws {
    let scratch = try ScratchDirectory("spfkit-scan")
    defer { scratch.remove() }
    let list = "# a comment\n\n\(ScanZone.domain(4))\nnot a domain\nD000005.Scan.Test.\nbad..name\n"
    let run = try await Self.scan(["--statistics"], list: list, in: scratch)
    #expect(run.status == 2, "input errors exit 2 once the scan is done")
    let path = scratch.path("domains.txt")
    #expect(
      run.stderr.contains("\(path):4:1: error: 'not a domain' is not a domain name: unexpected character at column 4\n")
    )
    #expect(run.stderr.contains("\(path):6:1: error: 'bad..name' is not a domain name: empty label at column 5\n"))
    #expect(run.stderr.contains("statistics: 2 domains scanned: 2 ok, 0 findings, 0 no-spf, 0 nxdomain, 0 dns-error"))
    #expect(try ScanLines(run.stdout).domains.sorted() == [ScanZone.domain(4), ScanZone.domain(5)])
  }

  @Test func textFormatPrintsCompilerStyleFindings() async throws {
    let scratch = try ScratchDirectory("spfkit-scan")
    defer { scratch.remove() }
    let list = [0, 2, 3, 4].map { ScanZone.domain($0) + "\n" }.joined()
    let run = try await Self.scan(["--format", "text", "--ordered"], list: list, in: scratch)
    #expect(run.status == 1)
    #expect(
      run.stdout.contains("\(ScanZone.domain(0)):2:1: error[SPF001] '\(ScanZone.domain(0))' publishes 2 SPF records"))
    #expect(run.stdout.contains("\(ScanZone.domain(2)): no-spf: \(ScanZone.domain(2)) has no SPF record"))
    #expect(run.stdout.contains("\(ScanZone.domain(3)): nxdomain: \(ScanZone.domain(3)) TXT: NXDOMAIN\n"))
    #expect(
      run.stdout.contains("\(ScanZone.domain(4)):1:1: info[SPF201] the policy uses 3 of 10 DNS lookups: mx, include:"))
  }

  @Test(arguments: [
    (["--shard", "4/3"], "invalid value '4/3' for '--shard': give K/N with 1 <= K <= N, such as 2/8"),
    (["--concurrency", "0"], "invalid value '0' for '--concurrency': give a whole number from 1 to 10000"),
    (["--resume"], "'--resume' needs '--output <file>'"),
    (["--format", "xml"], "unknown format 'xml' for '--format': use jsonl or text"),
  ])
  func usageErrorsExitTwo(_ arguments: [String], _ message: String) async throws {
    let run = try await SPFKitProcess.run(["scan", "-"] + arguments, input: "")
    #expect(run.status == 2)
    #expect(run.stderr.hasPrefix("error: \(message)\n"))
  }

  @Test func aListThatCannotBeReadIsAnInputError() async throws {
    let scratch = try ScratchDirectory("spfkit-scan")
    defer { scratch.remove() }
    // read(2) fails with EISDIR, which is no empty list.
    let run = try await SPFKitProcess.run(
      ["scan", "-", "--server", "127.0.0.1:1"], standardInputFrom: scratch.url.path)
    #expect(run.status == 2)
    #expect(run.stderr == "<stdin>:1:1: error: cannot read: is a directory\n")
    #expect(run.stdout.isEmpty)
  }

  @Test func aNonEmptyOutputFileNeedsResume() async throws {
    let scratch = try ScratchDirectory("spfkit-scan")
    defer { scratch.remove() }
    try scratch.write("out.jsonl", "{\"domain\":\"a.test\"}\n")
    let run = try await Self.scan(["--output", scratch.path("out.jsonl")], list: "a.test\n", in: scratch)
    #expect(run.status == 2)
    #expect(run.stderr.contains("is not empty: give '--resume' to continue that scan, or remove the file"))
    #expect(try String(contentsOfFile: scratch.path("out.jsonl"), encoding: .utf8) == "{\"domain\":\"a.test\"}\n")
  }
}

/// The JSON Lines of a scan, parsed.
struct ScanLines {
  /// The domain of each line, in order.
  let domains: [String]
  /// Each line's object by domain.
  let byDomain: [String: [String: Any]]

  /// Parses every line; with `droppingCutLine`, a last line without a newline is left out.
  init(_ text: String, droppingCutLine: Bool = false) throws {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    if lines.last == "" { lines.removeLast() } else if droppingCutLine { lines.removeLast() }
    var domains: [String] = []
    var byDomain: [String: [String: Any]] = [:]
    for line in lines {
      let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(line)")
      let domain = try #require(object["domain"] as? String)
      domains.append(domain)
      byDomain[domain] = object
    }
    self.domains = domains
    self.byDomain = byDomain
  }
}

/// An async computation run once, its result shared by every caller.
actor OnceResult<Value: Sendable> {
  private let work: @Sendable () async throws -> Value
  private var task: Task<Value, any Error>?

  init(_ work: @escaping @Sendable () async throws -> Value) { self.work = work }

  func value() async throws -> Value {
    if let task { return try await task.value }
    let task = Task { try await work() }
    self.task = task
    return try await task.value
  }
}
