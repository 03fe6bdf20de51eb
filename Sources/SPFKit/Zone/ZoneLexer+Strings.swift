/// Words, quoted strings and comments.
extension ZoneLexer {
  /// Scans an unquoted word: up to a blank, newline, `;`, `(`, `)` or `"` that is not escaped.
  ///
  /// Escapes stay as written (`\.` in a name differs from `.`); the consumer decodes them.
  /// A backslash before a newline is an error, as in BIND.
  mutating func word() throws(ZoneReadError) {
    location = here
    // The last token's bytes are replaced by the first run captured, not cleared first: a clear is a
    // generic range replacement of its own, once per token of every line.
    var replacing = true
    defer { if replacing { clearText() } }
    while let byte = try peek() {
      if ZoneLexer.isPlainWordByte(byte) {
        // The run of plain bytes left in this chunk, copied at once: every line has words.
        let start = index
        index = chunk.withUnsafeBufferPointer { bytes in
          var end = start + 1
          while end < bytes.count, ZoneLexer.isPlainWordByte(bytes[end]) { end += 1 }
          return end
        }
        if capturing {
          captureChunkBytes(start..<index, replacing: replacing)
          replacing = false
        }
        continue
      }
      switch byte {
      case 0x20, 0x09, 0x0D, 0x0A, 0x3B, 0x28, 0x29, 0x22: return try checkLineLength()
      case 0x00: throw binary(at: here)
      default:  // a backslash, the only byte left
        let backslash = here
        index += 1
        guard let escaped = try peek(), escaped != 0x0A else {
          throw error(at: backslash, "backslash at the end of a line")
        }
        if escaped == 0 { throw binary(at: here) }
        index += 1
        if capturing {
          if replacing { clearText() }
          replacing = false
          appendText(byte)
          appendText(escaped)
        }
      }
    }
  }

  /// Appends the chunk's bytes in `range` to the token's bytes as one copy, or with `replacing`,
  /// puts them in place of them.
  @inline(__always)
  mutating func captureChunkBytes(_ range: Range<Int>, replacing: Bool = false) {
    let start = replacing ? 0 : textCount
    let target = writableText(toHold: start + range.count)
    chunk.withUnsafeBufferPointer { bytes in
      guard let source = bytes.baseAddress else { return }
      (target + start).initialize(from: source + range.lowerBound, count: range.count)
    }
    textCount = start + range.count
  }

  /// Appends one byte to the token's bytes.
  @inline(__always)
  mutating func appendText(_ byte: UInt8) {
    writableText(toHold: textCount + 1)[textCount] = byte
    textCount += 1
  }

  /// The token memory, with room for `count` bytes and this lexer's alone: the bytes kept so far
  /// are moved to new memory when it is too small or a copy of the lexer shares it.
  @inline(__always)
  private mutating func writableText(toHold count: Int) -> UnsafeMutablePointer<UInt8> {
    if count > tokenStorage.capacity || !isKnownUniquelyReferenced(&tokenStorage) { moveText(toHold: count) }
    return tokenStorage.base
  }

  @inline(never)
  private mutating func moveText(toHold count: Int) {
    let capacity = count > tokenStorage.capacity ? max(count, tokenStorage.capacity * 2) : tokenStorage.capacity
    let moved = TokenStorage(capacity: capacity)
    moved.base.initialize(from: tokenStorage.base, count: textCount)
    tokenStorage = moved
  }

  /// Empties the token's bytes for the next token.
  @inline(__always)
  mutating func clearText() { textCount = 0 }

  /// Whether a byte is part of an unquoted word as it stands: not a delimiter (blank, newline,
  /// `;`, `(`, `)`, `"`), NUL or backslash. A bit mask, not a switch: it runs for every byte.
  @inline(__always)
  static func isPlainWordByte(_ byte: UInt8) -> Bool {
    // Bits 0x00, 0x09, 0x0A, 0x0D, 0x20, 0x22, 0x28, 0x29, 0x3B.
    byte >= 0x40 ? byte != 0x5C : (0x0800_0305_0000_2601 as UInt64) >> byte & 1 == 0
  }

  /// Whether a byte inside quotes is text as it stands: not a quote, newline, NUL or backslash.
  @inline(__always)
  static func isPlainQuotedByte(_ byte: UInt8) -> Bool {
    // Bits 0x00, 0x0A, 0x22.
    byte >= 0x40 ? byte != 0x5C : (0x0004_0000_0401 as UInt64) >> byte & 1 == 0
  }

  /// Whether all eight bytes of `word` are `isPlainQuotedByte`, decided at once.
  @inline(__always)
  static func isPlainQuoted(word: UInt64) -> Bool {
    !ByteWord.contains(0x00, in: word) && !ByteWord.contains(0x0A, in: word) && !ByteWord.contains(0x22, in: word)
      && !ByteWord.contains(0x5C, in: word)
  }

  /// Scans a quoted character-string from its opening quote, unescaping `\X` and `\DDD`.
  ///
  /// A newline inside the quotes ends the string with an error unless escaped: BIND then keeps
  /// the newline byte (the string's later bytes are still located on its first line).
  mutating func quoted() throws(ZoneReadError) {
    let open = here
    index += 1
    location = SourceLocation(line: open.line, column: open.column + 1)
    // As in `word()`: the first run captured replaces the last token's bytes.
    var replacing = true
    defer { if replacing { clearText() } }
    if !escapes.isEmpty { escapes.removeAll(keepingCapacity: true) }
    while let byte = try peek() {
      switch byte {
      case 0x22:
        index += 1
        return try checkLineLength()
      case 0x0A: throw unterminated(open)
      case 0x00: throw binary(at: here)
      case 0x5C:
        // An escape is marked at the text's length so far: the text must be this string's.
        if replacing { clearText() }
        replacing = false
        try escape(open: open)
      default:
        // The run of plain bytes left in this chunk, copied at once; found eight bytes at a time,
        // as TXT data is most of a zone's bytes.
        let start = index
        index = chunk.withUnsafeBufferPointer { bytes in
          var end = start + 1
          if let base = bytes.baseAddress {
            while bytes.count - end >= 8,
              ZoneLexer.isPlainQuoted(word: UnsafeRawPointer(base + end).loadUnaligned(as: UInt64.self))
            {
              end += 8
            }
          }
          while end < bytes.count, ZoneLexer.isPlainQuotedByte(bytes[end]) { end += 1 }
          return end
        }
        if capturing {
          captureChunkBytes(start..<index, replacing: replacing)
          replacing = false
        }
      }
    }
    throw unterminated(open)
  }

  private func unterminated(_ open: SourceLocation) -> ZoneReadError {
    error(at: open, "unterminated character-string: no closing '\"' on the line")
  }

  /// Decodes the escape under the cursor (a backslash) inside quotes.
  private mutating func escape(open: SourceLocation) throws(ZoneReadError) {
    let backslash = here
    index += 1
    guard let next = try peek() else { throw unterminated(open) }
    guard next >= 0x30, next <= 0x39, capturing else {
      if next == 0 { throw binary(at: here) }
      if next == 0x0A {
        try newline()
        if textCount > ZoneReader.maximumDataLength {
          throw error(at: open, "character-string is longer than \(ZoneReader.maximumDataLength) octets")
        }
      } else {
        index += 1
      }
      if capturing {
        escapes.append(EscapeMark(byteIndex: textCount, sourceLength: 2))
        appendText(next)
      }
      return
    }
    var value = 0
    var digits: [UInt8] = []
    for _ in 0..<3 {
      guard let digit = try peek(), digit >= 0x30, digit <= 0x39 else {
        let seen = String(decoding: digits, as: UTF8.self)
        throw error(at: backslash, "escape '\\\(seen)' needs three decimal digits ('\\DDD')")
      }
      digits.append(digit)
      value = value * 10 + Int(digit - 0x30)
      index += 1
    }
    guard value <= 255 else {
      throw error(at: backslash, "escape '\\\(String(decoding: digits, as: UTF8.self))' is greater than 255")
    }
    escapes.append(EscapeMark(byteIndex: textCount, sourceLength: 4))
    appendText(UInt8(value))
  }

  /// Skips a comment from `;` to the end of the line, keeping the codes of `spfkit-disable`.
  mutating func comment() throws(ZoneReadError) {
    let commentLine = line
    index += 1
    var prefix: [UInt8] = []
    var isDirective = false
    while let byte = try peek(), byte != 0x0A {
      if byte == 0 { throw binary(at: here) }
      index += 1
      if isDirective {
        prefix.append(byte)
      } else if prefix.count < SuppressionComment.keyword.count {
        if prefix.isEmpty, byte == 0x20 || byte == 0x09 { continue }
        prefix.append(byte)
        if !SuppressionComment.keyword.starts(with: prefix) { return try skipToNewline() }
        if prefix.count == SuppressionComment.keyword.count {
          isDirective = true
          prefix.removeAll()
        }
      }
    }
    guard isDirective, let codes = SuppressionComment.codes(in: prefix) else { return }
    // Bounded, so a record spanning many comment lines cannot grow memory without limit.
    suppressedCodes += codes.prefix(max(0, SuppressionComment.maximumCodes - suppressedCodes.count))
    suppressionLine = commentLine
  }

  /// Moves the cursor to the next newline (not consumed) or the end of the input.
  private mutating func skipToNewline() throws(ZoneReadError) {
    while let byte = try peek(), byte != 0x0A {
      if byte == 0 { throw binary(at: here) }
      index += 1
    }
  }
}
