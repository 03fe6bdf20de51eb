/// The domain list of `spfkit scan`: one name per line, read in chunks so memory stays flat however
/// long the list is. Blank lines and lines starting with `#` are skipped.
struct DomainList: Sequence, IteratorProtocol {
  /// One line that holds a name, or why it holds none.
  struct Line {
    /// The 1-based line number.
    let number: Int
    /// The name, lowercased without a trailing dot, or what is wrong with the line.
    let name: Result<String, DomainLineError>
  }

  private var reader: ChunkReader
  private var number = 0

  /// Lines are cut here, far above a name with spaces around it: a list without newlines stays cheap.
  static let maximumLineLength = 4096

  init(descriptor: Int32) {
    reader = ChunkReader(descriptor: descriptor, maximumLineLength: DomainList.maximumLineLength)
  }

  mutating func next() -> Line? {
    if let line = nextNameLine() { return line }
    // A failed read ends the list with an error, not as if the list were done.
    guard let code = reader.takeReadError() else { return nil }
    return Line(number: number + 1, name: .failure(DomainLineError(readFailure: code)))
  }

  private mutating func nextNameLine() -> Line? {
    while let raw = reader.nextLine() {
      number += 1
      let trimmed = raw.drop { $0 == 0x20 || $0 == 0x09 }.reversed().drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
      let bytes = Array(trimmed.reversed())
      guard let first = bytes.first, first != 0x23 else { continue }
      return Line(number: number, name: DomainList.name(bytes))
    }
    return nil
  }

  /// The longest name accepted, in octets without the trailing dot (RFC 1035 §2.3.4).
  static let maximumLength = 253

  /// A line's name: letters, digits, `-` and `_` in labels of 1 to 63 octets, at most 253 in all
  /// (RFC 1035 §2.3.4; `_` for names such as `_spf.example.com`), folded to lowercase.
  static func name(_ bytes: [UInt8]) -> Result<String, DomainLineError> {
    var name = bytes
    if name.count > 1, name.last == 0x2E { name.removeLast() }
    let shown = String(decoding: bytes.prefix(80), as: UTF8.self) + (bytes.count > 80 ? "…" : "")
    func failure(_ reason: String) -> Result<String, DomainLineError> {
      .failure(DomainLineError(text: shown, reason: reason))
    }
    guard name.count <= maximumLength else { return failure("longer than \(maximumLength) octets") }
    var labelLength = 0
    for (index, byte) in name.enumerated() {
      switch byte {
      case 0x2E:
        guard labelLength > 0 else { return failure("empty label at column \(index + 1)") }
        labelLength = 0
      case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2D, 0x5F:
        labelLength += 1
        guard labelLength <= 63 else { return failure("label longer than 63 octets") }
        if byte <= 0x5A && byte >= 0x41 { name[index] = byte | 0x20 }
      default:
        return failure("unexpected character at column \(index + 1)")
      }
    }
    return .success(String(decoding: name, as: UTF8.self))
  }
}

/// A line of the domain list that is no domain name, or the read that failed.
struct DomainLineError: Error {
  let description: String

  /// `text`, the line's first 80 octets, is no name for `reason` (lowercase).
  init(text: String, reason: String) { description = "'\(text)' is not a domain name: \(reason)" }

  /// Reading the list failed with `errno` `code`.
  init(readFailure code: Int32) { description = "cannot read: \(SystemError.reason(code))" }
}

/// `--shard K/N`: which of N shards a name belongs to, by a stable hash, so N machines can split one
/// list with no coordination.
///
/// The hash is 64-bit FNV-1a over the name's octets, lowercase, without a trailing dot; a name is in
/// shard `hash % N + 1`. It never changes between versions or machines.
struct ScanShard: Hashable {
  /// 1-based shard index.
  let index: UInt64
  /// Number of shards.
  let count: UInt64

  /// Parses `K/N` with 1 ≤ K ≤ N ≤ 1,000,000.
  init(parsing text: String) throws(CLIError) {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, let index = UInt64(parts[0]), let count = UInt64(parts[1]), count >= 1,
      count <= 1_000_000, index >= 1, index <= count
    else {
      throw .usage("invalid value '\(text)' for '--shard': give K/N with 1 <= K <= N, such as 2/8")
    }
    self.index = index
    self.count = count
  }

  /// Whether `name` (lowercase, no trailing dot) is in this shard.
  func contains(_ name: String) -> Bool { ScanShard.hash(name) % count + 1 == index }

  /// 64-bit FNV-1a of the name's UTF-8 octets.
  static func hash(_ name: String) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in name.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01B3
    }
    return hash
  }
}
