/// The facts of one record that rules decide from before reading its terms: plain values, so a rule
/// reads them in place (`LintContext.forEachSPFRecord(where:_:)`).
///
/// Most rules report nothing for most records, and can tell so from these. Reading the record itself
/// to tell would hold it and its tag array, an atomic reference count each, for every rule and every
/// record.
struct RecordFacts: Sendable {
  /// Index of the record among the name's TXT records.
  var index: Int
  /// How a receiver sees the record.
  var role: LintedRecord.Role
  /// The span of `v=spf1` (or what stands for it), for a parsed record.
  var versionSpan: SourceSpan?
  /// Whether the record was parsed (selected records and near misses).
  var isParsed: Bool
  /// Whether the parse found a syntax issue.
  var hasIssues: Bool
  /// The kinds of the terms.
  var kinds: TermKinds
  /// The kinds written more than once (of `LintedRecord.writtenTags`).
  var repeatedWrittenKinds: TermKinds
  /// The index of the first `all`, the only one ever evaluated, and its qualifier.
  var firstAll: (index: Int, qualifier: Qualifier)?
  /// The number of terms.
  var termCount: Int
  /// The number of DNS-querying terms (`LintedRecord.lookups`).
  var lookupCount: Int
  /// The number of ip4 and ip6 networks (`LintedRecord.networks`).
  var networkCount: Int
  /// The number of character-strings.
  var stringCount: Int
  /// The length of the joined text in bytes.
  var length: Int
}
