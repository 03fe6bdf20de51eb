/// An option that brings a policy refused for its lookups (generation rule 3, RFC 7208 §4.6.4) within
/// the limit: longer records, so the include chain is shorter, or lossy widening (rule 4), with its cost.
public struct LookupLimitAlternative: Hashable, Sendable {
  /// The command-line options, as typed (`--max-length 450`, `--widen /24`).
  public var options: String
  /// How many lookups the policy needs with them.
  public var lookups: Int
  /// How many addresses not listed the widened blocks authorize; 0 when nothing is widened.
  public var unlistedAddresses: UInt128

  /// Creates an alternative.
  public init(options: String, lookups: Int, unlistedAddresses: UInt128) {
    self.options = options
    self.lookups = lookups
    self.unlistedAddresses = unlistedAddresses
  }
}

extension PolicyGenerator {
  /// The widening tried for a hint: a /24 of IPv4, a /48 of IPv6, the blocks a provider typically owns.
  static let hintWidening = (ipv4: 24, ipv6: 48)

  /// What would make `generate` fit 10 lookups, computed by generating with it: `--max-length 450`,
  /// then `--widen` to a /24 (IPv4) and /48 (IPv6), then both; the ones that work, the least lossy
  /// first (a combination only when neither alone works), and the options tried.
  public static func alternatives(to options: GenerateOptions) -> (working: [LookupLimitAlternative], tried: [String]) {
    let longest = GenerateOptions.maxLengthRange.upperBound
    var candidates: [(String, GenerateOptions)] = []
    if options.maxLength < longest {
      var longer = options
      longer.maxLength = longest
      candidates.append(("--max-length \(longest)", longer))
    }
    if let widening = hintLimit(for: options) {
      var widened = options
      widened.widening = widening
      candidates.append(("--widen \(widening)", widened))
      if options.maxLength < longest {
        widened.maxLength = longest
        candidates.append(("--max-length \(longest) --widen \(widening)", widened))
      }
    }
    var found: [LookupLimitAlternative] = []
    var tried: [String] = []
    for (text, candidate) in candidates where found.isEmpty || !text.contains(" --widen") {
      tried.append(text)
      guard let policy = try? generate(candidate) else { continue }
      let widening = policy.report.widening
      found.append(
        LookupLimitAlternative(
          options: text, lookups: policy.report.lookups,
          unlistedAddresses: widening.ipv4UnlistedTotal + widening.ipv6UnlistedTotal))
    }
    return (found, tried)
  }

  /// The widening a hint tries, when it widens further than `options` already does.
  private static func hintLimit(for options: GenerateOptions) -> WideningLimit? {
    let ipv4 = options.ip4.isEmpty ? nil : min(options.widening.ipv4 ?? 32, hintWidening.ipv4)
    let ipv6 = options.ip6.isEmpty ? nil : min(options.widening.ipv6 ?? 128, hintWidening.ipv6)
    let limit = WideningLimit(ipv4: ipv4, ipv6: ipv6)
    return (ipv4 == nil && ipv6 == nil) || limit == options.widening ? nil : limit
  }
}
