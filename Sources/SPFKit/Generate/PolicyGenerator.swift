/// Builds SPF policies: `merge` makes one record of several published at one name (two `v=spf1`
/// records are a permerror, RFC 7208 §4.5), `generate` makes one from options. Both follow the
/// generation rules: exact aggregation, rule 2 term order, an include chain when the record does
/// not fit, refusal past 10 lookups or on disagreeing endings, and a self-check of every record.
public enum PolicyGenerator {
  /// Merges records published at one name into one policy: the union of their terms, duplicates
  /// dropped, IP networks aggregated exactly, and the option terms added.
  ///
  /// - Throws: `GenerateError`: `invalidRecord` for a record with a syntax error; `repeatedModifier`
  ///   for one that names `redirect=` or `exp=` twice; `disagreeingAll`
  ///   when the records end differently and `options.all` is nil; `tooManyLookups`, and the rest.
  public static func merge(_ records: [ParsedRecord], options: GenerateOptions) throws(GenerateError)
    -> GeneratedPolicy
  {
    var union = PolicyUnion()
    for (offset, parsed) in records.enumerated() {
      if let issue = parsed.issues.first { throw .invalidRecord(index: offset + 1, message: issue.message) }
      try union.add(parsed.record, index: offset + 1)
    }
    try union.add(options)
    return try build(union, options: options, isMerging: true)
  }

  /// Generates a policy from options alone; it ends in `options.all`, `-all` when nil.
  public static func generate(_ options: GenerateOptions) throws(GenerateError) -> GeneratedPolicy {
    var union = PolicyUnion()
    try union.add(options)
    return try build(union, options: options, isMerging: false)
  }

  private static func build(_ union: PolicyUnion, options: GenerateOptions, isMerging: Bool) throws(GenerateError)
    -> GeneratedPolicy
  {
    try options.validateLayout()
    let domain = try options.validatedDomain()
    let terms = try PolicyTerms(union, options: options, isMerging: isMerging)
    let packer = RecordPacker(maxLength: options.maxLength, domain: domain, chainPrefix: options.chainPrefix)
    let (packed, chain) = try packer.pack(terms)
    let records = packed.map {
      GeneratedPolicy.Record(
        owner: $0.owner, txt: TXTRecord(splittingRecordText: $0.record.description), spf: $0.record)
    }
    let report = GenerationReport(
      lookups: terms.lookupCount + chain, chainLookups: chain, widening: terms.widening, notes: terms.notes)
    let policy = GeneratedPolicy(records: records, report: report)
    try selfCheck(policy, maxLength: options.maxLength)
    return policy
  }

  /// Rule 6: every generated record re-parses with no syntax issue to the same record, fits (each
  /// string at most 255 octets, the whole text at most `maxLength`) and lints with no error.
  public static func selfCheck(_ policy: GeneratedPolicy, maxLength: Int) throws(GenerateError) {
    for record in policy.records {
      let text = record.txt.text
      let fail = { (reason: String) in
        GenerateError.selfCheckFailed(owner: record.owner ?? "", record: text, reason: reason)
      }
      let parsed = SPFParser.parse(record.txt.joined)
      if let issue = parsed.issues.first { throw fail(issue.message) }
      if parsed.record.description != record.spf.description { throw fail("it re-parses as '\(parsed.record)'") }
      if record.txt.joined.count > maxLength { throw fail("it is longer than \(maxLength) octets") }
      if record.txt.strings.contains(where: { $0.bytes.count > CharacterString.maximumLength }) {
        throw fail("a character-string is longer than \(CharacterString.maximumLength) octets")
      }
      // The linter has the last word: no generated record may carry an error finding (DESIGN rule 6).
      if let error = Linter().lint([record.txt], name: record.owner).first(where: { $0.severity == .error }) {
        throw fail("\(error.code) \(error.message)")
      }
    }
  }
}
