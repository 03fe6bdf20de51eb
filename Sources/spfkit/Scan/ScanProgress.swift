import Glibc
import SPFKit

/// The progress line on standard error, only when it is a terminal: domains done of the total, rate,
/// DNS errors and the time left, redrawn at most 4 times a second and cleared at the end.
final class ScanProgress {
  private let total: Int?
  private let start = ContinuousClock.now
  private var lastDraw = ContinuousClock.now
  private var drawn = false

  static let interval = Duration.milliseconds(250)

  /// A progress line when standard error is a terminal, else nil; `total` is the number of domains
  /// to scan when known (a file), nil for standard input.
  static func onTerminal(total: () -> Int?) -> ScanProgress? {
    isatty(2) != 0 ? ScanProgress(total: total()) : nil
  }

  private init(total: Int?) { self.total = total }

  /// Redraws the line when it is due.
  func update(done: Int, errors: Int) {
    let now = ContinuousClock.now
    guard now - lastDraw >= ScanProgress.interval else { return }
    lastDraw = now
    let seconds = max(
      0.001, Double((now - start).components.seconds) + Double((now - start).components.attoseconds) / 1e18)
    let rate = Double(done) / seconds
    var line = "\u{1B}[2K\r\(done)"
    if let total {
      line += "/\(total) domains"
      if rate > 0, total >= done { line += ", ETA \(ScanProgress.clock(Double(total - done) / rate))" }
    } else {
      line += " domains"
    }
    line += ", \(Int(rate.rounded()))/s, \(errors) DNS error\(errors == 1 ? "" : "s")"
    draw(line)
    drawn = true
  }

  /// Clears the line.
  func finish() { if drawn { draw("\u{1B}[2K\r") } }

  private func draw(_ text: String) {
    var bytes = Array(text.utf8)
    _ = bytes.withUnsafeMutableBytes { write(2, $0.baseAddress, $0.count) }
  }

  /// `1:02:03` or `2:03`.
  static func clock(_ seconds: Double) -> String {
    let whole = Int(seconds.rounded(.up))
    let (hours, minutes, rest) = (whole / 3600, whole / 60 % 60, whole % 60)
    let tail = (rest < 10 ? "0" : "") + "\(rest)"
    return hours > 0 ? "\(hours):\(minutes < 10 ? "0" : "")\(minutes):\(tail)" : "\(minutes):\(tail)"
  }
}

/// `--statistics`: domains by status and findings by code, printed on standard error at the end.
struct ScanStatistics {
  private var statuses: [ScanRecord.Status: Int] = [:]
  private var codes: [String: (slug: String, count: Int)] = [:]

  mutating func add(_ record: ScanRecord) {
    statuses[record.status, default: 0] += 1
    for diagnostic in record.diagnostics {
      codes[diagnostic.code, default: (diagnostic.slug, 0)].count += 1
    }
  }

  /// `statistics: 3 domains: 1 ok, 1 findings, ...` then one line per code that occurred, by code.
  func lines(inputErrors: Int, skipped: Int) -> [String] {
    let total = statuses.values.reduce(0, +)
    let byStatus = ScanRecord.Status.allCases.map { "\(statuses[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", ")
    var lines = ["statistics: \(total) domain\(total == 1 ? "" : "s") scanned: \(byStatus)"]
    if skipped > 0 { lines.append("statistics: \(skipped) already in the output file (--resume)") }
    if inputErrors > 0 {
      lines.append("statistics: \(inputErrors) line\(inputErrors == 1 ? "" : "s") not a domain name")
    }
    for (code, entry) in codes.sorted(by: { $0.key < $1.key }) {
      lines.append("statistics: \(code) \(entry.slug): \(entry.count)")
    }
    return lines
  }
}

/// What the shared answer cache did, for `--statistics`.
struct ScanCacheFigures {
  let queriesSent: Int
  let questionsAsked: Int
  let evictions: Int

  init(_ cache: CachingResolver) async {
    queriesSent = await cache.queriesSent
    questionsAsked = await cache.questionsAsked
    evictions = await cache.evictions
  }

  /// `statistics: 40050 DNS queries sent, 19950 answered from the shared cache, 0 evicted`.
  var line: String {
    "statistics: \(queriesSent) DNS queries sent, \(questionsAsked - queriesSent) answered from the shared cache, "
      + "\(evictions) evicted"
  }
}
