/// Counts the DNS-querying terms and void lookups of one evaluation against the limits of
/// RFC 7208 §4.6.4.
///
/// Lookups are counted per term, not per query: an `mx` with five hosts costs one, `exp` costs none.
struct LookupBudget: Hashable, Sendable {
  /// The DNS-querying terms evaluated so far, the over-limit one included.
  private(set) var lookups = 0
  /// The void lookups (NXDOMAIN or no records) seen so far.
  private(set) var voidLookups = 0
  let lookupLimit: Int
  let voidLookupLimit: Int

  init(settings: EvaluationSettings) {
    lookupLimit = settings.lookupLimit
    voidLookupLimit = settings.voidLookupLimit
  }

  /// Spends one lookup for a DNS-querying term (§4.6.4); the message says why it is one too many.
  mutating func spendLookup(for term: String) -> String? {
    lookups &+= 1
    guard lookups > lookupLimit else { return nil }
    return "'\(term)' is DNS lookup \(lookups): the limit is \(lookupLimit) (RFC 7208 §4.6.4)"
  }

  /// Records a void lookup (§4.6.4); the message says why it is one too many.
  mutating func recordVoidLookup(for name: String) -> String? {
    voidLookups &+= 1
    guard voidLookups > voidLookupLimit else { return nil }
    return "'\(name)' is void lookup \(voidLookups): the limit is \(voidLookupLimit) (RFC 7208 §4.6.4)"
  }
}
