/// What a zone file tells about one name's records beyond their text: the facts rules with
/// `requirement: .zone` read, and the suppression comments the linter applies.
///
/// Outside zone files there are none: `LintContext.zone` is nil.
public struct ZoneFacts: Hashable, Sendable {
  /// One record's facts.
  public struct Record: Hashable, Sendable {
    /// TXT, or the obsolete SPF type 99 (RFC 7208 §3.1).
    public var type: ZoneRecord.RecordType
    /// Where the type is written on the zone line.
    public var typeRange: SourceRange
    /// Codes and slugs of `; spfkit-disable ...` comments on the record's lines or the line above.
    public var suppressedCodes: Set<String>

    /// Creates a record's facts.
    public init(type: ZoneRecord.RecordType, typeRange: SourceRange, suppressedCodes: Set<String> = []) {
      self.type = type
      self.typeRange = typeRange
      self.suppressedCodes = suppressedCodes
    }
  }

  /// The facts of each record, index-aligned with `LintContext.records`.
  public var records: [Record]

  /// Creates facts.
  public init(records: [Record]) { self.records = records }

  /// The facts of records read from a zone file, in order.
  public init(_ zoneRecords: [ZoneRecord]) {
    records = zoneRecords.map { record in
      Record(
        type: record.type, typeRange: SourceRange(start: record.typeLocation, length: record.typeLength),
        suppressedCodes: record.suppressedCodes)
    }
  }

  /// Whether the record at `index` is published as TXT, the only type receivers read (RFC 7208 §4.5).
  public func isTXT(_ index: Int) -> Bool { !records.indices.contains(index) || records[index].type == .txt }

  /// Whether any record carries a suppression comment.
  var hasSuppressions: Bool { records.contains { !$0.suppressedCodes.isEmpty } }

  /// Whether a comment silences a finding of `metadata`'s rule on the record at `index`: a comment on
  /// that record, or for a rule of `.name` scope, on any record of the name.
  public func suppresses(_ metadata: RuleMetadata, record index: Int?) -> Bool {
    func names(_ record: Record) -> Bool {
      record.suppressedCodes.contains(metadata.code) || record.suppressedCodes.contains(metadata.slug)
    }
    if metadata.scope == .name { return records.contains(where: names) }
    guard let index, records.indices.contains(index) else { return false }
    return names(records[index])
  }
}
