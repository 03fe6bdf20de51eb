/// Control entries (RFC 1035 §5.1, RFC 2308 §4): `$ORIGIN`, `$TTL`, `$INCLUDE`, and BIND's `$GENERATE`.
extension ZoneReader {
  /// Handles the directive whose name is the current word, through the end of its line.
  mutating func directive() throws(ZoneReadError) {
    let word = current.lexer.text
    let location = current.lexer.location
    switch String(decoding: word.map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 }, as: UTF8.self) {
    case "$ORIGIN":
      let (raw, nameLocation) = try argument(of: "$ORIGIN", at: location)
      current.origin = try name(raw, at: nameLocation)
      try expectLineEnd(after: "$ORIGIN")
    case "$TTL":
      let (raw, ttlLocation) = try argument(of: "$TTL", at: location)
      switch ZoneTTL.parse(raw) {
      case .seconds(let seconds): defaultTTL = seconds
      case .invalid: throw current.error(at: ttlLocation, "invalid TTL '\(display(raw))'")
      case .outOfRange:
        throw current.error(at: ttlLocation, "TTL '\(display(raw))' is out of range: more than 4294967295 seconds")
      }
      try expectLineEnd(after: "$TTL")
    case "$INCLUDE":
      try include(at: location)
    case "$GENERATE":
      try generate(at: location)
    default:
      throw current.error(at: location, "unknown directive '\(display(word))'")
    }
  }

  /// Reads BIND's `$GENERATE range owner [ttl] [class] type data` far enough to know its type. Records
  /// of other types are skipped like every type but TXT and SPF. TXT and SPF ones are an error: this
  /// reader does not expand them, and a lint that left them out would report a zone it never read.
  private mutating func generate(at location: SourceLocation) throws(ZoneReadError) {
    var fields = 0
    while true {
      switch try current.lexer.next() {
      case .lineEnd, .end:
        return
      case .quoted:
        return try current.lexer.skipLine()
      case .word:
        fields += 1
        // The range and the owner template come first; then TTL and class, each optional.
        guard fields > 2 else { continue }
        let word = current.lexer.textBytes
        if word.first.map({ $0 >= 0x30 && $0 <= 0x39 }) ?? false { continue }
        if ResourceRecordType.classCode(of: word) != nil { continue }
        let code = ResourceRecordType.code(of: word)
        guard code == ZoneRecord.RecordType.txt.code || code == ZoneRecord.RecordType.spf.code else {
          return try current.lexer.skipLine()
        }
        throw current.error(
          at: current.lexer.location,
          "'$GENERATE' of \(display(word)) records is not supported: they would go unlinted; lint the zone as "
            + "named-compilezone writes it, expanded")
      }
    }
  }

  /// Reads `$INCLUDE path [origin]` and makes the included file current.
  private mutating func include(at location: SourceLocation) throws(ZoneReadError) {
    let token = try current.lexer.next()
    guard token == .word || token == .quoted else {
      throw current.error(at: location, "missing file name after '$INCLUDE'")
    }
    let path = display(current.lexer.text)
    let pathLocation = current.lexer.location
    var origin = current.origin
    switch try current.lexer.next() {
    case .lineEnd, .end: break
    case .quoted:
      throw current.error(at: current.lexer.location, "expected an origin after the '$INCLUDE' file name")
    case .word:
      origin = try name(current.lexer.text, at: current.lexer.location)
      try expectLineEnd(after: "$INCLUDE")
    }
    guard parents.count < ZoneReader.maximumIncludeDepth else {
      throw current.error(
        at: pathLocation, "'$INCLUDE' of '\(path)' nests deeper than \(ZoneReader.maximumIncludeDepth) files")
    }
    guard let opener else {
      throw current.error(at: location, "'$INCLUDE' is not supported here: no way to open '\(path)'")
    }
    let source: ZoneSource
    do {
      source = try opener(path, current.name)
    } catch {
      throw current.error(at: pathLocation, "cannot open '\(path)': \(error)")
    }
    if source.name == current.name || parents.contains(where: { $0.name == source.name }) {
      throw current.error(at: pathLocation, "include loop: '\(source.name)' is already being read")
    }
    let child = ZoneFileState(source: source, origin: origin, owner: current.owner)
    hasIncluded = true
    // Codes of a comment on this line apply to no record (as on any directive's line): dropped
    // here, as the caller's drop after `directive()` reaches the included file's state.
    _ = current.takeSuppressedCodes()
    parents.append(current)
    current = child
  }

  /// The one word after a directive, and its location.
  private mutating func argument(of directive: String, at location: SourceLocation) throws(ZoneReadError)
    -> ([UInt8], SourceLocation)
  {
    guard try current.lexer.next() == .word else {
      throw current.error(at: location, "missing argument after '\(directive)'")
    }
    return (current.lexer.text, current.lexer.location)
  }

  /// Requires the logical line to end here.
  private mutating func expectLineEnd(after directive: String) throws(ZoneReadError) {
    switch try current.lexer.next() {
    case .lineEnd, .end: return
    case .word, .quoted:
      throw current.error(
        at: current.lexer.location, "unexpected '\(display(current.lexer.text))' after the '\(directive)' argument")
    }
  }

  /// Parses a name written at `location`, relative to the current origin.
  private func name(_ raw: [UInt8], at location: SourceLocation) throws(ZoneReadError) -> ZoneName {
    if requiresUTF8Names { try checkUTF8(raw, at: location) }
    var wire: [UInt8] = []
    do {
      let form = try ZoneName.parse(raw, origin: current.origin, into: &wire)
      return ZoneName(wire: wire, text: ZoneName.absoluteText(raw, form: form, origin: current.origin))
    } catch {
      throw current.error(error, in: location)
    }
  }
}
