import Foundation
import Glibc
import SPFKit

/// `spfkit-bench zone [LINES]`: writes a deterministic zone of LINES lines (1,000,000 by default)
/// to a temporary file, reads it with the streaming `ZoneReader`, then lints it with the release
/// `spfkit lint --zone` and loads it with `named-checkzone` when installed, and prints wall and CPU
/// seconds and peak RSS of each.
enum ZoneBench {
  static let origin = "bench.example."

  static func run(lines: Int) throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("spfkit-bench-\(getpid()).zone").path
    defer { unlink(path) }
    let generated = try ZoneBenchGenerator.write(to: path, lines: lines)
    report(
      "zone: generated \(generated.lines) lines, \(generated.bytes / 1_000_000) MB, \(generated.txt) TXT records"
        + " (\(generated.spf) SPF) at \(path)")

    let resetPeak = resetPeakRSS()
    let baseline = statusKiB("VmRSS:").map { String(format: "%.1f MB", Double($0) / 1024) } ?? "unknown"
    var counts = (txt: 0, spf: 0)
    let cpuBefore = cpuSeconds(RUSAGE_SELF.rawValue)
    let seconds = try wallSeconds {
      var reader = ZoneReader(
        source: ZoneSource(name: path, input: try BenchFileInput(path: path)), origin: try ZoneName(origin))
      while let record = try reader.next() {
        counts.txt += 1
        if record.txt.joined.starts(with: Array("v=spf1".utf8)) { counts.spf += 1 }
      }
    }
    let cpu = cpuSeconds(RUSAGE_SELF.rawValue) - cpuBefore
    let peak = statusKiB("VmHWM:").map { String(format: "%.1f MB", Double($0) / 1024) } ?? "unknown"
    report(
      String(
        format:
          "zone: spfkit ZoneReader: %.3f s wall (%.3f s CPU), %.0f lines/s, peak RSS %@%@ (%@ before), %d TXT (%d SPF)",
        seconds, cpu, Double(generated.lines) / seconds, peak, resetPeak ? "" : " (includes generation)", baseline,
        counts.txt, counts.spf))
    guard counts.txt == generated.txt, counts.spf == generated.spf else {
      report("zone: MISMATCH: the generator wrote \(generated.txt) TXT (\(generated.spf) SPF) records")
      exit(1)
    }
    try checkzone(path: path, reader: (seconds, cpu))
  }

  /// Runs `named-checkzone` and the release `spfkit lint --zone` on the same file, each measured
  /// on its own (`TimedCommand`), and compares them: the target is at most half of
  /// named-checkzone's wall time and a fifth of its peak RSS.
  static func checkzone(path: String, reader: (wall: Double, cpu: Double)) throws {
    let tool = "/usr/bin/named-checkzone"
    let spfkit = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
      .appendingPathComponent("spfkit").path
    var lint: TimedCommand?
    if FileManager.default.isExecutableFile(atPath: spfkit) {
      // Exit 1: the zone has findings (a few owners publish two SPF records).
      let run = TimedCommand.run([spfkit, "lint", "--zone", path], allowedStatuses: [0, 1])
      lint = run
      report(
        String(
          format: "zone: spfkit lint --zone: %.3f s wall (%.3f s CPU), peak RSS %.1f MB (%@), exit %d",
          run.seconds, run.cpuSeconds, Double(run.peakKiB) / 1024, run.source, run.status))
    } else {
      report("zone: spfkit lint --zone: no release binary at \(spfkit) ('make bench' builds it), skipped")
    }
    guard FileManager.default.isExecutableFile(atPath: tool) else {
      report("zone: named-checkzone: not installed at \(tool), skipped")
      return
    }
    let named = TimedCommand.run([tool, origin, path])
    report(
      String(
        format: "zone: named-checkzone: %.3f s wall (%.3f s CPU), peak RSS %.1f MB (%@), exit %d", named.seconds,
        named.cpuSeconds, Double(named.peakKiB) / 1024, named.source, named.status))
    report(
      String(
        format: "zone: the reader takes %.1f%% of named-checkzone's wall time, %.1f%% of its CPU time",
        reader.wall / named.seconds * 100, reader.cpu / named.cpuSeconds * 100))
    if let lint {
      report(
        String(
          format: "zone: spfkit lint --zone takes %.1f%% of named-checkzone's wall time (target 50%%) "
            + "and %.1f%% of its peak RSS (target 20%%)",
          lint.seconds / named.seconds * 100, Double(lint.peakKiB) / Double(named.peakKiB) * 100))
    }
  }

  /// Wall-clock seconds `body` takes.
  static func wallSeconds(_ body: () throws -> Void) rethrows -> Double {
    let elapsed = try ContinuousClock().measure(body)
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
  }

  /// User plus system CPU seconds of `who` (`RUSAGE_SELF` or `RUSAGE_CHILDREN`).
  static func cpuSeconds(_ who: Int32) -> Double {
    var usage = rusage()
    getrusage(who, &usage)
    let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
    return user + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
  }

  /// `spfkit-bench readzone FILE [ORIGIN]`: the reader alone over an existing zone, in-process, for
  /// profiling: whole records (as the lint workers read) and owner keys only (as the first pass
  /// reads), each timed on one core. A profile, not a result: `cli` times the command users run.
  static func profileRead(path: String, origin: String) throws {
    for keysOnly in [false, true] {
      var reader = ZoneReader(
        source: ZoneSource(name: path, input: try BenchFileInput(path: path)), origin: try ZoneName(origin))
      var records = 0
      let cpuBefore = cpuSeconds(RUSAGE_SELF.rawValue)
      let seconds = try wallSeconds {
        if keysOnly {
          while try reader.nextOwnerKey() != nil { records += 1 }
        } else {
          while try reader.next() != nil { records += 1 }
        }
      }
      let cpu = cpuSeconds(RUSAGE_SELF.rawValue) - cpuBefore
      report(
        String(
          format: "readzone: %@: %d TXT records in %.3f s wall (%.3f s CPU)", keysOnly ? "owner keys" : "records",
          records, seconds, cpu))
    }
  }

  /// Prints a line at once, even into a pipe.
  static func report(_ line: String) {
    print(line)
    fflush(nil)
  }

  /// Resets `VmHWM` so the peak covers the read only (Linux 4.0 and later).
  static func resetPeakRSS() -> Bool {
    guard let file = fopen("/proc/self/clear_refs", "w") else { return false }
    defer { fclose(file) }
    return fputs("5", file) >= 0
  }

  /// A `/proc/self/status` field in KiB: `VmHWM:` (peak RSS) or `VmRSS:`.
  static func statusKiB(_ field: String) -> Int? {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
    for line in status.split(separator: "\n") where line.hasPrefix(field) {
      return Int(line.dropFirst(field.count).split(whereSeparator: { $0 == " " || $0 == "\t" }).first ?? "")
    }
    return nil
  }
}

/// Zone bytes read with `read(2)` in 64 KiB chunks; the bench cannot import the CLI's `ZoneFileInput`.
private struct BenchFileInput: ZoneInput {
  private let descriptor: Int32

  init(path: String) throws {
    descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
  }

  mutating func nextChunk() throws -> [UInt8]? {
    let descriptor = self.descriptor
    var failed = false
    let chunk = [UInt8](unsafeUninitializedCapacity: 65_536) { buffer, count in
      let result = read(descriptor, buffer.baseAddress, buffer.count)
      failed = result < 0
      count = max(0, result)
    }
    if failed { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    if chunk.isEmpty { close(descriptor) }
    return chunk.isEmpty ? nil : chunk
  }
}
