/// What to generate and how to lay it out: the options of `spfkit generate` and `spfkit merge`.
///
/// The terms here (`ip4`, `includes`, ...) are added to the union of any records being merged, so
/// `generate` is a merge of no records.
public struct GenerateOptions: Hashable, Sendable {
  /// The owner name of the policy (`example.com`, a trailing dot allowed); it names the include
  /// chain (`_spf1.example.com`) and the zone lines.
  public var domain: String?
  /// IPv4 networks to authorize (`ip4:`).
  public var ip4: [IPv4Network]
  /// IPv6 networks to authorize (`ip6:`).
  public var ip6: [IPv6Network]
  /// `a` mechanisms to add; nil stands for the record's own name (`a` with no domain).
  public var a: [DomainSpec?]
  /// `mx` mechanisms to add; nil stands for the record's own name.
  public var mx: [DomainSpec?]
  /// Domains to `include:`.
  public var includes: [DomainSpec]
  /// How the policy ends: `<qualifier>all`. Merging: decides records that end differently (and
  /// replaces their `redirect`); generating: `-all` when nil.
  public var all: Qualifier?
  /// The longest record text, in octets (RFC 7208 §3.3): 255 fits one character-string; up to
  /// 450 (RFC 7208 §3.4) splits into several strings of at most 255.
  public var maxLength: Int
  /// The first label of include-chain names before its number (`_spf` gives `_spf1.NAME`).
  public var chainPrefix: String
  /// How far IP blocks may be widened (lossy, reported); empty keeps them exact.
  public var widening: WideningLimit

  /// The usable `maxLength` values, in octets.
  public static let maxLengthRange = 32...450
  /// The default `maxLength`: one character-string (RFC 1035 §3.3).
  public static let defaultMaxLength = CharacterString.maximumLength
  /// The default chain prefix.
  public static let defaultChainPrefix = "_spf"

  /// Creates options; every list empty, one string per record, chain prefix `_spf`, exact blocks.
  public init(
    domain: String? = nil, ip4: [IPv4Network] = [], ip6: [IPv6Network] = [], a: [DomainSpec?] = [],
    mx: [DomainSpec?] = [], includes: [DomainSpec] = [], all: Qualifier? = nil,
    maxLength: Int = GenerateOptions.defaultMaxLength, chainPrefix: String = GenerateOptions.defaultChainPrefix,
    widening: WideningLimit = WideningLimit()
  ) {
    self.domain = domain
    self.ip4 = ip4
    self.ip6 = ip6
    self.a = a
    self.mx = mx
    self.includes = includes
    self.all = all
    self.maxLength = maxLength
    self.chainPrefix = chainPrefix
    self.widening = widening
  }

  /// Parses a domain-spec argument (`example.com`, `_spf.%{d}`) by the record grammar
  /// (RFC 7208 §7.1), and checks its labels as lint does (SPF009: empty or long labels, long names).
  ///
  /// - Throws: `GenerateError.invalidDomain` with the reason.
  public static func domainSpec(_ text: String) throws(GenerateError) -> DomainSpec {
    guard !text.isEmpty else { throw .invalidDomain(text, reason: "it is empty") }
    guard !text.utf8.contains(0x20) else { throw .invalidDomain(text, reason: "it holds a space") }
    let parsed = SPFParser.parse(SPFRecord.version + " include:" + text)
    guard parsed.isValid, parsed.record.terms.count == 1, case .include(let spec) = parsed.record.terms[0].mechanism
    else {
      throw .invalidDomain(text, reason: parsed.issues.first?.message ?? "not one domain-spec")
    }
    if let problem = InvalidDomainSpec.nameProblem(of: parsed.record.terms[0]) {
      throw .invalidDomain(text, reason: "it \(problem)")
    }
    return spec
  }

  /// The owner name without a trailing dot, checked to be a literal domain name.
  func validatedDomain() throws(GenerateError) -> String? {
    guard var name = domain else { return nil }
    if name.hasSuffix(".") { name.removeLast() }
    let spec = try GenerateOptions.domainSpec(name)
    guard spec.literalName != nil else { throw .invalidDomain(name, reason: "an owner name cannot hold macros") }
    return name
  }

  /// Checks `maxLength` and `chainPrefix`.
  func validateLayout() throws(GenerateError) {
    guard GenerateOptions.maxLengthRange.contains(maxLength) else { throw .invalidMaxLength(maxLength) }
    let isLabelByte = { (byte: UInt8) in
      ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x5F
    }
    guard (1...50).contains(chainPrefix.utf8.count), chainPrefix.utf8.allSatisfy(isLabelByte) else {
      throw .invalidChainPrefix(chainPrefix)
    }
  }
}
