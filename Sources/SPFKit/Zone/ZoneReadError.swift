/// Why a zone file cannot be read, with the file, 1-based line and 1-based column of the problem.
///
/// `ZoneReader` stops at the first error, as BIND does: one is enough to reject the zone.
public struct ZoneReadError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The file name, as given by its `ZoneSource`.
  public var file: String
  /// 1-based line number.
  public var line: Int
  /// 1-based UTF-8 byte column.
  public var column: Int
  /// What is wrong, lowercase, no trailing period, the offending text in single quotes.
  public var message: String

  /// Creates an error.
  public init(file: String, line: Int, column: Int, message: String) {
    self.file = file
    self.line = line
    self.column = column
    self.message = message
  }

  /// Creates an error at `location`.
  init(file: String, at location: SourceLocation, _ message: String) {
    self.init(file: file, line: location.line, column: location.column, message: message)
  }

  /// Compiler style: `FILE:LINE:COL: message`.
  public var description: String { "\(file):\(line):\(column): \(message)" }
}
