import SPFKit
import SPFKitDNS
import SPFKitTestSupport

/// `check_host()` over real sockets: a real `named` on loopback serves a policy of exactly 10 lookups
/// (includes nested two deep, `a`, `mx`, `exists`), and the evaluation runs `runs` times, each with a
/// fresh `CachingResolver` over a `SocketResolver`.
///
/// Prints the queries each check sent beside the number of distinct name+type pairs the policy needs,
/// computed from the fixture by `expectedQuestions()` (not by the evaluator), and flags a mismatch.
enum CheckBench {
  static let runs = 200
  static let warmUp = 10
  static let domain = "bench.test"
  static let clientIP = "192.0.2.77"

  /// The zone: owner, type and data. The client matches no term until `exists`, the tenth lookup.
  static let records: [(owner: String, type: String, data: String)] = [
    ("bench.test", "TXT", "v=spf1 include:_a.bench.test include:_b.bench.test a mx exists:%{i}.e.bench.test -all"),
    ("_a.bench.test", "TXT", "v=spf1 include:_a1.bench.test a:mail1.bench.test ?all"),
    ("_a1.bench.test", "TXT", "v=spf1 mx:mx.bench.test ip4:198.51.100.0/24 ~all"),
    ("_b.bench.test", "TXT", "v=spf1 include:_b1.bench.test -all"),
    ("_b1.bench.test", "TXT", "v=spf1 a:mail2.bench.test -all"),
    ("bench.test", "A", "203.0.113.1"),
    ("bench.test", "MX", "10 mxa.bench.test."),
    ("bench.test", "MX", "20 mxc.bench.test."),
    ("mx.bench.test", "MX", "10 mxa.bench.test."),
    ("mx.bench.test", "MX", "20 mxb.bench.test."),
    ("mxa.bench.test", "A", "203.0.113.10"),
    ("mxb.bench.test", "A", "203.0.113.11"),
    ("mxc.bench.test", "A", "203.0.113.12"),
    ("mail1.bench.test", "A", "203.0.113.20"),
    ("mail2.bench.test", "A", "203.0.113.21"),
    ("192.0.2.77.e.bench.test", "A", "127.0.0.2"),
  ]

  static var zone: NamedZone {
    let lines = records.map { record in
      "\(record.owner). \(record.type) " + (record.type == "TXT" ? "\"\(record.data)\"" : record.data)
    }
    return NamedZone(origin: domain, records: lines.joined(separator: "\n"))
  }

  /// The distinct questions (`name TYPE`) a full evaluation of the fixture asks, read from the zone
  /// data alone: TXT of every policy reached, A of `a` and `exists` targets, MX of `mx` targets and A
  /// of their hosts. Every term is reached: the client matches nothing before the last lookup.
  static func expectedQuestions() -> Set<String> {
    func data(_ owner: String, _ type: String) -> [String] {
      records.filter { $0.owner == owner && $0.type == type }.map(\.data)
    }
    var questions: Set<String> = []
    func walk(_ policy: String) {
      questions.insert("\(policy) TXT")
      guard let text = data(policy, "TXT").first else { return }
      for term in text.split(separator: " ").dropFirst() {
        let body = term.drop { "+-~?".contains($0) }
        let parts = body.split(separator: ":", maxSplits: 1).map(String.init)
        let target = parts.count > 1 ? parts[1] : policy
        switch parts[0] {
        case "include": walk(target)
        case "a": questions.insert("\(target) A")
        case "exists": questions.insert("\(target.replacingOccurrences(of: "%{i}", with: clientIP)) A")
        case "mx":
          questions.insert("\(target) MX")
          for exchange in data(target, "MX") {
            questions.insert("\(exchange.split(separator: " ")[1].dropLast()) A")
          }
        default: break
        }
      }
    }
    walk(domain)
    return questions
  }

  static func run() async {
    guard NamedServer.executablePath != nil else {
      print("check: skipped: named not found at $NAMED or /usr/sbin/named (install bind9)")
      return
    }
    let server: NamedServer
    do {
      server = try await NamedServer(zones: [zone])
    } catch {
      print("check: skipped: named did not start: \(error)")
      return
    }
    defer { server.stop() }
    let socket = SocketResolver(
      servers: [DNSServer(address: .v4(IPv4Address(127, 0, 0, 1)), port: server.port)], timeout: .seconds(2))
    let request = CheckHostRequest(
      clientIP: IPAddress(clientIP)!, domain: domain, sender: "postmaster@" + domain, helo: domain)
    var times: [Double] = []
    var sentCounts: Set<Int> = []
    var asked: Set<String> = []
    var outcome: CheckHostResult?
    for index in 0..<(warmUp + runs) {
      let cache = CachingResolver(socket)
      let start = monotonicSeconds()
      let result = await SPFEvaluator(resolver: cache).checkHost(request)
      let elapsed = monotonicSeconds() - start
      guard index >= warmUp else { continue }
      times.append(elapsed)
      sentCounts.insert(await cache.queriesSent)
      asked.formUnion(await cache.cachedQuestions.map(\.description))
      outcome = result
    }
    report(outcome, times: times, sentCounts: sentCounts, asked: asked, port: server.port)
  }

  static func report(
    _ outcome: CheckHostResult?, times: [Double], sentCounts: Set<Int>, asked: Set<String>,
    port: UInt16
  ) {
    guard let outcome else { return }
    let expected = expectedQuestions()
    let trace = outcome.trace
    print("check: named on 127.0.0.1:\(port) serving \(domain): includes nested 2 deep, a, mx, exists")
    print(
      "check: result \(outcome.result) (\(outcome.reason)), lookups \(trace.lookupCount)/\(trace.lookupLimit), "
        + "void lookups \(trace.voidLookupCount)/\(trace.voidLookupLimit)")
    let sent = sentCounts.sorted().map(String.init).joined(separator: "/")
    let matches = sentCounts == [expected.count] && asked == expected
    var line =
      "check: DNS queries per check: \(sent) sent, \(expected.count) expected (distinct name+type pairs "
      + "from the fixture): " + (matches ? "ok" : "MISMATCH")
    if !matches {
      line +=
        "; not expected: \(asked.subtracting(expected).sorted()), never asked: \(expected.subtracting(asked).sorted())"
    }
    print(line)
    if outcome.result != .pass || trace.lookupCount != 10 {
      print("check: UNEXPECTED: the fixture should pass at lookup 10")
    }
    let sorted = times.sorted()
    let median =
      sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    let p90 = sorted[min(sorted.count - 1, Int((Double(sorted.count) * 0.9).rounded(.up)) - 1)]
    print(
      "check: \(times.count) checks, each with a fresh cache: median \(milliseconds(median)) ms, "
        + "p90 \(milliseconds(p90)) ms per check")
  }

  /// Seconds as milliseconds with two decimals.
  static func milliseconds(_ seconds: Double) -> String { LintBench.format2(seconds * 1000) }
}
