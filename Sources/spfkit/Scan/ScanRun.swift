import Glibc
import SPFKit

/// One scan: reads the list, keeps up to `concurrency` domains in flight, and writes each result as
/// it finishes (or in input order with `--ordered`).
struct ScanRun {
  let settings: ScanSettings
  let scanner: DomainScanner
  let resume: ScanResume
  let console: Console
  private var output: ScanOutput?
  private var textReporter: TextReporter?
  private var statistics = ScanStatistics()
  private var progress: ScanProgress?
  private var done = 0
  private var dnsErrors = 0
  private var skipped = 0
  private var inputErrors = 0
  private var errorDomains = 0
  /// `--ordered`: finished results waiting for an earlier one, by sequence.
  private var waiting: [Int: ScanRecord] = [:]
  private var nextToWrite = 0

  init(settings: ScanSettings, scanner: DomainScanner, resume: ScanResume, console: Console) {
    self.settings = settings
    self.scanner = scanner
    self.resume = resume
    self.console = console
  }

  /// Opens the destination; a file that already holds results needs `--resume`.
  mutating func prepareOutput() throws(CLIError) {
    if settings.format == .text {
      textReporter = TextReporter(
        out: console.output, color: console.colorsOutput, options: ReportOptions(threshold: .warning))
    } else if let path = settings.outputPath {
      var info = stat()
      if !settings.resumes, stat(path, &info) == 0, info.st_size > 0 {
        throw .input("'\(path)' is not empty: give '--resume' to continue that scan, or remove the file")
      }
      output = try ScanOutput(appendingTo: path)
    } else {
      output = ScanOutput()
    }
    let (path, settings, resume) = (settings.inputPath, settings, resume)
    progress = ScanProgress.onTerminal { path == "-" ? nil : ScanRun.count(path, settings, resume) }
  }

  /// Scans every admitted domain of `list`.
  mutating func scan(_ list: DomainList) async {
    var list = list
    let scanner = scanner
    let window = settings.ordered ? settings.concurrency * ScanSettings.reorderWindowFactor : Int.max
    await withTaskGroup(of: ScanRecord.self) { group in
      var inFlight = 0
      var sequence = 0
      while true {
        while inFlight < settings.concurrency, sequence - nextToWrite < window, let name = nextName(&list) {
          let position = sequence
          group.addTask { await scanner.scan(name, sequence: position) }
          inFlight += 1
          sequence += 1
        }
        guard inFlight > 0, let record = await group.next() else { break }
        inFlight -= 1
        finished(record)
      }
    }
    output?.flush()
  }

  /// The next name to scan; lines that are no name are reported and skipped.
  private mutating func nextName(_ list: inout DomainList) -> String? {
    while let line = list.next() {
      switch line.name {
      case .failure(let error):
        inputErrors += 1
        console.error("\(InputFile.displayName(settings.inputPath)):\(line.number):1: error: \(error.description)")
      case .success(let name):
        guard settings.admits(name, resume: resume) else {
          if settings.shard?.contains(name) ?? true { skipped += 1 }
          continue
        }
        return name
      }
    }
    return nil
  }

  private mutating func finished(_ record: ScanRecord) {
    done += 1
    if record.status == .dnsError { dnsErrors += 1 }
    if record.hasError { errorDomains += 1 }
    statistics.add(record)
    progress?.update(done: done, errors: dnsErrors)
    guard settings.ordered else { return write(record) }
    waiting[record.sequence] = record
    while let next = waiting.removeValue(forKey: nextToWrite) {
      write(next)
      nextToWrite += 1
    }
  }

  private func write(_ record: ScanRecord) {
    if let output { return output.append { ScanRecordWriter.append(record, to: &$0) } }
    guard let textReporter else { return }
    if let input = record.input, record.status != .noSPF {
      textReporter.report(LintResult(input: input, diagnostics: record.diagnostics))
    }
    if let reason = record.reason { console.line("\(record.domain): \(record.status.rawValue): \(reason)") }
  }

  /// Ends the scan: progress cleared, statistics printed; the exit code.
  mutating func finish(cache: ScanCacheFigures) -> ExitCode {
    output?.flush()
    console.flushOutput()
    progress?.finish()
    if settings.statistics {
      for line in statistics.lines(inputErrors: inputErrors, skipped: skipped) { console.error(line) }
      console.error(cache.line)
    }
    if let failure = output?.failure {
      console.error("error: \(failure)")
      return .usageError
    }
    if inputErrors > 0 { return .usageError }
    return errorDomains > 0 ? .findings : .success
  }

  /// How many domains of the file at `path` will be scanned, for the progress line.
  static func count(_ path: String, _ settings: ScanSettings, _ resume: ScanResume) -> Int? {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var total = 0
    for line in DomainList(descriptor: descriptor) {
      if case .success(let name) = line.name, settings.admits(name, resume: resume) { total += 1 }
    }
    return total
  }
}
