/// Reads address lists: one IPv4 or IPv6 address or network per line.
///
/// Blank lines are skipped; `#` starts a comment that runs to the end of the line (whole-line or
/// after an address). Spaces, tabs and a carriage return around an entry are ignored, so CRLF files
/// read the same. Entries are strict (no leading zeros, prefix within the family's range); host bits
/// are allowed and cleared (`192.0.2.5/24` lists `192.0.2.0/24`). The first bad line stops reading.
public enum AddressListParser {
  /// Parses `bytes` into a new aggregator.
  ///
  /// - Throws: `AddressListError` naming the 1-based line and column of the first bad entry.
  public static func parse(_ bytes: [UInt8]) throws(AddressListError) -> CIDRAggregator {
    var aggregator = CIDRAggregator()
    try parse(bytes, into: &aggregator)
    return aggregator
  }

  /// Parses `bytes` and inserts every entry into `aggregator`.
  ///
  /// - Throws: `AddressListError` naming the 1-based line and column of the first bad entry;
  ///   entries before it stay inserted.
  public static func parse(_ bytes: [UInt8], into aggregator: inout CIDRAggregator) throws(AddressListError) {
    // A typical line ("192.0.2.1\n") takes about 14 bytes: reserve once instead of growing.
    aggregator.reserveCapacity(ipv4: bytes.count / 14 &+ 16)
    var line = 1
    var start = 0
    while start < bytes.count {
      var end = start
      while end < bytes.count, bytes[end] != 0x0A { end &+= 1 }
      try parseLine(bytes, start..<end, line: line, into: &aggregator)
      start = end &+ 1
      line &+= 1
    }
  }

  /// Parses one line (without its newline).
  private static func parseLine(
    _ bytes: [UInt8], _ range: Range<Int>, line: Int,
    into aggregator: inout CIDRAggregator
  ) throws(AddressListError) {
    var lower = range.lowerBound
    var upper = range.lowerBound
    var hasColon = false
    while upper < range.upperBound, bytes[upper] != 0x23 {
      if bytes[upper] == 0x3A { hasColon = true }
      upper &+= 1
    }
    while lower < upper, isBlank(bytes[lower]) { lower &+= 1 }
    while upper > lower, isBlank(bytes[upper &- 1]) { upper &-= 1 }
    guard lower < upper else { return }
    let entry = bytes[lower..<upper]
    do {
      if hasColon {
        aggregator.insert(try IPv6Network.parse(entry))
      } else {
        aggregator.insert(try IPv4Network.parse(entry))
      }
    } catch {
      let column = lower &- range.lowerBound &+ error.offset &+ 1
      throw AddressListError(line: line, column: column, entry: entry, reason: error.message)
    }
  }

  /// Space, tab or carriage return.
  private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }
}

/// A line of an address list that is no address or network.
public struct AddressListError: Error, Hashable, Sendable, CustomStringConvertible {
  /// 1-based line number.
  public var line: Int
  /// 1-based UTF-8 byte column of the problem.
  public var column: Int
  /// What is wrong, lowercase, no trailing period, the entry in single quotes.
  public var message: String

  /// Creates an error.
  public init(line: Int, column: Int, message: String) {
    self.line = line
    self.column = column
    self.message = message
  }

  /// The longest entry text quoted in a message, in bytes; longer entries are cut with `...`.
  static let shownLength = 64

  /// An error for `entry` with the parser's reason.
  init(line: Int, column: Int, entry: ArraySlice<UInt8>, reason: String) {
    var shown = String(decoding: entry.prefix(AddressListError.shownLength), as: UTF8.self)
    if entry.count > AddressListError.shownLength { shown += "..." }
    let family = entry.contains(0x3A) ? "IPv6" : "IPv4"
    self.init(line: line, column: column, message: "'\(shown)' is not an \(family) address or network: \(reason)")
  }

  /// `line N, column C: message`.
  public var description: String { "line \(line), column \(column): \(message)" }
}
