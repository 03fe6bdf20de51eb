/// Why the generator refuses to produce a policy (generation rules 3, 5 and 6).
///
/// Refusals are typed errors, never diagnostics: the output would be wrong or unpublishable, so
/// there is no output. `isRefusal` tells a policy decision the user can override or must accept
/// (exit 1) from bad input or options (exit 2).
public enum GenerateError: Error, Hashable, Sendable, CustomStringConvertible {
  /// A record to merge has a syntax error (1-based record index, the parser's message).
  case invalidRecord(index: Int, message: String)
  /// A record to merge names `redirect=` or `exp=` more than once (1-based record index, the
  /// modifier's name): receivers return permerror for it (RFC 7208 §6), so no merge keeps its meaning.
  case repeatedModifier(index: Int, name: String)
  /// The records end differently (`all` qualifiers or `redirect` targets); each ending as written,
  /// in record order.
  case disagreeingAll([String])
  /// The records name different `exp=` targets, as written.
  case disagreeingExplanation([String])
  /// Two terms with different qualifiers cover the same addresses or name the same lookup: one
  /// record cannot keep both meanings.
  case conflictingQualifiers(String, String)
  /// Writing the terms in rule 2 order would put `later` before `earlier`, and their qualifiers
  /// differ: an address both match would get another result.
  case orderChangesResults(earlier: String, later: String)
  /// The policy needs more than 10 DNS lookups (RFC 7208 §4.6.4): `terms` in the record itself
  /// (including `redirect`), `chain` include-chain members.
  case tooManyLookups(terms: Int, chain: Int)
  /// A record that must hold `text` cannot fit `maxLength` octets, even with an include chain.
  case recordTooLong(String, maxLength: Int)
  /// The record does not fit in one TXT record and no domain was given to name an include chain.
  case chainNeedsDomain(length: Int, maxLength: Int)
  /// A domain name is unusable (the name as given, what is wrong).
  case invalidDomain(String, reason: String)
  /// `maxLength` is outside `GenerateOptions.maxLengthRange`.
  case invalidMaxLength(Int)
  /// The chain prefix is no DNS label of letters, digits, `-` and `_`.
  case invalidChainPrefix(String)
  /// A generated record failed the self-check (rule 6); a bug in the generator.
  case selfCheckFailed(owner: String, record: String, reason: String)

  /// Whether this is a policy refusal (exit 1), not an input or usage error (exit 2).
  public var isRefusal: Bool {
    switch self {
    case .disagreeingAll, .disagreeingExplanation, .conflictingQualifiers, .orderChangesResults, .tooManyLookups,
      .recordTooLong,
      .selfCheckFailed:
      true
    case .invalidRecord, .repeatedModifier, .chainNeedsDomain, .invalidDomain, .invalidMaxLength, .invalidChainPrefix:
      false
    }
  }

  /// What is wrong, lowercase, no trailing period, offending text in single quotes.
  public var description: String {
    switch self {
    case .invalidRecord(let index, let message):
      "record \(index) has a syntax error: \(message)"
    case .repeatedModifier(let index, let name):
      "record \(index) names '\(name)=' more than once: receivers return permerror for it (RFC 7208 §6); "
        + "keep one by hand before merging"
    case .disagreeingAll(let endings):
      "the records end differently (\(endings.joined(separator: ", "))): choose one with '--all'"
    case .disagreeingExplanation(let targets):
      "the records name different explanations (\(targets.joined(separator: ", "))): '--all' merges them without 'exp'"
    case .conflictingQualifiers(let first, let second):
      "'\(first)' and '\(second)' overlap with different qualifiers: one record cannot keep both"
    case .orderChangesResults(let earlier, let later):
      "'\(later)' would be written before '\(earlier)' (ip4/ip6, then a, mx, include, exists), and their "
        + "qualifiers differ: an address both match would get another result; merge them by hand"
    case .tooManyLookups(let terms, let chain):
      "the policy needs \(terms + chain) DNS lookups (\(terms) in the record, \(chain) for the include chain): "
        + "more than 10 is a permerror (RFC 7208 §4.6.4)"
    case .recordTooLong(let text, let maxLength):
      "'\(text)' is longer than \(maxLength) octets even with an include chain"
    case .chainNeedsDomain(let length, let maxLength):
      "the record is \(length) octets, more than \(maxLength): an include chain needs '--domain'"
    case .invalidDomain(let name, let reason):
      "'\(name)' is not a usable domain: \(reason)"
    case .invalidMaxLength(let length):
      "'\(length)' is not a usable maximum length: use \(GenerateOptions.maxLengthRange.lowerBound)"
        + "...\(GenerateOptions.maxLengthRange.upperBound) octets"
    case .invalidChainPrefix(let prefix):
      "'\(prefix)' is not a usable chain prefix: use letters, digits, '-' and '_' (at most 50)"
    case .selfCheckFailed(let owner, let record, let reason):
      "generated record '\(record)' at '\(owner)' fails its self-check: \(reason)"
    }
  }
}
