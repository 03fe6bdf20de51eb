/// Why a term cannot be replaced by the networks it matches, so the flattened policy keeps it as
/// written (an include or redirect with every lookup below it).
///
/// A record can be flattened only if every term in it can: an obstacle anywhere in an include's
/// tree keeps the include.
public enum FlattenObstacle: Error, Hashable, Sendable, CustomStringConvertible {
  /// The target is named by `--keep-include`.
  case keptByRequest(String)
  /// `exists` or `ptr`: what it matches depends on the client (RFC 7208 §5.5, §5.7). The domain
  /// of the record and the term.
  case clientDependent(domain: String, term: String)
  /// The term's target holds macros (RFC 7208 §7): it depends on the message.
  case macro(domain: String, term: String)
  /// `a` or `mx` without `--flatten-a-mx`.
  case addressMechanism(domain: String, term: String)
  /// A record that `check_host()` cannot use: none (an include of it is a permerror, RFC 7208
  /// §5.2), several, a syntax error, a failed lookup. The result it gives and why.
  case unusableRecord(domain: String, result: SPFResult, reason: String)
  /// A lookup of `a` or `mx` failed or gives a permerror (more than 10 MX names).
  case lookupFailed(domain: String, term: String, reason: String, isTemporary: Bool)
  /// The include or redirect returns to a domain already on the path (a permerror, RFC 7208
  /// §4.6.4); the path, the repeated name last.
  case loop([String])
  /// Includes and redirects nest deeper than the evaluator follows.
  case tooDeep(String)
  /// The tree holds more records than the flattener reads.
  case tooManyRecords(Int)

  /// Whether the obstacle is a DNS failure a later run may not meet (a timeout, SERVFAIL,
  /// REFUSED): what was flattened then says nothing about whether a published policy is current.
  public var isTemporary: Bool {
    switch self {
    case .unusableRecord(_, let result, _): result == .temperror
    case .lookupFailed(_, _, _, let isTemporary): isTemporary
    default: false
    }
  }

  /// Why, lowercase, no trailing period.
  public var description: String {
    switch self {
    case .keptByRequest(let name):
      "'\(name)' is named by '--keep-include'"
    case .clientDependent(let domain, let term):
      "'\(term)' at '\(domain)' depends on the client: it matches no fixed networks"
    case .macro(let domain, let term):
      "'\(term)' at '\(domain)' holds macros: its target depends on the message"
    case .addressMechanism(let domain, let term):
      "'\(term)' at '\(domain)' needs '--flatten-a-mx' to become networks"
    case .unusableRecord(let domain, let result, let reason):
      "'\(domain)' gives \(result): \(reason)"
    case .lookupFailed(let domain, let term, let reason, _):
      "'\(term)' at '\(domain)': \(reason)"
    case .loop(let path):
      "loop " + path.joined(separator: " -> ")
    case .tooDeep(let name):
      "'\(name)' nests includes deeper than \(EvaluationRun.maximumNesting)"
    case .tooManyRecords(let count):
      "the tree holds more than \(count) records"
    }
  }
}
