import Foundation
import SPFKit

/// `spfkit-bench aggregate [LINES]`: exact aggregation of a million IPv4 lines, against
/// `iprange --optimize` on the same file when it is installed.
///
/// Every step runs in its own child process, so each peak RSS is that step's own: `ru_maxrss` of
/// a spawned child starts at its parent's high-water mark (the kernel records the old address
/// space at `exec`), so the parent never holds the sample. `aggregate --write FILE LINES` writes
/// the sample; `aggregate --run FILE` reads, parses, aggregates and prints it to a buffer, timed
/// inside, with its `VmHWM`; `/usr/bin/iprange --optimize FILE` is timed by wall clock.
enum AggregateBench {
  static let defaultLines = 1_000_000
  static let seed: UInt64 = 0x5EED_2024
  static let iprange = "/usr/bin/iprange"

  static func run(_ arguments: ArraySlice<String>) {
    switch arguments.first {
    case "--write": write(arguments.dropFirst())
    case "--run": measure(arguments.dropFirst())
    default: compare(lines: arguments.first.flatMap { Int($0) } ?? defaultLines)
    }
  }

  /// The parent: write the sample in a child, then measure both contenders.
  static func compare(lines: Int) {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("spfkit-bench-\(getpid()).txt").path
    defer { unlink(path) }
    let me = CommandLine.arguments[0]
    print(ChildProcess.run([me, "aggregate", "--write", path, String(lines)]).stdout, terminator: "")
    let ours = ChildProcess.run([me, "aggregate", "--run", path])
    print(ours.stdout, terminator: "")
    print("aggregate: spfkit child wall \(format(ours.seconds)) s, peak RSS \(ours.peakKiB / 1024) MiB (wait4)")
    guard FileManager.default.isExecutableFile(atPath: iprange) else {
      print("aggregate: iprange not installed at \(iprange): no comparison")
      return
    }
    // Through `time -v`: `wait4` would report this bench's own high-water mark for a small child.
    let theirs = TimedCommand.run([iprange, "--optimize", path])
    let blocks = ChildProcess.run([iprange, "--optimize", path]).stdout.split(separator: "\n").count
    print(
      "aggregate: iprange --optimize \(grouped(blocks)) blocks, wall \(format(theirs.seconds)) s, "
        + "peak RSS \(theirs.peakKiB / 1024) MiB (\(theirs.source)); "
        + "spfkit/iprange wall \(format(ours.seconds / theirs.seconds))")
  }

  /// `--write FILE LINES`: the sample, written to FILE.
  static func write(_ arguments: ArraySlice<String>) {
    guard let path = arguments.first, let lines = arguments.dropFirst().first.flatMap({ Int($0) }) else {
      fail("aggregate --write needs FILE and LINES")
    }
    let text = AddressListSample.generate(lines: lines, seed: seed)
    guard FileManager.default.createFile(atPath: path, contents: Data(text)) else { fail("cannot write '\(path)'") }
    print("aggregate: \(grouped(lines)) IPv4 lines (\(grouped(text.count)) bytes) in \(path)")
  }

  /// `--run FILE`: read, parse, aggregate and print FILE, timed, with this process's peak RSS.
  static func measure(_ arguments: ArraySlice<String>) {
    guard let path = arguments.first else { fail("aggregate --run needs a FILE") }
    let start = monotonicSeconds()
    guard let bytes = readFile(path) else { fail("cannot read '\(path)'") }
    let read = monotonicSeconds()
    let aggregator: CIDRAggregator
    do {
      aggregator = try AddressListParser.parse(bytes)
    } catch {
      fail("\(path):\(error.line):\(error.column): \(error.message)")
    }
    let lines = aggregator.insertedCount
    let parsed = monotonicSeconds()
    let result = aggregator.aggregated()
    let aggregated = monotonicSeconds()
    let text = result.listText
    let printed = monotonicSeconds()
    let total = printed - start
    print(
      "aggregate: spfkit \(grouped(result.count)) blocks (\(grouped(text.count)) bytes) in \(format(total)) s = "
        + "\(grouped(Int(Double(lines) / total))) lines/s, peak RSS \(format(peakMemoryMiB())) MiB (VmHWM)")
    print(
      "aggregate: read \(format(read - start)) s, parse \(format(parsed - read)) s, "
        + "aggregate \(format(aggregated - parsed)) s, print \(format(printed - aggregated)) s")
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
      while count < size, let base = buffer.baseAddress {
        let got = read(descriptor, base + count, size - count)
        if got <= 0 {
          failed = got < 0
          break
        }
        count += got
      }
    }
    return failed ? nil : bytes
  }

  static func format(_ value: Double) -> String { String(format: "%.3f", value) }

  static func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("spfkit-bench: \(message)\n".utf8))
    exit(2)
  }
}
