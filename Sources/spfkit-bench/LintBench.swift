import Foundation
import SPFKit
import SPFKitTestSupport

/// Lint throughput over a deterministic corpus of realistic records, about 5 % of them broken.
enum LintBench {
  static let corpusSize = 100_000

  /// The parser alone over the corpus, for profiling.
  static func runParseOnly() {
    let corpus = makeCorpus(count: corpusSize)
    let rate = measure(corpus) { _ = SPFParser.parse($0.joined).record.terms.count }
    print("parse: \(grouped(Int(rate))) records/s (parser alone)")
  }

  /// One pass of the linter over the corpus, or over the records of `path` (one per line, as
  /// `spfkit lint -` reads them), no timing: a fixed amount of work to count instructions of
  /// (`valgrind --tool=callgrind spfkit-bench lintonce [FILE]`), which this machine's timing noise
  /// cannot blur.
  static func runOnce(path: String?, memo useMemo: Bool = false) {
    let corpus: [TXTRecord]
    if let path {
      guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
        return print("lintonce: cannot read \(path) as UTF-8 text")
      }
      corpus = text.split(separator: "\n").map { TXTRecord(text: String($0)) }
    } else {
      corpus = makeCorpus(count: corpusSize)
    }
    let linter = Linter()
    var findings = 0
    var memo = LintMemo()
    for record in corpus {
      findings &+= (useMemo ? linter.lint([record], memo: &memo) : linter.lint([record])).count
    }
    print("lintonce: \(grouped(corpus.count)) records, \(grouped(findings)) findings")
  }

  /// Prints the corpus, one record per line, as `cli` feeds it to `spfkit lint -`.
  static func printCorpus() {
    for record in makeCorpus(count: corpusSize) { print(String(decoding: record.joined, as: UTF8.self)) }
  }

  static func run() {
    let corpus = makeCorpus(count: corpusSize)
    let linter = Linter(disabling: Set(CommandLine.arguments.dropFirst(2)))
    var findings = 0
    // Warm up once, then measure whole passes until at least two seconds have gone by.
    for record in corpus.prefix(10_000) { findings &+= linter.lint([record]).count }
    findings = 0
    var linted = 0
    let start = monotonicSeconds()
    var elapsed = 0.0
    repeat {
      for record in corpus { findings &+= linter.lint([record]).count }
      linted += corpus.count
      elapsed = monotonicSeconds() - start
    } while elapsed < 2
    let perSecond = Double(linted) / elapsed
    let bytes = corpus.reduce(0) { $0 + $1.joined.count }
    var byCode: [String: Int] = [:]
    for record in corpus { for finding in linter.lint([record]) { byCode[finding.code, default: 0] += 1 } }
    print(
      "lint: findings per pass by code: "
        + byCode.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
    let parseRate = measure(corpus) { _ = SPFParser.parse($0.joined).record.terms.count }
    print("parse: \(grouped(Int(parseRate))) records/s (parser alone)")
    print(
      "lint: \(grouped(corpus.count)) records (\(grouped(bytes)) bytes, \(grouped(findings / (linted / corpus.count))) findings per pass)"
    )
    print(
      "lint: \(grouped(linted)) records in \(String(format2(elapsed))) s on one core = \(grouped(Int(perSecond))) records/s, peak RSS \(String(format2(peakMemoryMiB()))) MiB"
    )
    runWithMemo(corpus, linter)
  }

  /// The same passes through a `LintMemo`, as `spfkit lint -` and `lint --zone` run: records the
  /// corpus repeats are parsed and checked once. Says how many of the corpus's records are distinct,
  /// which decides the gain.
  static func runWithMemo(_ corpus: [TXTRecord], _ linter: Linter) {
    var memo = LintMemo()
    let rate = measure(corpus) { _ = linter.lint([$0], memo: &memo).count }
    let distinct = Set(corpus.map(\.joined)).count
    print(
      "lint with a memo: \(grouped(Int(rate))) records/s on one core (\(grouped(distinct)) of the \(grouped(corpus.count)) records distinct; memo hits \(grouped(memo.hits)), misses \(grouped(memo.misses)))"
    )
  }

  /// Records per second of `body` over whole passes of the corpus, at least one second.
  static func measure(_ corpus: [TXTRecord], _ body: (TXTRecord) -> Void) -> Double {
    var count = 0
    let start = monotonicSeconds()
    repeat {
      for record in corpus { body(record) }
      count += corpus.count
    } while monotonicSeconds() - start < 1
    return Double(count) / (monotonicSeconds() - start)
  }

  static func format2(_ value: Double) -> String {
    let scaled = Int((value * 100).rounded())
    return "\(scaled / 100).\(scaled % 100 < 10 ? "0" : "")\(scaled % 100)"
  }

  /// Realistic records: provider includes, IP lists, a/mx, redirects, macros; ~5 % with a real-world mistake.
  static func makeCorpus(count: Int) -> [TXTRecord] {
    var random = SplitMix64(seed: 7208)
    let providers = [
      "_spf.google.com", "spf.protection.outlook.com", "sendgrid.net", "mailgun.org",
      "_spf.salesforce.com", "servers.mcsv.net", "amazonses.com", "spf.mandrillapp.com",
      "_spf.mlsend.com", "mail.zendesk.com",
    ]
    let mistakes = [
      "ipv4:192.0.2.1", "ip4:192.0.2.01", "ip4:198.51.100.0/33", "!all", "include:", "a:mail..example.com",
      "exists:%{c}.example.com", "redirct=_spf.example.com", "ip6:2001:db8::/129", "~~all",
    ]
    // Endings in roughly the proportions seen in published records: mostly ~all and -all.
    let endings =
      Array(repeating: "~all", count: 10) + Array(repeating: "-all", count: 8) + ["?all", "redirect=_spf.example.net"]
    let firstOctets: [UInt32] = [
      23, 34, 35, 40, 52, 54, 64, 66, 74, 104, 108, 129, 136, 142, 149, 157, 167, 185, 199,
      204, 205, 206, 207, 208, 209, 211, 212, 213, 216, 217,
    ]
    var records: [TXTRecord] = []
    records.reserveCapacity(count)
    for _ in 0..<count {
      var terms = ["v=spf1"]
      switch random.next() % 5 {
      case 0:
        terms += (0..<(1 + Int(random.next() % 3))).map { _ in "include:" + providers[Int(random.next() % 10)] }
      case 1:
        terms += (0..<(2 + Int(random.next() % 10))).map { _ in
          // Published networks are written masked, as admins copy them from their provider.
          let prefix = random.next() % 3 == 0 ? Int(24 + random.next() % 8) : 32
          let low = UInt32(truncatingIfNeeded: random.next()) & 0x00FF_FFFF
          let address = IPv4Address(firstOctets[Int(random.next() % UInt64(firstOctets.count))] << 24 | low)
          return "ip4:" + IPv4Network(address: address, prefixLength: prefix).masked.description
        }
      case 2:
        terms += ["a", "mx", "include:" + providers[Int(random.next() % 10)]]
      case 3:
        terms += [
          "ip6:2a00:1450:\(String(random.next() % 0xFFFF, radix: 16))::/48", "ip4:64.233.160.0/19",
          "include:" + providers[Int(random.next() % 10)],
        ]
      default:
        terms +=
          ["mx:mail.example.com/24", "exists:%{i}._spf.%{d}"] + (random.next() % 10 == 0 ? ["ptr:example.com"] : [])
      }
      if random.next() % 20 == 0 {
        terms.insert(mistakes[Int(random.next() % 10)], at: 1 + Int(random.next() % UInt64(terms.count)))
      }
      terms.append(endings[Int(random.next() % UInt64(endings.count))])
      records.append(TXTRecord(text: terms.joined(separator: " ")))
    }
    return records
  }
}
