/// What DNS resolution learned about the records at one name: filled by `PolicyResolver`, read by
/// the rules that count through includes (SPF003, SPF114, SPF201) and the DNS rules.
public struct ResolutionFacts: Hashable, Sendable {
  /// The owner name the records were resolved for (`%{d}`), when known.
  public var name: String?
  /// The include tree of each record a receiver selects as SPF, by the record's index among the
  /// name's TXT records.
  public var trees: [Int: PolicyTree]

  /// Creates facts.
  public init(name: String? = nil, trees: [Int: PolicyTree] = [:]) {
    self.name = name
    self.trees = trees
  }

  /// The include tree of a linted record, when it was resolved.
  public func tree(of record: LintedRecord) -> PolicyTree? { trees[record.index] }
}
