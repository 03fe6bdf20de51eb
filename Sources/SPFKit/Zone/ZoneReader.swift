/// Reads the TXT and SPF records of an RFC 1035 §5 master file, as BIND reads it, one record at a
/// time: memory holds one input chunk per open file and the current record, never the file.
///
/// Supported: `$ORIGIN`, `$TTL`, `$INCLUDE file [origin]` (through the injected opener; at most
/// 16 files deep, loops rejected), `@`, a blank owner repeating the previous owner (an included
/// file starts with the including file's owner and does not change it), relative and absolute
/// names with `\X` and `\DDD` escapes, TTL (`3600`, `1h30m`) and class in either order,
/// parentheses across lines, `;` comments, quoted and unquoted character-strings, `TYPE16`,
/// `TYPE99` and RFC 3597 generic data (`\# 4 03616263`). Every other record type is tokenized and
/// skipped; `$GENERATE` is not expanded: a line that makes other types is skipped, one that makes
/// TXT or SPF records is an error (the records would go unlinted).
///
/// Reading stops at the first error, as BIND does: `next()` throws it, then returns nil. Invalid
/// UTF-8 and strings over 255 octets are not errors here: SPF lint reports them.
///
/// Not `Sendable`: it owns its inputs, which may hold file descriptors.
public struct ZoneReader {
  /// The deepest `$INCLUDE` nesting allowed: the top file includes at depth 1.
  public static let maximumIncludeDepth = 16
  /// The longest TXT data of one record, in wire octets (RFC 1035 §3.2.1 RDLENGTH).
  public static let maximumDataLength = 65_535

  var current: ZoneFileState
  var parents: [ZoneFileState] = []
  let opener: ZoneIncludeOpener?
  /// The class of the zone: records naming another class are errors.
  let zoneClass: UInt16 = 1
  /// The `$TTL` value, for the whole load (BIND keeps it across `$INCLUDE`).
  var defaultTTL: UInt32?
  /// The last explicit TTL, used when there is no `$TTL` (RFC 1035 §5.1).
  var lastTTL: UInt32?
  var finished = false
  /// Whether a name written with bytes that are not UTF-8 is an error (at the first such byte).
  ///
  /// BIND reads such bytes as plain octets, and so does this reader by default. A tool that
  /// prints names (in messages, JSON or SARIF) sets this: octets outside UTF-8 can still be
  /// written as `\DDD` escapes.
  public var requiresUTF8Names = false
  /// Whether A, AAAA, MX and PTR records are read into `addressRecords` (for a draft zone that
  /// answers DNS questions); by default they are skipped like every type but TXT and SPF.
  public var collectsAddressData = false
  /// The A, AAAA, MX and PTR records read so far, when `collectsAddressData` is set.
  public internal(set) var addressRecords: [ZoneAddressRecord] = []
  /// False during `nextOwner()` and `nextOwnerKey()`: records are checked but their strings are dropped.
  var keepsData = true
  /// True during `nextOwnerKey()`: records are checked, no `ZoneRecord` is built; `ownerKey` holds
  /// the owner's key.
  var keepsOwnerKeyOnly = false
  /// The key of the last record's owner, set during `nextOwnerKey()`.
  var ownerKey = 0
  /// The record the last step read, until `next()` hands it out.
  var readRecord: ZoneRecord?
  /// How many TXT and SPF records have been read, in every file.
  public internal(set) var recordCount = 0
  /// Whether an `$INCLUDE` file was opened.
  public internal(set) var hasIncluded = false
  /// When set, `resumePoints` gathers a point at most every this many bytes of the top file.
  public var resumePointSpacing: Int?
  /// Lines of the top file a reader can start again at (`init(resumingAt:source:opener:)`), in
  /// file order, when `resumePointSpacing` is set.
  public internal(set) var resumePoints: [ZoneResumePoint] = []

  /// Creates a reader of `source`, completing relative names with `origin`.
  ///
  /// - Parameters:
  ///   - source: the top file.
  ///   - origin: the zone's origin until a `$ORIGIN` changes it; the root by default.
  ///   - opener: opens `$INCLUDE` files; without one, `$INCLUDE` is an error.
  public init(source: ZoneSource, origin: ZoneName = .root, opener: ZoneIncludeOpener? = nil) {
    current = ZoneFileState(source: source, origin: origin, owner: ZoneOwner())
    self.opener = opener
  }

  /// The next TXT or SPF record, or nil at the end of the top file.
  ///
  /// - Throws: `ZoneReadError` with the file, line and column of the first problem; reading then
  ///   stops and later calls return nil.
  public mutating func next() throws(ZoneReadError) -> ZoneRecord? {
    guard try step() else { return nil }
    return readRecord.take()
  }

  /// Reads the next TXT or SPF record; false at the end of the top file (and after an error).
  private mutating func step() throws(ZoneReadError) -> Bool {
    guard !finished else { return false }
    do {
      if try readNextRecord() { return true }
      finished = true
      return false
    } catch {
      finished = true
      parents.removeAll()
      throw error
    }
  }

  /// The owner of the next TXT or SPF record, or nil at the end of the top file: the record is
  /// read and checked as by `next()`, but its strings are not kept. For a quick first pass.
  ///
  /// - Throws: `ZoneReadError`, as `next()` does.
  public mutating func nextOwner() throws(ZoneReadError) -> ZoneName? {
    keepsData = false
    defer { keepsData = true }
    return try next()?.owner
  }

  /// A key of the owner of the next TXT or SPF record, or nil at the end of the top file: equal
  /// for owners equal as DNS compares them, and rarely for others. The record is read and checked as
  /// by `next()`, but neither its strings nor its owner's name are built: the cheapest first pass.
  ///
  /// - Throws: `ZoneReadError`, as `next()` does.
  public mutating func nextOwnerKey() throws(ZoneReadError) -> Int? {
    keepsData = false
    keepsOwnerKeyOnly = true
    defer {
      keepsData = true
      keepsOwnerKeyOnly = false
    }
    return try step() ? ownerKey : nil
  }

  /// Reads tokens until a TXT or SPF record is complete (true) or the top file ends (false).
  private mutating func readNextRecord() throws(ZoneReadError) -> Bool {
    while true {
      let token = try current.lexer.next()
      switch token {
      case .end:
        guard let parent = parents.popLast() else { return false }
        current = parent
      case .lineEnd:
        let codes = current.takeSuppressedCodes()
        if !codes.isEmpty {
          current.pendingCodes = codes
          current.pendingLine = current.lexer.suppressionLine
        }
      case .word where current.lexer.location.column == 1 && current.lexer.textBytes.first == 0x24:
        try directive()
        _ = current.takeSuppressedCodes()
      case .word, .quoted:
        if resumePointSpacing != nil { noteResumePoint() }
        let isRecord = try record(startingWith: token)
        _ = current.takeSuppressedCodes()
        if isRecord {
          recordCount += 1
          return true
        }
      }
    }
  }

  /// The codes that apply to a record that started on `line`, gathered while reading it.
  mutating func suppressedCodes(recordLine line: Int) -> Set<String> {
    var codes = Set(current.takeSuppressedCodes())
    if current.pendingLine == line - 1 { codes.formUnion(current.pendingCodes) }
    return codes
  }
}
