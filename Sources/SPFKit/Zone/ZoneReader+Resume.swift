/// A line of a zone file where a reader can start again with what it knew there: a record line
/// that names its owner, in the top file, outside parentheses, with no suppression comment on the
/// line above. Readers started at such points read a file's parts at once, on several threads.
public struct ZoneResumePoint: Hashable, Sendable {
  /// The byte offset of the line's first byte in the file.
  public var offset: Int
  /// The line's 1-based number.
  public var line: Int
  /// How many TXT and SPF records come before the line.
  public var recordsBefore: Int
  var origin: ZoneName
  var defaultTTL: UInt32?
  var lastTTL: UInt32?
}

extension ZoneReader {
  /// A reader of a file from a resume point on: `source` yields the file's bytes from
  /// `point.offset`, and may end at a later resume point's offset. The file's first bytes were
  /// already checked for binary data, so they are not sniffed again.
  public init(resumingAt point: ZoneResumePoint, source: ZoneSource, opener: ZoneIncludeOpener? = nil) {
    self.init(source: source, origin: point.origin, opener: opener)
    current.lexer.resume(atOffset: point.offset, line: point.line)
    defaultTTL = point.defaultTTL
    lastTTL = point.lastTTL
    recordCount = point.recordsBefore
  }

  /// Adds the current token's line to `resumePoints` when it is one (see `ZoneResumePoint`) and
  /// far enough from the last one. Called with the first token of a record.
  mutating func noteResumePoint() {
    guard let spacing = resumePointSpacing, parents.isEmpty else { return }
    let (offset, line) = (current.lexer.lineOffset, current.lexer.location.line)
    guard current.lexer.location.column == 1, current.lexer.parenDepth == 0 else { return }
    if let last = resumePoints.last, offset - last.offset < spacing { return }
    if !current.pendingCodes.isEmpty, current.pendingLine == line - 1 { return }
    resumePoints.append(
      ZoneResumePoint(
        offset: offset, line: line, recordsBefore: recordCount, origin: current.origin, defaultTTL: defaultTTL,
        lastTTL: lastTTL))
  }
}

extension ZoneLexer {
  /// Starts the cursor at the first byte of line `line`, at byte `offset` of the file, before any
  /// byte is read.
  mutating func resume(atOffset offset: Int, line: Int) {
    chunkOffset = offset
    lineOffset = offset
    self.line = line
    location = SourceLocation(line: line, column: 1)
    started = true
  }
}
