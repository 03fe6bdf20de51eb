#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `--output FILE`: output written to a temporary file beside FILE and renamed onto it at the end,
/// so readers of FILE see the old content or the whole new one, never half of it.
///
/// The temporary file (`.FILE.XXXXXX` in FILE's directory, so the rename stays on one file system)
/// is removed when the run fails to write it, and on SIGINT, SIGTERM or SIGHUP.
final class OutputFile {
  /// The file asked for.
  let path: String
  /// Where the output goes until `commit()`.
  let buffer: OutputBuffer
  private let temporaryPath: String
  private var isOpen = true

  /// Creates the temporary file beside `path`.
  ///
  /// - Throws: `CLIError.input` when the directory does not allow it.
  init(path: String) throws(CLIError) {
    self.path = path
    let slash = path.lastIndex(of: "/")
    let directory = slash.map { String(path[...$0]) } ?? ""
    let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
    guard !name.isEmpty else { throw .usage("'--output' needs a file name, not the directory '\(path)'") }
    var template = Array((directory + "." + name + ".XXXXXX").utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard descriptor >= 0 else {
      throw .input("\(path): cannot write '--output' file: \(SystemError.reason(errno))")
    }
    let mask = umask(0)
    umask(mask)
    fchmod(descriptor, 0o666 & ~mask)
    temporaryPath = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    buffer = OutputBuffer(descriptor: descriptor)
    OutputFile.removeOnSignal(temporaryPath)
  }

  /// Flushes the output and renames the temporary file onto `path`.
  ///
  /// - Throws: `CLIError.input` when a write or the rename failed; the temporary file is removed.
  func commit() throws(CLIError) {
    buffer.flush()
    isOpen = false
    let failure = buffer.writeError ?? (fsync(buffer.descriptor) == 0 ? nil : errno)
    close(buffer.descriptor)
    if let failure {
      discard()
      throw .input("\(path): cannot write '--output' file: \(SystemError.reason(failure))")
    }
    guard rename(temporaryPath, path) == 0 else {
      let reason = SystemError.reason(errno)
      discard()
      throw .input("\(path): cannot write '--output' file: \(reason)")
    }
    OutputFile.removeOnSignal(nil)
  }

  /// Removes the temporary file: the run ends without output.
  func discard() {
    if isOpen {
      isOpen = false
      close(buffer.descriptor)
    }
    unlink(temporaryPath)
    OutputFile.removeOnSignal(nil)
  }

  /// The temporary file a signal handler removes, as a C string (signal handlers can only call
  /// async-signal-safe functions: `unlink` and `_exit`).
  nonisolated(unsafe) private static var pendingPath: UnsafeMutablePointer<CChar>?

  private static func removeOnSignal(_ path: String?) {
    let old = pendingPath
    pendingPath = path.map { strdup($0) }
    free(old)
    guard path != nil else { return }
    for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
      signal(signalNumber) { number in
        if let path = OutputFile.pendingPath { unlink(path) }
        _exit(128 + number)
      }
    }
  }
}
