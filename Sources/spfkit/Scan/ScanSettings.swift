import Glibc
import SPFKit

/// The options of `spfkit scan`, checked.
struct ScanSettings {
  /// How results are written.
  enum Format: String {
    case jsonl
    case text
  }

  /// The domain list, `-` for standard input.
  let inputPath: String
  let concurrency: Int
  let outputPath: String?
  let resumes: Bool
  let shard: ScanShard?
  let queriesPerSecond: Double?
  let domainDeadline: Duration
  let format: Format
  let ordered: Bool
  let statistics: Bool

  /// The answer cache shared by every domain: 32,768 answers or 32 MiB (estimated). A scan asks
  /// about two or three new names per domain that no other domain asks about, so the cache is full
  /// after some 15,000 domains and memory stays flat from there; the CLOCK eviction keeps the names
  /// many domains share (provider includes). Transient failures are not kept, so a domain scanned
  /// after a SERVFAIL asks again.
  static let cacheBounds = CachingResolver.Bounds(
    entries: 32_768, bytes: 32 << 20, keepsTransientFailures: false)

  /// The reorder window of `--ordered`, in domains, as a multiple of the concurrency.
  static let reorderWindowFactor = 8

  init(_ arguments: ParsedArguments) throws(CLIError) {
    guard arguments.positionals.count <= 1 else {
      throw .usage("scan reads one list: give one <file>, or '-' for standard input")
    }
    inputPath = arguments.positionals.first ?? "-"
    concurrency =
      try ScanSettings.count(arguments.value("--concurrency"), "--concurrency", in: 1...10_000)
      ?? ScanCommand.defaultConcurrency
    outputPath = arguments.value("--output")
    resumes = arguments.has("--resume")
    if resumes, outputPath == nil { throw .usage("'--resume' needs '--output <file>'") }
    shard = try arguments.value("--shard").map { text throws(CLIError) in try ScanShard(parsing: text) }
    queriesPerSecond = try ScanSettings.count(arguments.value("--qps"), "--qps", in: 1...10_000_000).map(Double.init)
    domainDeadline = try DNSOptions.seconds(
      arguments.value("--domain-deadline"), option: "--domain-deadline", default: ScanCommand.defaultDomainDeadline)
    let formatName = arguments.value("--format") ?? "jsonl"
    guard let format = Format(rawValue: formatName) else {
      throw .usage("unknown format '\(formatName)' for '--format': use jsonl or text")
    }
    if format == .text, outputPath != nil { throw .usage("'--output' writes JSON Lines: drop '--format text'") }
    self.format = format
    ordered = arguments.has("--ordered")
    statistics = arguments.has("--statistics")
  }

  /// A whole number in `range` given to `option`, nil when not given.
  static func count(_ text: String?, _ option: String, in range: ClosedRange<Int>) throws(CLIError) -> Int? {
    guard let text else { return nil }
    guard let value = Int(text), range.contains(value) else {
      throw .usage(
        "invalid value '\(text)' for '\(option)': give a whole number from \(range.lowerBound) to \(range.upperBound)")
    }
    return value
  }

  /// The descriptor of the domain list (0 for standard input).
  func openInput() throws(CLIError) -> Int32 {
    guard inputPath != "-" else { return 0 }
    let descriptor = open(inputPath, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw .input("cannot read '\(inputPath)': \(SystemError.reason(errno))") }
    var info = stat()
    if fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
      close(descriptor)
      throw .input("cannot read '\(inputPath)': it is a directory")
    }
    return descriptor
  }

  /// Whether a listed name is scanned: in the shard, and not already in the output file.
  func admits(_ name: String, resume: ScanResume) -> Bool {
    (shard?.contains(name) ?? true) && !resume.contains(name)
  }
}
