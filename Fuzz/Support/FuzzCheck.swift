// Compiled into every fuzz target together with the library sources, as one module named SPFKit:
// the harness sees internal API (DNS answer matching) and nothing needs linking across modules.

/// What every target does with libFuzzer's input and with an invariant that does not hold.
enum FuzzCheck {
  /// libFuzzer's input as bytes; its pointer may be nil when the size is 0.
  static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    guard let data, size > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: data, count: size))
  }

  /// Stops the run when `holds` is false: libFuzzer reports the trap as a crash and saves the input.
  static func require(
    _ holds: Bool, _ message: @autoclosure () -> String, file: StaticString = #fileID, line: UInt = #line
  ) {
    guard !holds else { return }
    fatalError("fuzz invariant broken: \(message())", file: file, line: line)
  }

  /// Whether `span` lies inside `0..<count` (an empty span may sit at `count`).
  static func isInside(_ span: SourceSpan, count: Int) -> Bool {
    span.start >= 0 && span.start <= span.end && span.end <= count
  }
}
