#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `--output FILE`: output written to a temporary file beside FILE and renamed onto it at the end,
/// so readers of FILE see the old content or the whole new one, never half of it.
///
/// The temporary file (`.FILE.XXXXXX` in FILE's directory, so the rename stays on one file system)
/// is removed when the run fails to write it, and on a signal that ends the run (`endingSignals`).
/// FILE is written as a shell's `>` would write it otherwise: through its symbolic links (the file
/// they lead to is replaced, not the link), keeping an existing file's permissions, and straight
/// into what is not a regular file (a device such as `/dev/null`, a FIFO), which cannot be renamed
/// onto and holds no old content to keep.
final class OutputFile {
  /// The file asked for.
  let path: String
  /// Where the output goes until `commit()`.
  let buffer: OutputBuffer
  /// The temporary file renamed onto `destination` at the end; nil when writing straight into FILE.
  private let temporaryPath: String?
  /// FILE with its symbolic links followed: the name the temporary file is renamed to.
  private let destination: String
  private var isOpen = true

  /// Opens FILE, or creates the temporary file beside what FILE leads to.
  ///
  /// - Throws: `CLIError.input` when FILE is a directory or cannot be written.
  init(path: String) throws(CLIError) {
    self.path = path
    // The kernel follows the links to see what FILE is: `/dev/stdout` leads through a link in /proc
    // that names a pipe, which no path joined by hand would reach.
    var status = stat()
    let exists = stat(path, &status) == 0
    let kind = status.st_mode & S_IFMT
    if exists, kind == S_IFDIR {
      throw .input("\(path): cannot write '--output' file: it is a directory")
    }
    let writesStraight = exists && kind != S_IFREG
    let target = writesStraight ? path : Self.followingLinks(path)
    destination = target
    if writesStraight {
      let descriptor = open(path, O_WRONLY | O_CLOEXEC)
      guard descriptor >= 0 else {
        throw .input("\(path): cannot write '--output' file: \(SystemError.reason(errno))")
      }
      temporaryPath = nil
      buffer = OutputBuffer(descriptor: descriptor)
      return
    }
    let slash = target.lastIndex(of: "/")
    let directory = slash.map { String(target[...$0]) } ?? ""
    let name = slash.map { String(target[target.index(after: $0)...]) } ?? target
    guard !name.isEmpty else { throw .usage("'--output' needs a file name, not the directory '\(path)'") }
    var template = Array((directory + "." + name + ".XXXXXX").utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard descriptor >= 0 else {
      throw .input("\(path): cannot write '--output' file: \(SystemError.reason(errno))")
    }
    if exists {
      fchmod(descriptor, status.st_mode & 0o7777)
      // Only root may give a file away; for anyone else the file is theirs already or stays so.
      if getuid() == 0 { _ = fchown(descriptor, status.st_uid, status.st_gid) }
    } else {
      let mask = umask(0)
      umask(mask)
      fchmod(descriptor, 0o666 & ~mask)
    }
    let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    temporaryPath = temporary
    buffer = OutputBuffer(descriptor: descriptor)
    OutputFile.removeOnSignal(temporary)
  }

  /// The input among `inputs` (paths, or "-" for standard input) that `path` names too, through
  /// links or under another name: writing the report there would destroy what it reports on.
  static func overwrittenInput(by path: String, among inputs: [String]) -> String? {
    var output = stat()
    guard stat(path, &output) == 0, output.st_mode & S_IFMT == S_IFREG else { return nil }
    return inputs.first { input in
      var status = stat()
      let found = input == "-" ? fstat(STDIN_FILENO, &status) == 0 : stat(input, &status) == 0
      return found && status.st_dev == output.st_dev && status.st_ino == output.st_ino
    }
  }

  /// `path` with each symbolic link replaced by what it points at (relative targets from the link's
  /// directory), as far as links go: at most 40, the kernel's own limit, after which `path` is
  /// left as it is and the open or rename reports the loop.
  static func followingLinks(_ path: String) -> String {
    var current = path
    for _ in 0..<40 {
      var status = stat()
      guard lstat(current, &status) == 0, status.st_mode & S_IFMT == S_IFLNK else { return current }
      var target = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
      let length = readlink(current, &target, target.count - 1)
      guard length > 0 else { return current }
      let link = String(decoding: target[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
      if link.hasPrefix("/") {
        current = link
      } else {
        current = (current.lastIndex(of: "/").map { String(current[...$0]) } ?? "") + link
      }
    }
    return path
  }

  /// Flushes the output and renames the temporary file onto `path`.
  ///
  /// - Throws: `CLIError.input` when a write or the rename failed; the temporary file is removed.
  func commit() throws(CLIError) {
    buffer.flush()
    isOpen = false
    guard let temporaryPath else {
      // Written straight into a device or FIFO: nothing to sync or rename, only the writes to check.
      let failure = buffer.writeError
      close(buffer.descriptor)
      guard let failure else { return }
      throw .input("\(path): cannot write '--output' file: \(SystemError.reason(failure))")
    }
    let failure = buffer.writeError ?? (fsync(buffer.descriptor) == 0 ? nil : errno)
    close(buffer.descriptor)
    if let failure {
      discard()
      throw .input("\(path): cannot write '--output' file: \(SystemError.reason(failure))")
    }
    guard rename(temporaryPath, destination) == 0 else {
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
    guard let temporaryPath else { return }
    unlink(temporaryPath)
    OutputFile.removeOnSignal(nil)
  }

  /// The temporary file a signal handler removes, as a C string (signal handlers can only call
  /// async-signal-safe functions: `unlink` and `_exit`).
  nonisolated(unsafe) private static var pendingPath: UnsafeMutablePointer<CChar>?

  /// The signals that end a process by default and that a user or a job runner sends to stop it:
  /// SIGQUIT and the timers too (`timeout -s ALRM`, a CPU limit). SIGPIPE and SIGXFSZ are ignored
  /// (main.swift), so a closed pipe or a file-size limit is a failed write, reported with a message.
  static let endingSignals = [
    SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU,
  ]

  private static func removeOnSignal(_ path: String?) {
    let old = pendingPath
    pendingPath = path.map { strdup($0) }
    free(old)
    guard path != nil else { return }
    for signalNumber in endingSignals {
      signal(signalNumber) { number in
        if let path = OutputFile.pendingPath { unlink(path) }
        _exit(128 + number)
      }
    }
  }
}
