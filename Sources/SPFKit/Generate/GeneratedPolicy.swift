/// A generated policy: the TXT records to publish, main record first, then the include chain in
/// order, and the report of what it costs.
public struct GeneratedPolicy: Hashable, Sendable {
  /// One TXT record to publish.
  public struct Record: Hashable, Sendable {
    /// The owner name, without a trailing dot; nil for the main record when no domain was given.
    public var owner: String?
    /// The record as character-strings of at most 255 octets each.
    public var txt: TXTRecord
    /// The SPF record the strings hold.
    public var spf: SPFRecord

    /// Creates a record.
    public init(owner: String?, txt: TXTRecord, spf: SPFRecord) {
      self.owner = owner
      self.txt = txt
      self.spf = spf
    }
  }

  /// The records: main record first, then `_spf1.NAME`, `_spf2.NAME`, ...
  public var records: [Record]
  /// Lookups, widening cost and notes.
  public var report: GenerationReport

  /// Creates a policy.
  public init(records: [Record], report: GenerationReport) {
    self.records = records
    self.report = report
  }
}

/// What a generated policy costs and what the generator changed on the way.
public struct GenerationReport: Hashable, Sendable {
  /// DNS lookups the policy makes at most (RFC 7208 §4.6.4): its `a`, `mx`, `include`, `exists`,
  /// `ptr` and `redirect` terms, one each, and one per include-chain member. Lookups inside
  /// included policies are not known without DNS (see `lint --resolve`).
  public var lookups: Int
  /// How many of `lookups` are include-chain members.
  public var chainLookups: Int
  /// The blocks widening made, with the unlisted addresses each authorizes; empty when exact.
  public var widening: WideningReport
  /// What was dropped or decided while merging, lowercase sentences.
  public var notes: [String]

  /// Creates a report.
  public init(lookups: Int, chainLookups: Int, widening: WideningReport = WideningReport(), notes: [String] = []) {
    self.lookups = lookups
    self.chainLookups = chainLookups
    self.widening = widening
    self.notes = notes
  }
}
