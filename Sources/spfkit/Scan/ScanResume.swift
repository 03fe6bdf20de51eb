import Glibc

/// `--resume`: the domains an earlier scan already wrote to the output file.
///
/// Each is remembered as its 64-bit `ScanShard.hash`, in one sorted array: 8 bytes a domain, so the
/// file of a 10-million-domain scan costs 80 MB to resume. A cut last line (the scan was killed in
/// the middle of a write, or the file was cut) is removed from the file first, so that the lines
/// appended after it stay whole; its domain is scanned again.
struct ScanResume {
  private var hashes: [UInt64]

  /// Only the start of a line is read (its domain comes first): longer lines are cut here.
  private static let maximumLineLength = 4096

  /// No domain done: a scan that does not resume.
  static let none = ScanResume(hashes: [])

  private init(hashes: [UInt64]) { self.hashes = hashes }

  /// How many domains the file holds.
  var count: Int { hashes.count }

  /// Whether `domain` is in the file.
  func contains(_ domain: String) -> Bool {
    guard !hashes.isEmpty else { return false }
    let hash = ScanShard.hash(domain)
    var low = 0
    var high = hashes.count
    while low < high {
      let middle = low + (high - low) / 2
      if hashes[middle] < hash { low = middle + 1 } else { high = middle }
    }
    return low < hashes.count && hashes[low] == hash
  }

  /// Reads the domains of `path` (none when it does not exist), after cutting a partial last line.
  static func read(_ path: String) throws(CLIError) -> ScanResume {
    let descriptor = open(path, O_RDWR | O_CLOEXEC)
    if descriptor < 0, errno == ENOENT { return .none }
    guard descriptor >= 0 else { throw .input("cannot resume from '\(path)': \(SystemError.reason(errno))") }
    defer { close(descriptor) }
    try dropPartialLine(descriptor, path: path)
    var reader = ChunkReader(descriptor: descriptor, maximumLineLength: ScanResume.maximumLineLength)
    var hashes: [UInt64] = []
    let prefix = ScanRecordWriter.linePrefix
    while let line = reader.nextLine() {
      guard line.starts(with: prefix), let end = line[prefix.count...].firstIndex(of: 0x22) else { continue }
      hashes.append(ScanShard.hash(String(decoding: line[prefix.count..<end], as: UTF8.self)))
    }
    if let code = reader.takeReadError() { throw .input("cannot resume from '\(path)': \(SystemError.reason(code))") }
    hashes.sort()
    return ScanResume(hashes: hashes)
  }

  /// Truncates the file after its last newline when its last byte is not one.
  private static func dropPartialLine(_ descriptor: Int32, path: String) throws(CLIError) {
    var end = Int(lseek(descriptor, 0, SEEK_END))
    guard end > 0 else { return }
    var block = [UInt8](repeating: 0, count: 1 << 16)
    var keep = 0
    search: while end > 0 {
      let start = max(0, end - block.count)
      let count = block.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, end - start, off_t(start)) }
      guard count == end - start else { throw .input("cannot read '\(path)': \(SystemError.reason(errno))") }
      if let newline = block[..<count].lastIndex(of: 0x0A) {
        keep = start + newline + 1
        break search
      }
      end = start
    }
    defer { lseek(descriptor, 0, SEEK_SET) }
    guard keep < Int(lseek(descriptor, 0, SEEK_END)) else { return }
    guard ftruncate(descriptor, off_t(keep)) == 0 else {
      throw .input("cannot cut the partial last line of '\(path)': \(SystemError.reason(errno))")
    }
  }
}
