import Foundation
import SPFKit

/// `spfkit-bench longrecord [MB]`: the release `spfkit lint -` on one record of MB megabytes (5 by
/// default) on one line, against MB megabytes of ordinary records, one per line (issue 10). Each run
/// writes its findings to a file; the figures are printed, never asserted. The target: a long record
/// costs at most about 3× per byte what ordinary records cost.
enum LongRecordBench {
  /// The long records: one term written over and over, `index` counting the terms.
  static let shapes: [(name: String, term: @Sendable (Int) -> String)] = [
    ("distinct ip4 hosts", { "ip4:" + publicAddress($0) }),
    (
      "nested ip4 (9 of 10 covered)",
      { $0 % 10 == 0 ? "ip4:\(block($0 / 10)).0/24" : "ip4:\(block($0 / 10)).\($0 % 10)" }
    ),
    ("distinct includes", { "include:_spf\($0).example.com" }),
    ("one include repeated", { _ in "include:_spf.example.com" }),
  ]

  static func run(megabytes: Int) {
    let size = megabytes * 1_000_000
    let spfkit = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
      .appendingPathComponent("spfkit").path
    guard FileManager.default.isExecutableFile(atPath: spfkit) else {
      return print("longrecord: no release binary at \(spfkit) ('make bench' builds it), skipped")
    }
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("spfkit-bench-long-\(getpid())")
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }

    let ordinary = ordinaryRecords(bytes: size)
    let baseline = lint(spfkit, ordinary.text, in: directory, label: "ordinary (\(grouped(ordinary.count)) records)")
    for shape in shapes {
      let record = longRecord(bytes: size, term: shape.term)
      let run = lint(
        spfkit, record.text, in: directory, label: "one record, \(shape.name) (\(grouped(record.count)) terms)")
      print(String(format: "longrecord:   %.2f× the CPU per byte of ordinary records", run / baseline))
    }
  }

  /// Lints `text` from standard input into a file; prints and returns CPU seconds per megabyte.
  static func lint(_ spfkit: String, _ text: String, in directory: URL, label: String) -> Double {
    let input = directory.appendingPathComponent("input.txt").path
    let output = directory.appendingPathComponent("findings.txt").path
    guard FileManager.default.createFile(atPath: input, contents: Data(text.utf8)) else {
      print("longrecord: \(label): cannot write \(input)")
      return 0
    }
    let run = TimedCommand.run(
      ["/bin/sh", "-c", "exec '\(spfkit)' lint - < '\(input)' > '\(output)'"], allowedStatuses: [0, 1])
    let megabytes = Double(text.utf8.count) / 1e6
    let findings = (try? String(contentsOfFile: output, encoding: .utf8))?.utf8.count ?? 0
    print(
      String(
        format: "longrecord: %@: %.1f MB in %.2f s wall, %.2f s CPU (%.3f s/MB), peak RSS %.1f MB, %.1f MB of findings",
        label, megabytes, run.seconds, run.cpuSeconds, run.cpuSeconds / megabytes, Double(run.peakKiB) / 1024,
        Double(findings) / 1e6))
    return run.cpuSeconds / megabytes
  }

  /// `v=spf1`, terms up to `bytes`, then `-all`, as one line.
  static func longRecord(bytes: Int, term: (Int) -> String) -> (text: String, count: Int) {
    var text = "v=spf1"
    var count = 0
    while text.utf8.count < bytes {
      text += " " + term(count)
      count += 1
    }
    return (text + " -all\n", count)
  }

  /// The lint bench's realistic records, one per line, up to `bytes`.
  static func ordinaryRecords(bytes: Int) -> (text: String, count: Int) {
    var text = ""
    var count = 0
    while text.utf8.count < bytes {
      for record in LintBench.makeCorpus(count: 10_000) where text.utf8.count < bytes {
        text += record.text + "\n"
        count += 1
      }
    }
    return (text, count)
  }

  /// A public IPv4 address for each index (from 20.0.0.0 upwards, distinct for 150 million indices).
  static func publicAddress(_ index: Int) -> String {
    "\(20 + index >> 24).\(index >> 16 & 255).\(index >> 8 & 255).\(index & 255)"
  }

  /// The first three octets of a public /24 for each index.
  static func block(_ index: Int) -> String { "\(20 + index >> 16).\(index >> 8 & 255).\(index & 255)" }
}
