import Foundation

/// Runs a program as a child process and measures it: wall time, and peak RSS from `wait4`.
struct ChildProcess {
  /// Wall-clock seconds from spawn to exit.
  var seconds: Double
  /// The child's peak resident set (`ru_maxrss`), in KiB.
  var peakKiB: Int
  /// Standard output, unless discarded.
  var stdout: String

  /// Runs `arguments` (the first is the program path); exits the bench if it cannot start or fails.
  static func run(_ arguments: [String], discardOutput: Bool = false) -> ChildProcess {
    let output =
      discardOutput
      ? "/dev/null"
      : FileManager.default.temporaryDirectory
        .appendingPathComponent("spfkit-bench-out-\(getpid()).txt").path
    defer { if !discardOutput { unlink(output) } }
    var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    let argv = arguments.map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    let start = monotonicSeconds()
    guard posix_spawn(&pid, arguments[0], &actions, nil, argv, environ) == 0 else {
      AggregateBench.fail("cannot run '\(arguments[0])'")
    }
    var status: Int32 = 0
    var usage = rusage()
    _ = wait4(pid, &status, 0, &usage)
    let seconds = monotonicSeconds() - start
    guard status == 0 else { AggregateBench.fail("'\(arguments.joined(separator: " "))' failed (status \(status))") }
    let text = discardOutput ? "" : (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
    return ChildProcess(seconds: seconds, peakKiB: Int(usage.ru_maxrss), stdout: text)
  }
}
