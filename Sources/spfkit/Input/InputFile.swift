#if canImport(Glibc)
  import Glibc
#endif

/// The whole content of a file, or of standard input for `-`, read into one array.
enum InputFile {
  /// How standard input and files are named in messages.
  static func displayName(_ path: String) -> String { path == "-" ? "<stdin>" : path }

  /// Reads `path` (`-`: standard input) to its end.
  ///
  /// - Throws: `CLIError.input` naming the file and why it cannot be read.
  static func read(_ path: String) throws(CLIError) -> [UInt8] {
    let descriptor = path == "-" ? 0 : open(path, O_RDONLY)
    guard descriptor >= 0 else { throw failure(path) }
    defer { if descriptor != 0 { close(descriptor) } }
    var info = stat()
    if fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
      throw .input("cannot read '\(path)': it is a directory")
    }
    var bytes: [UInt8] = []
    if fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG { bytes.reserveCapacity(Int(info.st_size)) }
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = chunk.withUnsafeMutableBytes { raw in Glibc.read(descriptor, raw.baseAddress, raw.count) }
      if count < 0, errno == EINTR { continue }
      guard count >= 0 else { throw failure(path) }
      if count == 0 { return bytes }
      bytes.append(contentsOf: chunk[..<count])
    }
  }

  /// `cannot read 'FILE': no such file or directory` from `errno`.
  private static func failure(_ path: String) -> CLIError {
    .input("cannot read '\(displayName(path))': \(SystemError.reason(errno))")
  }
}
