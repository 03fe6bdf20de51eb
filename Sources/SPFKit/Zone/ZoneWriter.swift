/// Writes TXT (or SPF) records as BIND zone-file lines: `NAME. TTL IN TXT "..."`.
///
/// Owner names are absolute, escaped per RFC 1035 §5.1 (`ZoneName.presentation`); strings are
/// quoted by `TXTRecord.quote`. Several strings are grouped in parentheses. `named-checkzone`
/// accepts the output, and `ZoneReader` reads it back to the same bytes.
public struct ZoneWriter: Hashable, Sendable {
  /// Where the character-strings of a record go.
  public enum Layout: Hashable, Sendable {
    /// One line: `NAME. TTL IN TXT ( "..." "..." )`.
    case oneLine
    /// One string per line, indented, the closing parenthesis after the last string:
    /// `NAME. TTL IN TXT (` / `  "..."` / `  "..." )`.
    case stringPerLine
  }

  /// How records with several strings are laid out; one string never takes parentheses.
  public var layout: Layout

  /// Creates a writer.
  public init(layout: Layout = .oneLine) {
    self.layout = layout
  }

  /// The zone-file text of one record, without a final newline (lines joined with `\n`).
  ///
  /// - Parameters:
  ///   - owner: the owner name, written absolute.
  ///   - ttl: seconds.
  ///   - record: the strings; a record with none is written as one empty string `""`, since TXT
  ///     data holds at least one string.
  ///   - type: TXT by default.
  public func text(owner: ZoneName, ttl: UInt32, record: TXTRecord, type: ZoneRecord.RecordType = .txt) -> String {
    let head = "\(owner.presentation) \(ttl) IN \(type.mnemonic)"
    let quoted = record.strings.isEmpty ? ["\"\""] : record.strings.map { TXTRecord.quote($0.bytes) }
    guard quoted.count > 1 else { return head + " " + quoted[0] }
    switch layout {
    case .oneLine:
      return head + " ( " + quoted.joined(separator: " ") + " )"
    case .stringPerLine:
      return head + " (\n" + quoted.map { "  " + $0 }.joined(separator: "\n") + " )"
    }
  }
}
