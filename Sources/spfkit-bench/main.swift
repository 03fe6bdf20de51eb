// spfkit-bench: release benchmarks for `make bench`. Figures are printed, never asserted.
import SPFKit

let benchmarks: [(name: String, run: () async -> Void)] = [
  ("lint", { LintBench.run() }),
  ("parse", { LintBench.runParseOnly() }),
  ("aggregate", { AggregateBench.run(CommandLine.arguments.dropFirst(2)) }),
  (
    "zone",
    {
      // spfkit-bench zone [LINES]: the zone reader against named-checkzone.
      do {
        try ZoneBench.run(lines: CommandLine.arguments.dropFirst(2).first.flatMap { Int($0) } ?? 1_000_000)
      } catch {
        print("zone: \(error)")
      }
    }
  ),
  ("check", { await CheckBench.run() }),
  (
    "cli",
    {
      // spfkit-bench cli [ZONE-LINES]: the release CLI with output to files, beside pyspf and named-checkzone.
      do {
        try CLIBench.run(zoneLines: CommandLine.arguments.dropFirst(2).first.flatMap { Int($0) } ?? 1_000_000)
      } catch {
        print("cli: \(error)")
      }
    }
  ),
  ("scan", { await ScanBench.run() }),
  // spfkit-bench longrecord [MB]: one record of MB megabytes against MB megabytes of ordinary records.
  ("longrecord", { LongRecordBench.run(megabytes: CommandLine.arguments.dropFirst(2).first.flatMap { Int($0) } ?? 5) }),
]

/// Tools for profiling, run by name only (`all` leaves them out): fixed work to count instructions
/// of under callgrind, and the inputs the benchmarks use.
let profilingTools: [(name: String, run: () async -> Void)] = [
  // spfkit-bench lintonce [FILE]: one lint pass over the bulk corpus (or FILE's records, one a line), untimed.
  ("lintonce", { LintBench.runOnce(path: CommandLine.arguments.dropFirst(2).first) }),
  // spfkit-bench lintonce-memo [FILE]: the same pass through a LintMemo, as `spfkit lint -` runs it.
  ("lintonce-memo", { LintBench.runOnce(path: CommandLine.arguments.dropFirst(2).first, memo: true) }),
  // spfkit-bench corpus: the bulk corpus that `lint` and `cli` use, one record per line, to standard output.
  ("corpus", { LintBench.printCorpus() }),
  (
    "findingszone",
    {
      // spfkit-bench findingszone FILE [LINES]: writes the zone that `cli` lints (1,000,000 lines).
      let arguments = Array(CommandLine.arguments.dropFirst(2))
      let lines = arguments.count > 1 ? Int(arguments[1]) : 1_000_000
      guard let path = arguments.first, let lines, lines > 0 else {
        return print("usage: spfkit-bench findingszone FILE [LINES]  (LINES: a positive number, 1000000 by default)")
      }
      do {
        let summary = try FindingsZoneGenerator.write(to: path, lines: lines)
        print("findingszone: \(summary.lines) lines, \(summary.txt) TXT records, \(summary.bytes) bytes")
      } catch {
        print("findingszone: cannot write \(path): \(error.localizedDescription)")
      }
    }
  ),
  (
    "readzone",
    {
      // spfkit-bench readzone FILE [ORIGIN]: the zone reader alone, in-process, for profiling.
      let arguments = Array(CommandLine.arguments.dropFirst(2))
      guard let path = arguments.first else { return print("usage: spfkit-bench readzone FILE [ORIGIN]") }
      do {
        try ZoneBench.profileRead(path: path, origin: arguments.dropFirst().first ?? ZoneBench.origin)
      } catch {
        print("readzone: \(error)")
      }
    }
  ),
]

let requested = CommandLine.arguments.dropFirst().first ?? "all"
let selected =
  requested == "all" ? benchmarks : (benchmarks + profilingTools).filter { $0.name == requested }
if selected.isEmpty {
  print("usage: spfkit-bench [all|\((benchmarks + profilingTools).map(\.name).joined(separator: "|"))]")
} else {
  for benchmark in selected { await benchmark.run() }
}
