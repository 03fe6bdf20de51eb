#if canImport(Glibc)
  import Glibc
#endif

/// The whole content of a file, or of standard input for `-`, read into one array.
enum InputFile {
  /// How standard input and files are named in messages.
  static func displayName(_ path: String) -> String { path == "-" ? "<stdin>" : path }

  /// Reads `path` (`-`: standard input) to its end.
  ///
  /// - Throws: `CLIError.input` naming the file and why it cannot be read, or naming the first line
  ///   longer than `LineRecords.maximumLineLength`, 16 MiB (no address list or record needs one).
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
    let limit = LineRecords.maximumLineLength
    var lines = LineLength(limit: limit)
    while true {
      let count = chunk.withUnsafeMutableBytes { raw in Glibc.read(descriptor, raw.baseAddress, raw.count) }
      if count < 0, errno == EINTR { continue }
      guard count >= 0 else { throw failure(path) }
      if count == 0 { return bytes }
      guard lines.add(chunk[..<count]) else {
        throw .input(
          "\(displayName(path)):\(lines.number):1: line is longer than \(limit >> 20) MiB")
      }
      bytes.append(contentsOf: chunk[..<count])
    }
  }

  /// The number and length of the line being read, chunk by chunk: a stream without newlines
  /// (`/dev/zero`) ends at the limit instead of filling memory.
  private struct LineLength {
    let limit: Int
    /// 1-based number of the line being read.
    private(set) var number = 1
    private var length = 0

    init(limit: Int) { self.limit = limit }

    /// Adds a chunk; false when the line being read is now longer than `limit`.
    mutating func add(_ chunk: ArraySlice<UInt8>) -> Bool {
      var start = chunk.startIndex
      while let newline = chunk[start...].firstIndex(of: 0x0A) {
        guard length + (newline - start) <= limit else { return false }
        number += 1
        length = 0
        start = newline + 1
      }
      length += chunk.endIndex - start
      return length <= limit
    }
  }

  /// `cannot read 'FILE': no such file or directory` from `errno`.
  private static func failure(_ path: String) -> CLIError {
    .input("cannot read '\(displayName(path))': \(SystemError.reason(errno))")
  }
}
