import SPFKit

/// Lint throughput over a deterministic corpus of realistic records, about 5 % of them broken.
enum LintBench {
  static let corpusSize = 100_000

  static func run() {
    let corpus = makeCorpus(count: corpusSize)
    let linter = Linter()
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
    let parseRate = measure(corpus) { _ = SPFParser.parse($0.joined).record.terms.count }
    print("parse: \(grouped(Int(parseRate))) records/s (parser alone)")
    print("lint: \(grouped(corpus.count)) records (\(grouped(bytes)) bytes, \(grouped(findings / (linted / corpus.count))) findings per pass)")
    print("lint: \(grouped(linted)) records in \(String(format2(elapsed))) s on one core = \(grouped(Int(perSecond))) records/s, peak RSS \(String(format2(peakMemoryMiB()))) MiB")
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
    let providers = ["_spf.google.com", "spf.protection.outlook.com", "sendgrid.net", "mailgun.org",
                     "_spf.salesforce.com", "servers.mcsv.net", "amazonses.com", "spf.mandrillapp.com",
                     "_spf.mlsend.com", "mail.zendesk.com"]
    let mistakes = ["ipv4:192.0.2.1", "ip4:192.0.2.01", "ip4:198.51.100.0/33", "!all", "include:", "a:mail..example.com",
                    "exists:%{c}.example.com", "redirct=_spf.example.com", "ip6:2001:db8::/129", "~~all"]
    let endings = ["-all", "~all", "~all", "-all", "?all", "redirect=_spf.example.net"]
    var records: [TXTRecord] = []
    records.reserveCapacity(count)
    for _ in 0..<count {
      var terms = ["v=spf1"]
      switch random.next() % 5 {
      case 0:
        terms += (0..<(1 + Int(random.next() % 3))).map { _ in "include:" + providers[Int(random.next() % 10)] }
      case 1:
        terms += (0..<(2 + Int(random.next() % 10))).map { _ in
          "ip4:\(random.next() % 223 + 1).\(random.next() % 256).\(random.next() % 256).\(random.next() % 256)"
            + (random.next() % 3 == 0 ? "/\(24 + random.next() % 8)" : "")
        }
      case 2:
        terms += ["a", "mx", "include:" + providers[Int(random.next() % 10)]]
      case 3:
        terms += ["ip6:2a00:1450:\(String(random.next() % 0xFFFF, radix: 16))::/48", "ip4:64.233.160.0/19",
                  "include:" + providers[Int(random.next() % 10)]]
      default:
        terms += ["mx:mail.example.com/24", "exists:%{i}._spf.%{d}", "ptr:example.com"]
      }
      if random.next() % 20 == 0 { terms.insert(mistakes[Int(random.next() % 10)], at: 1 + Int(random.next() % UInt64(terms.count))) }
      terms.append(endings[Int(random.next() % UInt64(endings.count))])
      records.append(TXTRecord(text: terms.joined(separator: " ")))
    }
    return records
  }
}
