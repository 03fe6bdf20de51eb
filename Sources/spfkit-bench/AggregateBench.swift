import Foundation
import SPFKit

/// `spfkit-bench aggregate [LINES]`: exact aggregation of a million IPv4 lines, against
/// `iprange --optimize` on the same file when it is installed.
///
/// The parent writes the input to a temporary file, then runs each contender as a child process so
/// that each peak RSS is its own: `spfkit-bench aggregate-run FILE` (read + parse + aggregate +
/// print to a buffer, timed inside) and `/usr/bin/iprange --optimize FILE` (timed wall clock).
enum AggregateBench {
  static let defaultLines = 1_000_000
  static let iprange = "/usr/bin/iprange"

  /// The parent: generate (in a child, so this process stays small), then measure both contenders.
  ///
  /// `ru_maxrss` of a spawned child starts at its parent's high-water mark (the kernel records the
  /// old address space at `exec`), so the parent never holds the sample itself.
  static func run(_ arguments: ArraySlice<String>) {
    let lines = arguments.first.flatMap { Int($0) } ?? defaultLines
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("spfkit-bench-\(getpid()).txt").path
    defer { unlink(path) }
    let written = ChildProcess.run([CommandLine.arguments[0], "aggregate-write", path, String(lines)])
    print(written.stdout, terminator: "")
    let ours = ChildProcess.run([CommandLine.arguments[0], "aggregate-run", path])
    print(ours.stdout, terminator: "")
    print("  spfkit  child wall \(format(ours.seconds)) s, peak RSS \(ours.peakKiB / 1024) MiB (wait4)")
    guard FileManager.default.isExecutableFile(atPath: iprange) else {
      print("  iprange not installed at \(iprange): no comparison")
      return
    }
    let theirs = ChildProcess.run([iprange, "--optimize", path], discardOutput: true)
    let blocks = ChildProcess.run([iprange, "--optimize", path]).stdout.split(separator: "\n").count
    print(
      "  iprange --optimize: \(blocks) blocks, wall \(format(theirs.seconds)) s, "
        + "peak RSS \(theirs.peakKiB / 1024) MiB (wait4)")
    print("  ratio spfkit/iprange (wall): \(format(ours.seconds / theirs.seconds))")
  }

  /// The writer child: `aggregate-write FILE LINES`.
  static func write(_ arguments: ArraySlice<String>) {
    guard let path = arguments.first, let lines = arguments.dropFirst().first.flatMap({ Int($0) }) else {
      fail("aggregate-write needs FILE and LINES")
    }
    let text = AddressListSample.generate(lines: lines, seed: 0x5EED_2024)
    guard FileManager.default.createFile(atPath: path, contents: Data(text)) else { fail("cannot write '\(path)'") }
    print("aggregate: \(lines) IPv4 lines, \(text.count) bytes in \(path)")
  }

  /// The child: read, parse, aggregate and print one file, timed, with this process's peak RSS.
  static func measure(_ arguments: ArraySlice<String>) {
    guard let path = arguments.first else { fail("aggregate-run needs a FILE") }
    let start = ContinuousClock.now
    guard let bytes = readFile(path) else { fail("cannot read '\(path)'") }
    let read = ContinuousClock.now
    let aggregator: CIDRAggregator
    do {
      aggregator = try AddressListParser.parse(bytes)
    } catch {
      fail("\(path):\(error.line):\(error.column): \(error.message)")
    }
    let lines = aggregator.insertedCount
    let parsed = ContinuousClock.now
    let result = aggregator.aggregated()
    let aggregated = ContinuousClock.now
    let text = result.listText
    let printed = ContinuousClock.now
    let total = seconds(printed - start)
    print(
      "  spfkit  \(result.count) blocks (\(text.count) bytes) in \(format(total)) s, "
        + "\(Int(Double(lines) / total)) lines/s, peak RSS \(peakRSS()) (VmHWM)")
    print(
      "          read \(format(seconds(read - start))) s, parse \(format(seconds(parsed - read))) s, "
        + "aggregate \(format(seconds(aggregated - parsed))) s, print \(format(seconds(printed - aggregated))) s")
  }

  /// The file's bytes, read straight into one array (no `Data` copy: half the peak memory).
  static func readFile(_ path: String) -> [UInt8]? {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { return nil }
    let size = Int(info.st_size)
    var failed = false
    let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
      while count < size {
        let got = read(descriptor, buffer.baseAddress! + count, size - count)
        if got <= 0 {
          failed = got < 0
          break
        }
        count += got
      }
    }
    return failed ? nil : bytes
  }

  static func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
  }

  static func format(_ value: Double) -> String { String(format: "%.3f", value) }

  /// `VmHWM` from `/proc/self/status`.
  static func peakRSS() -> String {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return "unknown" }
    let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }
    return line.map { $0.dropFirst(6).trimmingCharacters(in: .whitespaces) } ?? "unknown"
  }

  static func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("spfkit-bench: \(message)\n".utf8))
    exit(2)
  }
}
