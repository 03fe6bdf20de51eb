/// Why `PolicyFlattener` refuses to produce a policy.
///
/// Refusals are typed errors, not diagnostics: a flattened policy that would change results or
/// break the lookup limit is not printed at all. `isRefusal` tells a refusal (exit 1) from bad
/// input (exit 2).
public enum FlattenError: Error, Hashable, Sendable, CustomStringConvertible {
  /// A domain name given is unusable (the name as given, what is wrong).
  case invalidDomain(String, reason: String)
  /// The lookup limit is outside `FlattenOptions.lookupLimitRange`.
  case invalidLookupLimit(Int)
  /// The domain has no policy to flatten: `check_host()` ends before any term (no record, several
  /// records, a syntax error, a failed lookup); the result and why.
  case unusablePolicy(domain: String, result: SPFResult, reason: String)
  /// A term the flattened record keeps comes before a term with another qualifier that generation
  /// rule 2 puts first (networks before every lookup; then `a`, `mx`, `include`, `exists`, `ptr`):
  /// the later term would decide addresses the earlier one decided. Both terms as written.
  case reorderingChangesResults(earlier: String, later: String)
  /// The flattened policy would need more DNS lookups than allowed (RFC 7208 §4.6.4): `inRecords`
  /// in its own records (kept terms, `redirect`, the include chain), `throughKept` inside the trees
  /// of the includes and redirect it keeps.
  case tooManyLookups(inRecords: Int, throughKept: Int, limit: Int)
  /// The generator refused the flattened record.
  case generate(GenerateError)

  /// Whether this is a refusal (exit 1), not an input or usage error (exit 2).
  public var isRefusal: Bool {
    switch self {
    case .invalidDomain, .invalidLookupLimit: false
    case .unusablePolicy, .reorderingChangesResults, .tooManyLookups: true
    case .generate(let error): error.isRefusal
    }
  }

  /// What is wrong, lowercase, no trailing period, offending text in single quotes.
  public var description: String {
    switch self {
    case .invalidDomain(let name, let reason):
      "'\(name)' is not a usable domain: \(reason)"
    case .invalidLookupLimit(let limit):
      "'\(limit)' is not a usable lookup limit: use \(FlattenOptions.lookupLimitRange.lowerBound)"
        + "...\(FlattenOptions.lookupLimitRange.upperBound) (receivers stop at 10, RFC 7208 §4.6.4)"
    case .unusablePolicy(let domain, let result, let reason):
      "'\(domain)' has no policy to flatten (\(result)): \(reason)"
    case .reorderingChangesResults(let earlier, let later):
      "'\(later)' would move before '\(earlier)', which has another qualifier: the flattened record puts ip4/ip6 "
        + "first, then a, mx, include, exists, ptr, and that would change results"
    case .tooManyLookups(let inRecords, let throughKept, let limit):
      "the flattened policy needs \(inRecords + throughKept) DNS lookup\(inRecords + throughKept == 1 ? "" : "s") "
        + "(\(inRecords) in its records, "
        + "\(throughKept) through kept terms): the limit is \(limit) (RFC 7208 §4.6.4)"
    case .generate(let error):
      error.description
    }
  }
}
