/// The facts a rule looks at: one name's TXT records, classified and parsed once.
///
/// Every rule receives the context, so its facts live in one shared immutable object: handing it to
/// 30-odd rules costs a reference count each, not one per field.
public struct LintContext: Sendable {
  private final class Storage: Sendable {
    let name: String?
    let records: [LintedRecord]
    let spfRecords: [LintedRecord]
    let selectedRecords: [LintedRecord]
    let resolution: ResolutionFacts?
    /// Whether `resolution` is set: read by rules for every record, and reading the optional copies it.
    let isResolving: Bool
    let zone: ZoneFacts?

    init(name: String?, records: [LintedRecord], resolution: ResolutionFacts?, zone: ZoneFacts?) {
      self.name = name
      self.records = records
      let single = records.count == 1
      spfRecords = single && records[0].isParsed ? records : records.filter(\.isParsed)
      selectedRecords = single && records[0].role == .selected ? records : records.filter { $0.role == .selected }
      self.resolution = resolution
      isResolving = resolution != nil
      self.zone = zone
    }
  }

  private var storage: Storage

  /// Findings below this severity are counted, not shown (set by `Linter.detailThreshold`).
  public var detailThreshold: Severity = .info

  /// Whether findings of `severity` are shown, so worth their message and notes.
  public func wantsDetail(_ severity: Severity) -> Bool { severity >= detailThreshold }

  /// The owner name, when known (a zone owner or a `--domain`).
  public var name: String? {
    get { storage.name }
    set { storage = Storage(name: newValue, records: records, resolution: resolution, zone: zone) }
  }
  /// Every TXT record at the name, in the order given.
  public var records: [LintedRecord] { storage.records }
  /// The records that are SPF or meant to be (selected or near misses), with their parse.
  public var spfRecords: [LintedRecord] { storage.spfRecords }
  /// The records a receiver selects as SPF (RFC 7208 §4.5).
  public var selectedRecords: [LintedRecord] { storage.selectedRecords }
  /// Facts learned over DNS (the include tree and its lookups), when resolving.
  public var resolution: ResolutionFacts? {
    get { storage.resolution }
    set { storage = Storage(name: name, records: records, resolution: newValue, zone: zone) }
  }
  /// Whether `resolution` is set, without copying it.
  var isResolving: Bool { storage.isResolving }
  /// Whether any SPF record has a syntax issue: most names have none, and the rules that only report
  /// the parser's issues are then not called (read once a lint, by `Linter`).
  var hasSyntaxIssues: Bool { storage.spfRecords.contains(where: \.hasIssues) }
  /// Facts of a zone file (record types, suppression comments), when the records come from one.
  public var zone: ZoneFacts? {
    get { storage.zone }
    set { storage = Storage(name: name, records: records, resolution: resolution, zone: newValue) }
  }

  /// Which of the name's records a rule reads.
  enum RecordSet {
    /// Every TXT record.
    case all
    /// The records that are SPF or meant to be (`spfRecords`).
    case spf
    /// The records a receiver selects as SPF (`selectedRecords`).
    case selected
  }

  /// Calls `body` with each record of `set` whose facts are `wanted`, in order.
  ///
  /// Rules read the records through this, not through `spfRecords`: a record or an array held in a
  /// local is reference-counted (an atomic operation) for every rule and every record, while facts read
  /// in place are not. Only a wanted record is handed to `body`.
  func forEachRecord(of set: RecordSet, where wanted: (RecordFacts) -> Bool, _ body: (LintedRecord) -> Void) {
    switch set {
    case .all: Self.forEach(in: storage.records, where: wanted, body)
    case .spf: Self.forEach(in: storage.spfRecords, where: wanted, body)
    case .selected: Self.forEach(in: storage.selectedRecords, where: wanted, body)
    }
  }

  /// Calls `body` with each SPF record (selected or near miss) whose facts are `wanted`, in order.
  func forEachSPFRecord(where wanted: (RecordFacts) -> Bool, _ body: (LintedRecord) -> Void) {
    forEachRecord(of: .spf, where: wanted, body)
  }

  /// Calls `body` with each record a receiver selects as SPF whose facts are `wanted`, in order.
  func forEachSelectedRecord(where wanted: (RecordFacts) -> Bool, _ body: (LintedRecord) -> Void) {
    forEachRecord(of: .selected, where: wanted, body)
  }

  /// Calls `body` with the facts of each record of `set`, in order: for a rule that reports from the
  /// facts alone.
  func forEachFacts(of set: RecordSet, _ body: (RecordFacts) -> Void) {
    forEachRecord(
      of: set,
      where: {
        body($0)
        return false
      }
    ) { _ in }
  }

  /// Reads `records` by position: a `for` loop would hold the array and each record.
  @inline(__always)
  private static func forEach(
    in records: [LintedRecord], where wanted: (RecordFacts) -> Bool, _ body: (LintedRecord) -> Void
  ) {
    var position = 0
    while position < records.count {
      if wanted(records[position].facts) { body(records[position]) }
      position += 1
    }
  }

  /// Classifies and parses the records.
  public init(records: [TXTRecord], name: String? = nil, resolution: ResolutionFacts? = nil, zone: ZoneFacts? = nil) {
    let linted = records.enumerated().map { LintedRecord(index: $0.offset, txt: $0.element) }
    storage = Storage(name: name, records: linted, resolution: resolution, zone: zone)
  }

  /// Facts of records classified and parsed before (a `LintMemo`'s), at `name`.
  init(linted: [LintedRecord], name: String?, zone: ZoneFacts?) {
    storage = Storage(name: name, records: linted, resolution: nil, zone: zone)
  }
}

/// One TXT record with its SPF role and parse.
///
/// Every rule reads every record, so the facts live in one immutable shared object: copying a
/// `LintedRecord` costs one reference count, not one per field.
public struct LintedRecord: Sendable {
  private final class Storage: Sendable {
    let txt: TXTRecord
    let parsed: ParsedRecord?
    let lookups: RecordLookups?
    let tags: [TermTag]
    let writtenTags: [TermTag]
    let networks: [RecordNetwork]
    let facts: RecordFacts

    init(index: Int, txt: TXTRecord) {
      self.txt = txt
      let bytes = txt.joined
      let role = Role(bytes)
      let parsed = role == .other ? nil : SPFParser.parse(bytes)
      self.parsed = parsed
      let hasIssues = !(parsed?.issues.isEmpty ?? true)
      let tags = parsed?.record.terms.map(\.tag) ?? []
      self.tags = tags
      let writtenTags = LintedRecord.writtenTags(tags, parsed?.record.terms ?? [], bytes)
      self.writtenTags = writtenTags
      let lookups = parsed.map { _ in RecordLookups(tags: writtenTags) }
      self.lookups = lookups
      let networks = parsed.map { RecordNetwork.networks(of: $0.record.terms, tags: tags) } ?? []
      self.networks = networks
      // Written tags differ from the parsed ones only where a term is invalid: most records count once.
      let kinds = TermKinds.of(tags)
      let writtenKinds = tags.contains(.invalid) ? TermKinds.of(writtenTags) : kinds
      let firstAll = tags.firstIndex { $0.mechanismKind == .all }
      let allQualifier: Qualifier? =
        if let firstAll, case .directive(_, let qualifier) = tags[firstAll] { qualifier } else { nil }
      facts = RecordFacts(
        index: index, role: role, versionSpan: parsed?.record.versionSpan, isParsed: parsed != nil,
        hasIssues: hasIssues, kinds: kinds.present, repeatedWrittenKinds: writtenKinds.repeated,
        firstAll: firstAll.flatMap { index in allQualifier.map { (index, $0) } }, termCount: tags.count,
        lookupCount: lookups?.count ?? 0, networkCount: networks.count, stringCount: txt.strings.count,
        length: bytes.count)
    }
  }

  private let storage: Storage

  /// Index of the record among the name's TXT records.
  public var index: Int { storage.facts.index }
  /// The record as published.
  public var txt: TXTRecord { storage.txt }
  /// How a receiver sees it.
  public var role: Role { storage.facts.role }
  /// The parse, for selected records and near misses.
  public var parsed: ParsedRecord? { storage.parsed }
  /// The record's own DNS-querying terms, counted once for every rule that needs them.
  var lookups: RecordLookups? { storage.lookups }
  /// The tag of every term, index-aligned with `record.terms`: rules scan these, not the terms.
  var tags: [TermTag] { storage.tags }
  /// The tag of every term as written, index-aligned with `record.terms`: a malformed term tagged as
  /// what its name says it is (see `TermTag.written`).
  var writtenTags: [TermTag] { storage.writtenTags }
  /// The record's ip4 and ip6 networks as plain values, when it has two or more.
  var networks: [RecordNetwork] { storage.networks }
  /// Whether the parse found a syntax issue: rules that report issues skip a clean record without
  /// copying its parse (a reference count per field, for each of them, for every record).
  var hasIssues: Bool { storage.facts.hasIssues }

  /// The facts rules decide from before reading the terms.
  var facts: RecordFacts { storage.facts }
  /// Whether the record was parsed, without copying the parse.
  var isParsed: Bool { storage.facts.isParsed }

  /// How a receiver sees a TXT record.
  public enum Role: Hashable, Sendable {
    /// Starts with `v=spf1` and a space or the end: selected as SPF (RFC 7208 §4.5).
    case selected
    /// Looks like SPF (`v=spf2`, `"v=spf1 …"`, a leading space) but is not selected.
    case nearMiss
    /// Any other TXT record (site verification, Sender ID `spf2.0/` records and the like).
    case other

    /// How a receiver sees the joined text of a TXT record: decided from its start, without parsing.
    public init(_ bytes: [UInt8]) {
      if SPFRecord.isSelected(bytes) {
        self = .selected
      } else if LintedRecord.looksLikeSPF(bytes), SenderIDRecord.senderIDTagEnd(bytes) == nil {
        self = .nearMiss
      } else {
        self = .other
      }
    }
  }

  /// Classifies and, for SPF-like records, parses.
  public init(index: Int, txt: TXTRecord) { storage = Storage(index: index, txt: txt) }

  /// Whether the joined text is a Sender ID record (`spf2.0/...`, RFC 4406): not SPF, but SPF118's concern.
  public static func isSenderID(_ bytes: [UInt8]) -> Bool { SenderIDRecord.senderIDTagEnd(bytes) != nil }

  /// The record, when parsed.
  public var record: SPFRecord? { storage.parsed?.record }

  /// The tags with each malformed term's replaced by what it was written as; the same array when all are valid.
  static func writtenTags(_ tags: [TermTag], _ terms: [Term], _ bytes: [UInt8]) -> [TermTag] {
    guard tags.contains(.invalid) else { return tags }
    return tags.indices.map { index in
      tags[index] == .invalid ? TermTag.written(bytes[clamped: terms[index].span]) : tags[index]
    }
  }

  /// Whether text not selected as SPF was most likely meant to be: after blanks and quotes it
  /// starts with `v=spf` or `spf` (any case).
  static func looksLikeSPF(_ bytes: [UInt8]) -> Bool {
    var index = 0
    while index < bytes.count {
      if bytes[index] == 0x20 || bytes[index] == 0x09 {
        index += 1
      } else if let quote = Quote.opening(bytes, at: index) {
        index += quote
      } else {
        break
      }
    }
    func hasPrefix(_ prefix: StaticString) -> Bool {
      prefix.withUTF8Buffer { expected in
        guard bytes.count - index >= expected.count else { return false }
        for (offset, byte) in expected.enumerated() where bytes[index + offset] | 0x20 != byte { return false }
        return true
      }
    }
    return hasPrefix("v=spf") || hasPrefix("spf") || hasPrefix("v =spf") || hasPrefix("v= spf")
  }
}
