/// A run of bytes on one line of a source file: where a finding points when it is not inside the
/// record's text, such as the record type of a zone-file line (SPF113).
public struct SourceRange: Hashable, Sendable {
  /// Where the run starts: 1-based line and UTF-8 byte column.
  public var start: SourceLocation
  /// The run's length in UTF-8 bytes.
  public var length: Int

  /// Creates a range.
  public init(start: SourceLocation, length: Int) {
    self.start = start
    self.length = max(0, length)
  }

  /// The 1-based UTF-8 byte column just past the run.
  public var endColumn: Int { start.column + length }
}
