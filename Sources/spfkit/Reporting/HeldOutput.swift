import Glibc

/// Output a lint pipeline holds while it is not yet known whether it stands (`LintPipeline.hold()`):
/// finished chunks in memory up to `memoryLimit` bytes, then their rendered bytes in an unnamed
/// temporary file (`tmpfile(3)`, gone when closed or at exit), so that holding costs little
/// memory however long it lasts. When the file cannot be created or written, chunks stay in memory.
struct HeldOutput {
  /// Rendered bytes kept in memory before chunks go to the file.
  let memoryLimit: Int

  private enum Entry {
    case chunk(LintPipeline.Chunk)
    /// A chunk of rendered bytes only, in the file: its counts and the length of each segment.
    case spilled(LintSummary, [Int])
  }

  private var entries: [Entry] = []
  private var file: UnsafeMutablePointer<FILE>?
  private var fileFailed = false
  /// Bytes of output held in memory (a result without a renderer counts as 512).
  private(set) var memoryBytes = 0
  /// Bytes of output held in the file.
  private(set) var fileBytes = 0

  var isEmpty: Bool { entries.isEmpty }

  /// A store that keeps `memoryLimit` bytes in memory (2 MB by default) before using a file.
  init(memoryLimit: Int = 2_000_000) { self.memoryLimit = memoryLimit }

  /// Holds a chunk.
  mutating func add(_ chunk: LintPipeline.Chunk) {
    var size = 0
    var renderedOnly = true
    var lengths: [Int] = []
    for segment in chunk.segments {
      switch segment {
      case .rendered(let bytes):
        size += bytes.count
        lengths.append(bytes.count)
      case .result:
        size += 512
        renderedOnly = false
      case .inputError: renderedOnly = false
      }
    }
    if memoryBytes + size > memoryLimit, renderedOnly, spill(chunk) {
      entries.append(.spilled(chunk.summary, lengths))
      fileBytes += size
    } else {
      entries.append(.chunk(chunk))
      memoryBytes += size
    }
  }

  /// Writes a chunk's rendered bytes to the file; false (and no more spilling) when that fails.
  private mutating func spill(_ chunk: LintPipeline.Chunk) -> Bool {
    guard !fileFailed else { return false }
    if file == nil { file = tmpfile() }
    guard let file else {
      fileFailed = true
      return false
    }
    for case .rendered(let bytes) in chunk.segments {
      let written = bytes.withBytes { fwrite($0.baseAddress, 1, $0.count, file) }
      // A short write leaves bytes no entry counts, after every entry that is read back.
      guard written == bytes.count else {
        fileFailed = true
        return false
      }
    }
    return true
  }

  /// Hands every held chunk to `write`, in order, and empties the store. If the file cannot be read
  /// back, an input error says so in place of the first chunk lost.
  mutating func release(_ write: (LintPipeline.Chunk) -> Void) {
    var readable = file.map { fflush($0) == 0 && fseek($0, 0, SEEK_SET) == 0 } ?? true
    for entry in entries {
      switch entry {
      case .chunk(let chunk): write(chunk)
      case .spilled(let summary, let lengths):
        guard readable else { continue }
        var chunk = LintPipeline.Chunk(summary: summary)
        for length in lengths {
          guard let bytes = readBack(length) else {
            readable = false
            break
          }
          chunk.segments.append(.rendered(bytes))
        }
        if readable {
          write(chunk)
        } else {
          var error = LintPipeline.Chunk(summary: LintSummary(threshold: summary.threshold))
          error.segments = [.inputError(Self.readBackError())]
          write(error)
        }
      }
    }
    discard()
  }

  /// Drops everything held.
  mutating func discard() {
    if let file { fclose(file) }
    self = HeldOutput(memoryLimit: memoryLimit)
  }

  /// The next `length` bytes of the file, or nil when they cannot be read.
  private func readBack(_ length: Int) -> RenderedBytes? {
    file.flatMap { RenderedBytes.read(length, from: $0) }
  }

  private static func readBackError() -> LintInputError {
    LintInputError(
      source: "<temporary file>", line: 1, column: 1,
      message: "cannot read back output held in a temporary file: \(SystemError.reason(errno))", isFile: false)
  }
}
