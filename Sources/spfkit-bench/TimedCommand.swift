import Foundation

/// A command measured on its own: wall time from spawn to exit, and CPU time, peak RSS and exit
/// status from `/usr/bin/time -v` when installed (its child's figures are that child's alone), else
/// from `wait4` (then the peak starts at the bench's own, see `ChildProcess`).
struct TimedCommand {
  static let time = "/usr/bin/time"

  var seconds: Double
  var cpuSeconds: Double
  var peakKiB: Int
  var status: Int32
  /// What measured the peak: `time -v` or `wait4`.
  var source: String

  /// Runs `arguments` with standard output discarded; exit statuses in `allowedStatuses` are fine.
  static func run(_ arguments: [String], allowedStatuses: Set<Int32> = [0]) -> TimedCommand {
    guard FileManager.default.isExecutableFile(atPath: time) else {
      let child = ChildProcess.run(arguments, discardOutput: true, allowedStatuses: allowedStatuses)
      return TimedCommand(
        seconds: child.seconds, cpuSeconds: child.cpuSeconds, peakKiB: child.peakKiB, status: child.status,
        source: "wait4")
    }
    let report = FileManager.default.temporaryDirectory.appendingPathComponent("spfkit-bench-time-\(getpid()).txt")
    defer { unlink(report.path) }
    // time exits with its child's status.
    let child = ChildProcess.run(
      [time, "-v", "-o", report.path] + arguments, discardOutput: true, allowedStatuses: allowedStatuses)
    let text = (try? String(contentsOf: report, encoding: .utf8)) ?? ""
    func value(_ label: String) -> Double? {
      text.split(separator: "\n").first { $0.contains(label) }.flatMap { line in
        line.split(separator: ":").last.flatMap { Double($0.trimmingCharacters(in: .whitespaces)) }
      }
    }
    let cpu = (value("User time (seconds)") ?? 0) + (value("System time (seconds)") ?? 0)
    return TimedCommand(
      seconds: child.seconds, cpuSeconds: cpu, peakKiB: Int(value("Maximum resident set size (kbytes)") ?? 0),
      status: child.status, source: "time -v")
  }
}
