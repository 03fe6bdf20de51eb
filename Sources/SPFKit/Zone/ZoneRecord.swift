/// A TXT or SPF resource record read from a zone file, with where each part was written.
public struct ZoneRecord: Hashable, Sendable {
  /// The record types a zone reader returns; every other type is read and skipped.
  public enum RecordType: Hashable, Sendable {
    /// TXT, type 16 (RFC 1035 §3.3.14).
    case txt
    /// SPF, type 99 (RFC 7208 §3.1, §14.1): obsolete, read so lint can report it.
    case spf

    /// The type's mnemonic, as a zone file writes it.
    public var mnemonic: String { self == .txt ? "TXT" : "SPF" }
    /// The type's number (RFC 6895 registry).
    public var code: UInt16 { self == .txt ? 16 : 99 }
  }

  /// The owner name, absolute: as written with `$ORIGIN` applied (`@` and a blank owner resolved).
  public var owner: ZoneName
  /// Where the owner name is written; for a blank owner (the previous one repeated), column 1 of
  /// the record's first line.
  public var ownerLocation: SourceLocation
  /// Time to live in seconds: explicit, else `$TTL`, else the last explicit TTL in the file
  /// (RFC 1035 semantics); nil when none is known. Values over 2^31 - 1 read as 0 (RFC 2181 §8).
  public var ttl: UInt32?
  /// The class number: 1 for IN (RFC 1035 §3.2.4).
  public var recordClass: UInt16
  /// TXT or SPF.
  public var type: RecordType
  /// Where the type is written (`TXT`, `SPF`, `TYPE16`, `TYPE99`).
  public var typeLocation: SourceLocation
  /// How many UTF-8 bytes the type takes as written: 3 for `SPF`, 6 for `TYPE99`.
  public var typeLength: Int
  /// The character-strings; each carries its exact `SourceOrigin` (line, column, escapes), except
  /// strings decoded from RFC 3597 generic data (`\# 4 03616263`), whose origin is nil.
  public var txt: TXTRecord
  /// The file the record is in, as named by its `ZoneSource` (an `$INCLUDE`d file's own name).
  public var file: String
  /// 1-based line where the record starts.
  public var line: Int
  /// Rule codes disabled for this record by `; spfkit-disable CODE ...` on one of its lines or
  /// on a comment-only line directly above it.
  public var suppressedCodes: Set<String>

  /// Creates a record; `typeLength` defaults to the length of the type's mnemonic.
  public init(
    owner: ZoneName, ownerLocation: SourceLocation, ttl: UInt32?, recordClass: UInt16 = 1, type: RecordType,
    typeLocation: SourceLocation, typeLength: Int? = nil, txt: TXTRecord, file: String, line: Int,
    suppressedCodes: Set<String> = []
  ) {
    self.owner = owner
    self.ownerLocation = ownerLocation
    self.ttl = ttl
    self.recordClass = recordClass
    self.type = type
    self.typeLocation = typeLocation
    self.typeLength = typeLength ?? type.mnemonic.utf8.count
    self.txt = txt
    self.file = file
    self.line = line
    self.suppressedCodes = suppressedCodes
  }
}
