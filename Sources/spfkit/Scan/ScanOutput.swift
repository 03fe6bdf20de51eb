import Glibc

/// Where scan lines go: standard output or `--output FILE`, in batches of whole lines, one write(2)
/// each (retried only for the rest of a short write), so a killed scan never leaves a partial line
/// behind. A batch is written when it reaches 64 KiB or 50 ms after the last one.
final class ScanOutput {
  private let descriptor: Int32
  private let ownsDescriptor: Bool
  private var buffer: [UInt8] = []
  private var lastFlush = ContinuousClock.now
  /// Set when a write failed; the message names the destination.
  private(set) var failure: String?
  private let name: String

  static let batchBytes = 1 << 16
  static let batchInterval = Duration.milliseconds(50)

  /// Standard output.
  init() {
    descriptor = 1
    ownsDescriptor = false
    name = "standard output"
    buffer.reserveCapacity(ScanOutput.batchBytes * 2)
  }

  /// A file opened for appending (created with mode 0644 when missing).
  init(appendingTo path: String) throws(CLIError) {
    descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw .input("cannot write '\(path)': \(SystemError.reason(errno))") }
    ownsDescriptor = true
    name = "'\(path)'"
    buffer.reserveCapacity(ScanOutput.batchBytes * 2)
  }

  deinit {
    flush()
    if ownsDescriptor { close(descriptor) }
  }

  /// Adds whole lines; writes the batch when it is due.
  func append(_ build: (inout [UInt8]) -> Void) {
    build(&buffer)
    if buffer.count >= ScanOutput.batchBytes || ContinuousClock.now - lastFlush >= ScanOutput.batchInterval {
      flush()
    }
  }

  /// Writes every pending line.
  func flush() {
    lastFlush = ContinuousClock.now
    guard !buffer.isEmpty, failure == nil else { return buffer.removeAll(keepingCapacity: true) }
    var offset = 0
    buffer.withUnsafeBytes { raw in
      while offset < raw.count {
        let written = write(descriptor, raw.baseAddress! + offset, raw.count - offset)
        if written < 0, errno == EINTR { continue }
        guard written > 0 else {
          failure = "cannot write \(name): \(SystemError.reason(errno))"
          return
        }
        offset += written
      }
    }
    buffer.removeAll(keepingCapacity: true)
  }
}
