import Foundation

/// Runs a program as a child process and measures it: wall time, CPU time and peak RSS from `wait4`.
///
/// `ru_maxrss` of a spawned child starts at its parent's high-water mark (the kernel records the
/// old address space at `exec`), so a child of a large parent looks at least as large: spawn
/// through `/usr/bin/time` (`TimedCommand`) to measure a child on its own.
struct ChildProcess {
  /// Wall-clock seconds from spawn to exit.
  var seconds: Double
  /// User plus system CPU seconds of the child.
  var cpuSeconds: Double
  /// The child's peak resident set (`ru_maxrss`), in KiB.
  var peakKiB: Int
  /// The child's exit status.
  var status: Int32
  /// Standard output, unless discarded.
  var stdout: String

  /// Runs `arguments` (the first is the program path); exits the bench if it cannot start, or if it
  /// ends other than by exiting with one of `allowedStatuses`.
  static func run(_ arguments: [String], discardOutput: Bool = false, allowedStatuses: Set<Int32> = [0])
    -> ChildProcess
  {
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
    // A normal exit has the low seven bits clear and the code in the next byte.
    guard status & 0x7F == 0, allowedStatuses.contains((status >> 8) & 0xFF) else {
      AggregateBench.fail("'\(arguments.joined(separator: " "))' failed (wait status \(status))")
    }
    let text = discardOutput ? "" : (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
    let cpu =
      Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6 + Double(usage.ru_stime.tv_sec)
      + Double(usage.ru_stime.tv_usec) / 1e6
    return ChildProcess(
      seconds: seconds, cpuSeconds: cpu, peakKiB: Int(usage.ru_maxrss), status: (status >> 8) & 0xFF, stdout: text)
  }
}
