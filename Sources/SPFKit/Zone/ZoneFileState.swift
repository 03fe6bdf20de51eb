/// What a reader knows about one file on the `$INCLUDE` stack: its lexer, origin and owner.
struct ZoneFileState {
  var lexer: ZoneLexer
  /// The origin relative names are completed with (`$ORIGIN`, or the `$INCLUDE` origin argument).
  var origin: ZoneName
  /// The last owner written; a record starting with a blank repeats it.
  var owner: ZoneOwner
  /// Codes of a comment-only `spfkit-disable` line, for the record on the next line.
  var pendingCodes: [String] = []
  /// The line of `pendingCodes`.
  var pendingLine = 0

  init(source: ZoneSource, origin: ZoneName, owner: ZoneOwner) {
    lexer = ZoneLexer(source: source)
    self.origin = origin
    self.owner = owner
  }

  /// The file's name, for messages.
  var name: String { lexer.name }

  /// An error at `location` in this file.
  func error(at location: SourceLocation, _ message: String) -> ZoneReadError {
    ZoneReadError(file: lexer.name, at: location, message)
  }

  /// The error for a bad name token whose first byte is at `location`.
  func error(_ nameError: ZoneNameError, in location: SourceLocation) -> ZoneReadError {
    error(at: SourceLocation(line: location.line, column: location.column + nameError.column - 1), nameError.message)
  }

  /// Sets the owner to the word the lexer just read. A method of the state, so that the owner,
  /// lexer and origin are its separate fields: the same call from outside copies the origin (two
  /// reference counts) for every owner line of a zone.
  mutating func setOwnerFromWord() throws(ZoneNameError) {
    try owner.set(lexer.textBytes, origin: origin)
  }

  /// Takes the codes gathered by the lexer since the last call.
  mutating func takeSuppressedCodes() -> [String] {
    defer { lexer.suppressedCodes.removeAll(keepingCapacity: true) }
    return lexer.suppressedCodes
  }
}

/// The current owner name, kept as written and checked in wire form without allocating per line;
/// the `ZoneName` value is built only when a record needs it.
struct ZoneOwner {
  private(set) var isSet = false
  private var wire: [UInt8] = []
  private var raw: [UInt8] = []
  private var form = ZoneName.Form.absolute
  private var origin = ZoneName.root
  private var cached: ZoneName?

  /// Replaces the owner with `raw` (as written), completed with `origin` when relative.
  mutating func set(_ raw: UnsafeBufferPointer<UInt8>, origin: ZoneName) throws(ZoneNameError) {
    form = try ZoneName.parse(raw, origin: origin, into: &wire)
    // One replacement, not a clear then an append: each is a generic call, for every owner line.
    self.raw.replaceSubrange(0..<self.raw.count, with: raw)
    self.origin = origin
    isSet = true
    cached = nil
  }

  /// A key of the owner: equal for names equal as DNS compares them (ASCII case folded), and
  /// rarely equal for others. Builds no name text.
  var key: Int {
    var hasher = Hasher()
    ZoneName.hashFolded(wire, into: &hasher)
    return hasher.finalize()
  }

  /// The owner as a name.
  mutating func name() -> ZoneName {
    if let cached { return cached }
    let name = ZoneName(wire: wire, text: ZoneName.absoluteText(raw, form: form, origin: origin))
    cached = name
    return name
  }
}
