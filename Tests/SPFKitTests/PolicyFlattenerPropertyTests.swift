import SPFKitTestSupport
import Testing

@testable import SPFKit

/// For random provider-like trees of `ip4`, `ip6`, `include` and `redirect`, the flattened policy
/// gives every sampled client the `check_host()` result the original gives when evaluated without
/// the lookup limit (`EvaluationSettings.lookupLimit`, as `spfkit check --max-lookups` sets it): the
/// evaluator judges both.
struct PolicyFlattenerPropertyTests {
  /// One random tree: `example.com` and providers `p0.esp.net`, `p1.esp.net`, ...; a provider
  /// includes or redirects only to later ones, so there is no loop.
  struct Tree {
    var records: [String: String] = [:]
    var networks: [Mechanism] = []
    var kept: [String] = []
    var maxLength = 255

    init(_ random: inout SplitMix64) {
      let providers = random.int(1...6)
      for index in (0..<providers).reversed() {
        records["p\(index).esp.net"] = record(&random, includable: (index + 1)..<providers, isTop: false)
      }
      records["example.com"] = record(&random, includable: 0..<providers, isTop: true)
      if random.chance(0.25) { kept = ["p\(random.int(0...(providers - 1))).esp.net"] }
      maxLength = random.pick([255, 450, 120])
    }

    /// A record of 1...5 terms and a random ending.
    mutating func record(_ random: inout SplitMix64, includable: Range<Int>, isTop: Bool) -> String {
      var terms: [String] = []
      for _ in 0..<random.int(1...5) {
        let qualifier = random.chance(0.7) ? "" : random.pick(["-", "~", "?", "+"])
        if !includable.isEmpty, random.chance(0.35) {
          terms.append(
            qualifier + "include:p\(random.int(includable.lowerBound...(includable.upperBound - 1))).esp.net")
        } else {
          let network = Tree.network(&random)
          networks.append(network)
          terms.append(qualifier + network.description)
        }
      }
      if !includable.isEmpty, random.chance(0.2) {
        terms.append("redirect=p\(random.int(includable.lowerBound...(includable.upperBound - 1))).esp.net")
      } else if random.chance(0.85) {
        terms.append(random.pick(["-all", "~all", "?all", "+all", "-all"]))
      }
      return "v=spf1 " + terms.joined(separator: " ")
    }

    /// A network in a small space, so that networks overlap: 10.0.0.0/16 or 2001:db8::/48.
    static func network(_ random: inout SplitMix64) -> Mechanism {
      if random.chance(0.6) {
        let address = IPv4Address(0x0A00_0000 | UInt32(truncatingIfNeeded: random.next() & 0xFFFF))
        return .ip4(IPv4Network(address: address, prefixLength: random.int(16...32)).masked)
      }
      let address = IPv6Address(
        UInt128(0x2001_0db8) << 96 | UInt128(random.next() & 0xFFFF) << 64 | UInt128(random.next()))
      return .ip6(IPv6Network(address: address, prefixLength: random.int(48...128)).masked)
    }

    var resolver: InMemoryResolver {
      var resolver = InMemoryResolver()
      for (name, text) in records { resolver.add(name: name, type: .txt, data: .txt(TXTRecord(text: text))) }
      return resolver
    }

    /// Inside, at both ends and just outside every network, and a few anywhere.
    func sampleAddresses(_ random: inout SplitMix64) -> [IPAddress] {
      var addresses: [IPAddress] = []
      for network in networks {
        switch network {
        case .ip4(let n):
          let values = [
            n.first.value, n.last.value, n.first.value &- 1, n.last.value &+ 1,
            n.first.value | (UInt32(truncatingIfNeeded: random.next()) & ~n.mask),
          ]
          addresses += values.map { .v4(IPv4Address($0)) }
        case .ip6(let n):
          let values = [
            n.first.value, n.last.value, n.first.value &- 1, n.last.value &+ 1,
            n.first.value | (UInt128(random.next()) & ~n.mask),
          ]
          addresses += values.map { .v6(IPv6Address($0)) }
        default: break
        }
      }
      addresses += [
        .v4(IPv4Address(0x0A00_0000 | UInt32(random.int(0...0xFFFF)))), .v4(IPv4Address(192, 0, 2, 1)),
        .v6(IPv6Address("2001:db8::1")!), .v6(IPv6Address("2001:db9::1")!),
      ]
      return addresses
    }
  }

  static func result(_ resolver: InMemoryResolver, _ ip: IPAddress, lookupLimit: Int) async -> SPFResult {
    let evaluator = SPFEvaluator(resolver: resolver, settings: EvaluationSettings(lookupLimit: lookupLimit))
    return await evaluator.checkHost(.mailFrom("user@example.com", clientIP: ip, helo: "mail.example.com")).result
  }

  /// Seeds 0..<128, in eight groups run in parallel.
  @Test(arguments: 0..<8 as Range<UInt64>)
  func flattenedPolicyGivesTheSameResults(group: UInt64) async throws {
    var compared = 0
    for seed in group * 16..<(group + 1) * 16 where try await compare(seed: seed) { compared += 1 }
    // Refusals (more than 10 lookups with the include chain or a kept include, non-pass networks
    // too many for one record, a reordering past a kept include) are rare; most trees are compared.
    #expect(compared >= 12)
  }

  /// Flattens one random tree and compares results; false when the flattener refused it.
  func compare(seed: UInt64) async throws -> Bool {
    var random = SplitMix64(seed: seed)
    let tree = Tree(&random)
    let original = tree.resolver
    let options = FlattenOptions(domain: "example.com", keptIncludes: tree.kept, maxLength: tree.maxLength)
    let flattened: FlattenedPolicy
    do {
      flattened = try await PolicyFlattener(resolver: original).flatten(options)
    } catch {
      switch error {
      case .tooManyLookups, .generate(.recordTooLong): break
      case .reorderingChangesResults: #expect(!tree.kept.isEmpty, "only a kept include is ever reordered")
      default: Issue.record("seed \(seed): \(error) for \(tree.records)")
      }
      return false
    }
    var published = original
    for record in flattened.policy.records {
      published.set(DNSQuestion(name: record.owner!, type: .txt), to: .success([.txt(record.txt)]))
    }
    #expect(flattened.report.lookupsAfter <= 10)
    for ip in tree.sampleAddresses(&random) {
      let expected = await Self.result(original, ip, lookupLimit: Self.noLimit)
      let actual = await Self.result(published, ip, lookupLimit: EvaluationSettings.rfcLookupLimit)
      #expect(actual == expected, "seed \(seed), \(ip): \(tree.records) -> \(flattened.policy.records.map(\.txt.text))")
    }
    return true
  }

  /// A lookup limit no generated tree reaches: the original is evaluated "without the limit".
  static let noLimit = 1000
}
