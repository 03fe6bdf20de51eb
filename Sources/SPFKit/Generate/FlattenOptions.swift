/// What `PolicyFlattener` flattens and how it lays the result out: the options of `spfkit flatten`.
public struct FlattenOptions: Hashable, Sendable {
  /// The domain whose published policy is flattened; it owns the result and names the include
  /// chain (`_spf1.example.com`). A trailing dot is allowed.
  public var domain: String
  /// Include and redirect targets to keep as they are (`--keep-include`): they keep their lookups.
  /// Names compare ignoring ASCII case and a trailing dot.
  public var keptIncludes: [String]
  /// The most DNS lookups the result may need (RFC 7208 §4.6.4), its records and the trees of the
  /// terms it keeps together; 0...10, 10 by default.
  public var lookupLimit: Int
  /// Whether `a` and `mx` are replaced by the networks of their current addresses, with their
  /// prefix lengths (`--flatten-a-mx`); without it they stay, and a record using them is kept.
  public var flattensAddressMechanisms: Bool
  /// The longest record text, in octets (see `GenerateOptions.maxLength`).
  public var maxLength: Int
  /// The include-chain names' first label before the number (see `GenerateOptions.chainPrefix`).
  public var chainPrefix: String
  /// How far `+` blocks may be widened (lossy, reported); empty keeps them exact.
  public var widening: WideningLimit

  /// The usable `lookupLimit` values: receivers stop at 10 (RFC 7208 §4.6.4).
  public static let lookupLimitRange = 0...EvaluationSettings.rfcLookupLimit

  /// Creates options: nothing kept, at most 10 lookups, `a` and `mx` kept, generate's layout.
  public init(
    domain: String, keptIncludes: [String] = [], lookupLimit: Int = EvaluationSettings.rfcLookupLimit,
    flattensAddressMechanisms: Bool = false, maxLength: Int = GenerateOptions.defaultMaxLength,
    chainPrefix: String = GenerateOptions.defaultChainPrefix, widening: WideningLimit = WideningLimit()
  ) {
    self.domain = domain
    self.keptIncludes = keptIncludes
    self.lookupLimit = lookupLimit
    self.flattensAddressMechanisms = flattensAddressMechanisms
    self.maxLength = maxLength
    self.chainPrefix = chainPrefix
    self.widening = widening
  }

  /// The generator options for the flattened record: its owner and layout.
  var generateOptions: GenerateOptions {
    GenerateOptions(domain: domain, maxLength: maxLength, chainPrefix: chainPrefix, widening: widening)
  }

  /// Checks the domain, the kept names, the lookup limit and the layout before any query; returns
  /// the domain without a trailing dot and the kept names normalized.
  func validated() throws(FlattenError) -> (domain: String, kept: Set<String>) {
    guard FlattenOptions.lookupLimitRange.contains(lookupLimit) else { throw .invalidLookupLimit(lookupLimit) }
    do {
      try generateOptions.validateLayout()
    } catch {
      throw .generate(error)
    }
    let domain = try FlattenOptions.literalDomain(domain)
    var kept = Set<String>()
    for name in keptIncludes { kept.insert(DNSQuestion.normalize(try FlattenOptions.literalDomain(name))) }
    return (domain, kept)
  }

  /// A domain name without macros, checked as generate checks names, without a trailing dot.
  private static func literalDomain(_ text: String) throws(FlattenError) -> String {
    var name = text
    if name.utf8.count > 1, name.hasSuffix(".") { name.removeLast() }
    let spec: DomainSpec
    do {
      spec = try GenerateOptions.domainSpec(name)
    } catch {
      guard case .invalidDomain(_, let reason) = error else { throw .invalidDomain(text, reason: error.description) }
      throw .invalidDomain(text, reason: reason)
    }
    guard spec.literalName != nil else { throw .invalidDomain(text, reason: "it holds macros") }
    return name
  }
}
