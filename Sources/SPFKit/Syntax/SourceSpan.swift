/// A half-open range of UTF-8 byte offsets into a record's joined text.
public struct SourceSpan: Hashable, Sendable, CustomStringConvertible {
  /// Offset of the first byte.
  public var start: Int
  /// Offset just past the last byte.
  public var end: Int

  /// Creates a span; `end` is clamped to be at least `start`.
  public init(start: Int, end: Int) {
    self.start = start
    self.end = max(start, end)
  }

  /// The empty span at offset 0, for terms built in code.
  public static let none = SourceSpan(start: 0, end: 0)

  /// The number of bytes covered.
  public var length: Int { end &- start }

  /// Whether the span covers `offset`.
  public func contains(_ offset: Int) -> Bool { offset >= start && offset < end }

  /// The span's offsets within text of `count` bytes: cut to the text, never past it or reversed.
  func clamped(toCount count: Int) -> Range<Int> {
    let lower = min(max(start, 0), count)
    return lower..<min(max(end, lower), count)
  }

  public var description: String { "\(start)..<\(end)" }
}
