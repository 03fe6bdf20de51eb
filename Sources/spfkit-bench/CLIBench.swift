import Foundation
import Glibc
import SPFKit

/// `spfkit-bench cli`: the release `spfkit` run as users run it — a child process, output to a
/// file — beside the anchor tools in the same run: pyspf for bulk lint of 100,000 records, and
/// `named-checkzone` for `lint --zone` of a million-line zone where most TXT records have findings.
/// A missing anchor is skipped and said so. Prints wall time, records/s, peak RSS and output size of
/// each run, and each target met or missed (issue 11); never fails on a missed target.
enum CLIBench {
  /// The release `spfkit` beside this bench.
  static let spfkit = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    .appendingPathComponent("spfkit").path
  /// The pyspf anchor script, in the package's `bench/` folder.
  static let pyspfScript = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("bench/pyspf-validate.py").path
  static let formats = ["text", "json"]

  static func run(zoneLines: Int) throws {
    guard FileManager.default.isExecutableFile(atPath: spfkit) else {
      return ZoneBench.report("cli: no release spfkit at \(spfkit) ('make bench' builds it), skipped")
    }
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("spfkit-bench-cli-\(getpid())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    try bulk(in: directory.path)
    try zone(in: directory.path, lines: zoneLines)
  }

  /// `spfkit lint - < records > out` in text and json against pyspf's offline validation.
  static func bulk(in directory: String) throws {
    let input = directory + "/records.txt"
    let corpus = LintBench.makeCorpus(count: LintBench.corpusSize)
    try Data(corpus.map { String(decoding: $0.joined, as: UTF8.self) + "\n" }.joined().utf8)
      .write(to: URL(fileURLWithPath: input))
    let anchor = pyspf(input, records: corpus.count)
    for format in formats {
      let output = directory + "/bulk.\(format)"
      let run = measured("lint --format \(format) - < records.txt", records: corpus.count, output: output) {
        shell("exec \"$0\" lint --format \(format) - < \"$1\" > \"$2\"", spfkit, input, output)
      }
      if let anchor {
        target("bulk \(format): records/s vs pyspf", run.rate / anchor.rate, atLeast: 20)
      }
    }
  }

  /// `spfkit lint --zone zone > out` in text and json against `named-checkzone` on the same zone.
  static func zone(in directory: String, lines: Int) throws {
    let path = directory + "/bench.example.zone"
    let generated = try FindingsZoneGenerator.write(to: path, lines: lines)
    ZoneBench.report(
      "cli: zone of \(grouped(generated.lines)) lines, \(generated.bytes / 1_000_000) MB, "
        + "\(grouped(generated.txt)) TXT records")
    let named = "/usr/bin/named-checkzone"
    var anchor: Measurement?
    if FileManager.default.isExecutableFile(atPath: named) {
      anchor = measured("named-checkzone", records: generated.txt, output: nil) {
        TimedCommand.run([named, ZoneBench.origin, path])
      }
    } else {
      ZoneBench.report("cli: named-checkzone not installed at \(named): zone targets skipped")
    }
    for format in formats {
      let output = directory + "/zone.\(format)"
      let run = measured("lint --zone --format \(format)", records: generated.txt, output: output) {
        shell("exec \"$0\" lint --format \(format) --zone \"$1\" > \"$2\"", spfkit, path, output)
      }
      if let anchor {
        target("zone \(format): wall time vs named-checkzone", run.seconds / anchor.seconds, atMost: 0.5)
        target("zone \(format): peak RSS vs named-checkzone", run.peakMB / anchor.peakMB, atMost: 0.2)
      }
      if format == "json" { target("zone json: peak RSS in MB", run.peakMB, atMost: 70) }
    }
  }

  /// pyspf's figures, or nil (said so) when python3 or pyspf is missing.
  static func pyspf(_ input: String, records: Int) -> Measurement? {
    let check = ChildProcess.run(
      ["/bin/sh", "-c", "python3 -c 'import spf' 2>/dev/null"], allowedStatuses: [0, 1, 127])
    guard check.status == 0 else {
      ZoneBench.report("cli: pyspf is not installed ('pip install pyspf'): bulk targets skipped")
      return nil
    }
    return measured("pyspf offline validation", records: records, output: nil) {
      shell("exec python3 \"$0\" \"$1\"", pyspfScript, input)
    }
  }

  /// A run's figures.
  struct Measurement {
    var seconds: Double
    var peakMB: Double
    var rate: Double
  }

  /// Runs `body`, prints its figures and returns them.
  static func measured(_ label: String, records: Int, output: String?, _ body: () -> TimedCommand) -> Measurement {
    let run = body()
    let size = output.flatMap { try? FileManager.default.attributesOfItem(atPath: $0)[.size] as? Int }
    let peak = Double(run.peakKiB) / 1024
    let rate = Double(records) / run.seconds
    ZoneBench.report(
      String(
        format: "cli: %@: %.3f s wall (%.3f s CPU), %@ records/s, peak RSS %.1f MB (%@), exit %d%@", label,
        run.seconds, run.cpuSeconds, grouped(Int(rate)), peak, run.source, run.status,
        size.map { String(format: ", %.1f MB of output", Double($0) / 1_000_000) } ?? ""))
    return Measurement(seconds: run.seconds, peakMB: peak, rate: rate)
  }

  /// Runs a shell command with `arguments` as `$0`, `$1`, …: the redirections to and from files.
  /// Exit 1 is fine (findings).
  static func shell(_ command: String, _ arguments: String...) -> TimedCommand {
    TimedCommand.run(["/bin/sh", "-c", command] + arguments, allowedStatuses: [0, 1])
  }

  static func target(_ what: String, _ value: Double, atLeast bound: Double) {
    ZoneBench.report(
      String(format: "cli: target %@: %.2f (at least %.2f): %@", what, value, bound, verdict(value >= bound)))
  }

  static func target(_ what: String, _ value: Double, atMost bound: Double) {
    ZoneBench.report(
      String(format: "cli: target %@: %.2f (at most %.2f): %@", what, value, bound, verdict(value <= bound)))
  }

  private static func verdict(_ met: Bool) -> String { met ? "met" : "MISSED" }
}
