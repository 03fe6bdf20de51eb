/// What `ZoneLexer.next()` found; the token's bytes and location are on the lexer.
enum ZoneToken: Equatable {
  /// An unquoted run of bytes; `text` holds it as written, escapes kept.
  case word
  /// A quoted character-string; `text` holds its content unescaped, `escapes` marks the escapes.
  case quoted
  /// The end of a logical line (a newline outside parentheses).
  case lineEnd
  /// The end of the input.
  case end
}

/// A byte cursor over one zone file, read chunk by chunk (RFC 1035 §5.1 lexical rules, as BIND
/// applies them).
///
/// Blanks separate tokens; `;` starts a comment (outside quotes); parentheses make newlines plain
/// blanks; `"`, `(`, `)` and `;` end an unquoted word unless escaped. Memory holds one chunk and
/// the current token, never the file: a physical line over `maximumLineLength` bytes is an error.
struct ZoneLexer {
  /// The longest physical line, in bytes, newline excluded.
  static let maximumLineLength = 65_536
  /// How many leading bytes are examined for binary content.
  static let sniffLength = 1_024

  /// The file name for messages.
  let name: String
  var input: any ZoneInput
  var chunk: [UInt8] = []
  var index = 0
  /// Absolute byte offset of `chunk[0]` in the file.
  var chunkOffset = 0
  /// Absolute byte offset of the current line's first byte.
  var lineOffset = 0
  var inputEnded = false
  var started = false
  /// 1-based line of the cursor.
  var line = 1
  var parenDepth = 0
  var parenLocation = SourceLocation(line: 1, column: 1)

  /// The last token's bytes: a word as written, or a quoted string's content unescaped. Valid
  /// until the lexer reads on; `text` copies them.
  var textBytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: tokenStorage.base, count: textCount) }
  /// The last token's bytes, copied: for the rare consumers that keep them or want an array.
  var text: [UInt8] { Array(textBytes) }
  /// Memory that holds `textBytes`, written only while no copy of this lexer shares it.
  ///
  /// Not an array: a token replaces the last one's bytes with one copy and a count, where an
  /// array's own calls (a clear, an append, a range replacement) are generic code, once or twice per
  /// token of every line, and its consumers would retain and release it.
  var tokenStorage = TokenStorage(capacity: 256)
  /// How many bytes of `tokenStorage` are the last token's.
  var textCount = 0
  /// The escapes of the last quoted string.
  var escapes: [EscapeMark] = []
  /// Where the last token starts: the first content byte (after the quote for a quoted string);
  /// for a line end, the newline; for the end, just past the last byte.
  var location = SourceLocation(line: 1, column: 1)
  /// False while skipping data nobody reads: words and strings are scanned but not kept.
  var capturing = true
  /// Codes from `; spfkit-disable` comments since the reader last cleared them.
  var suppressedCodes: [String] = []
  /// The line of the last `spfkit-disable` comment.
  var suppressionLine = 0

  init(source: ZoneSource) {
    name = source.name
    input = source.input
  }

  /// The 1-based column of the cursor.
  var column: Int { chunkOffset + index - lineOffset + 1 }
  /// The location of the cursor.
  var here: SourceLocation { SourceLocation(line: line, column: column) }

  /// An error at `location` in this file.
  func error(at location: SourceLocation, _ message: String) -> ZoneReadError {
    ZoneReadError(file: name, at: location, message)
  }

  /// The next token. At the end of the input, open parentheses are an error.
  mutating func next() throws(ZoneReadError) -> ZoneToken {
    if !started { try start() }
    while let byte = try peek() {
      switch byte {
      case 0x20, 0x09, 0x0D:
        // Zone files align their columns with runs of blanks: skip the run in this chunk at once.
        index = chunk.withUnsafeBufferPointer { bytes in
          var end = index + 1
          while end < bytes.count, bytes[end] == 0x20 || bytes[end] == 0x09 || bytes[end] == 0x0D { end += 1 }
          return end
        }
      case 0x0A:
        let end = here
        try newline()
        if parenDepth == 0 {
          location = end
          return .lineEnd
        }
      case 0x3B: try comment()
      case 0x28:
        if parenDepth == 0 { parenLocation = here }
        parenDepth += 1
        index += 1
      case 0x29:
        guard parenDepth > 0 else { throw error(at: here, "unbalanced parentheses: ')' without '('") }
        parenDepth -= 1
        index += 1
      case 0x22:
        try quoted()
        return .quoted
      case 0x00: throw binary(at: here)
      default:
        try word()
        return .word
      }
    }
    guard parenDepth == 0 else {
      throw error(at: parenLocation, "unbalanced parentheses: '(' is not closed before the end of the file")
    }
    location = here
    return .end
  }

  /// Skips the rest of the logical line without keeping its tokens.
  mutating func skipLine() throws(ZoneReadError) {
    // Most skipped lines (an A or MX record's data) are plain to their newline: one scan, not a
    // token at a time.
    if parenDepth == 0, try skipPlainRestOfLine() { return }
    capturing = false
    defer { capturing = true }
    while true {
      switch try next() {
      case .lineEnd, .end: return
      case .word, .quoted: continue
      }
    }
  }

  /// Skips the rest of the physical line, newline included, when this chunk holds it all and it has
  /// no byte the tokens would treat apart (`isPlainLineByte`); false, with nothing consumed,
  /// otherwise. Outside parentheses, the same as reading its tokens to the line's end.
  private mutating func skipPlainRestOfLine() throws(ZoneReadError) -> Bool {
    let newlineIndex = chunk.withUnsafeBufferPointer { bytes -> Int? in
      var end = index
      while end < bytes.count, ZoneLexer.isPlainLineByte(bytes[end]) { end += 1 }
      return end < bytes.count && bytes[end] == 0x0A ? end : nil
    }
    guard let newlineIndex else { return false }
    index = newlineIndex
    try newline()
    return true
  }

  /// Whether a byte of a line being skipped needs no token rule: not a newline, quote,
  /// parenthesis, `;`, backslash or NUL. (Blanks and other bytes only separate or make words.)
  @inline(__always)
  static func isPlainLineByte(_ byte: UInt8) -> Bool {
    // Bits 0x00, 0x0A, 0x22, 0x28, 0x29, 0x3B.
    byte >= 0x40 ? byte != 0x5C : (0x0800_0304_0000_0401 as UInt64) >> byte & 1 == 0
  }

  /// The byte under the cursor, reading the next chunk when needed; nil at the end of the input.
  @inline(__always)
  mutating func peek() throws(ZoneReadError) -> UInt8? {
    if index < chunk.count { return chunk[index] }
    return try refill() ? chunk[index] : nil
  }

  /// Replaces the consumed chunk with the next non-empty one; false at the end of the input.
  private mutating func refill() throws(ZoneReadError) -> Bool {
    while !inputEnded {
      if chunkOffset + chunk.count - lineOffset > ZoneLexer.maximumLineLength { throw lineTooLong() }
      let next: [UInt8]?
      do {
        next = try input.nextChunk()
      } catch {
        throw self.error(at: here, "cannot read '\(name)': \(error)")
      }
      guard let next else {
        inputEnded = true
        break
      }
      guard !next.isEmpty else { continue }
      chunkOffset += chunk.count
      chunk = next
      index = 0
      return true
    }
    return false
  }

  /// Consumes the newline under the cursor and starts the next line.
  mutating func newline() throws(ZoneReadError) {
    let offset = chunkOffset + index
    if offset - lineOffset > ZoneLexer.maximumLineLength { throw lineTooLong() }
    index += 1
    line += 1
    lineOffset = offset + 1
  }

  /// Rejects the current line if the bytes read so far already exceed the limit.
  mutating func checkLineLength() throws(ZoneReadError) {
    if chunkOffset + index - lineOffset > ZoneLexer.maximumLineLength { throw lineTooLong() }
  }

  private func lineTooLong() -> ZoneReadError {
    error(
      at: SourceLocation(line: line, column: ZoneLexer.maximumLineLength + 1),
      "line is longer than \(ZoneLexer.maximumLineLength) bytes")
  }

  /// The error for a NUL byte at `location`.
  func binary(at location: SourceLocation) -> ZoneReadError {
    error(at: location, "binary data: NUL byte in '\(name)'")
  }

  /// Reads the first `sniffLength` bytes and rejects binary content: a NUL byte, or more than a
  /// tenth of control characters (other than tab, newline, vertical tab, form feed and return).
  private mutating func start() throws(ZoneReadError) {
    started = true
    while chunk.count < ZoneLexer.sniffLength, !inputEnded {
      let more: [UInt8]?
      do {
        more = try input.nextChunk()
      } catch {
        throw self.error(at: here, "cannot read '\(name)': \(error)")
      }
      if let more { chunk.append(contentsOf: more) } else { inputEnded = true }
    }
    let sample = chunk.prefix(ZoneLexer.sniffLength)
    if let nul = sample.firstIndex(of: 0) {
      let before = sample[..<nul]
      let line = 1 + before.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
      let column = nul - ((before.lastIndex(of: 0x0A)).map { $0 + 1 } ?? 0) + 1
      throw binary(at: SourceLocation(line: line, column: column))
    }
    let controls = sample.reduce(0) { $0 + (($1 < 0x20 && !(0x09...0x0D).contains($1)) || $1 == 0x7F ? 1 : 0) }
    if controls >= 8, controls * 10 > sample.count {
      throw error(
        at: SourceLocation(line: 1, column: 1),
        "binary data: \(controls) of the first \(sample.count) bytes of '\(name)' are control characters")
    }
  }
}

/// A lexer's token memory (`ZoneLexer.textBytes`), freed with the last lexer holding it.
final class TokenStorage {
  let base: UnsafeMutablePointer<UInt8>
  let capacity: Int

  init(capacity: Int) {
    base = .allocate(capacity: capacity)
    self.capacity = capacity
  }

  deinit { base.deallocate() }
}
