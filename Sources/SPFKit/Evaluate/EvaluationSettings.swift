/// How `check_host()` is run: the processing limits of RFC 7208 §4.6.4 and the default explanation.
///
/// The defaults are the RFC's. A larger `lookupLimit` evaluates a policy "without the limit" for a
/// what-if comparison; the trace still counts every lookup.
public struct EvaluationSettings: Hashable, Sendable {
  /// The most DNS-querying terms (`include`, `a`, `mx`, `ptr`, `exists`, `redirect`) one evaluation
  /// may use, through every include and redirect; one more is a permerror (§4.6.4).
  public var lookupLimit: Int
  /// The most void lookups (answers of NXDOMAIN or no records) one evaluation may see; one more is a
  /// permerror (§4.6.4).
  public var voidLookupLimit: Int
  /// The most MX names one `mx` mechanism may look up; more is a permerror (§4.6.4).
  public var mxNameLimit: Int
  /// The most PTR names one `ptr` mechanism or `%{p}` checks; the rest are ignored (§4.6.4).
  public var ptrNameLimit: Int
  /// Whether a `fail` fetches the `exp=` explanation (§6.2).
  public var fetchesExplanation: Bool
  /// The explanation of a `fail` when the policy gives none or its `exp=` had to be ignored (§6.2).
  /// Macros in it are expanded; nil leaves the explanation empty.
  public var defaultExplanation: String?

  /// The RFC 7208 §4.6.4 limit of DNS-querying terms.
  public static let rfcLookupLimit = 10
  /// The RFC 7208 §4.6.4 recommended limit of void lookups.
  public static let rfcVoidLookupLimit = 2
  /// The RFC 7208 §4.6.4 limit of MX names per `mx` mechanism.
  public static let rfcMXNameLimit = 10
  /// The RFC 7208 §4.6.4 limit of PTR names per `ptr` mechanism.
  public static let rfcPTRNameLimit = 10

  /// Creates settings; every limit defaults to its RFC 7208 §4.6.4 value.
  public init(
    lookupLimit: Int = rfcLookupLimit, voidLookupLimit: Int = rfcVoidLookupLimit,
    mxNameLimit: Int = rfcMXNameLimit, ptrNameLimit: Int = rfcPTRNameLimit,
    fetchesExplanation: Bool = true, defaultExplanation: String? = nil
  ) {
    self.lookupLimit = lookupLimit
    self.voidLookupLimit = voidLookupLimit
    self.mxNameLimit = mxNameLimit
    self.ptrNameLimit = ptrNameLimit
    self.fetchesExplanation = fetchesExplanation
    self.defaultExplanation = defaultExplanation
  }
}
