import SPFKitTestSupport
import Testing

@testable import SPFKit

/// `RecordNetwork.anyOverlap`, the pre-check of SPF108 and SPF109, against its definition: some
/// ordered pair of different positions is the same network, or (unless `sameOnly`) one strictly
/// contains the other.
struct RecordNetworkOverlapTests {
  static func definition(_ networks: [RecordNetwork], sameOnly: Bool) -> Bool {
    for first in networks.indices {
      for second in networks.indices where second != first {
        let (a, b) = (networks[first], networks[second])
        if a.isSame(as: b) || (!sameOnly && a.strictlyContains(b)) { return true }
      }
    }
    return false
  }

  @Test func agreesWithItsDefinition() {
    var random = SplitMix64(seed: 108)
    // Few addresses and prefixes, both families: repeats and containment in both directions are common.
    let addresses: [UInt128] = [0, 0x0A00_0000, 0x0A01_0000, 0x0A01_0200, 0xC000_0200]
    var outcomes: Set<Bool> = []
    for _ in 0..<20_000 {
      let networks = (0..<random.int(0...16)).map { index in
        let isIPv6 = random.chance(0.2)
        let prefix = random.pick([0, 8, 16, 24, 32])
        let width = isIPv6 ? 128 : 32
        let shift = UInt128(width - prefix)
        let first = shift >= 128 ? 0 : (random.pick(addresses) >> shift) << shift
        return RecordNetwork(
          index: index, qualifier: .pass, first: first, prefixLength: prefix, isIPv6: isIPv6, hasHostBits: false)
      }
      for sameOnly in [false, true] {
        let expected = Self.definition(networks, sameOnly: sameOnly)
        outcomes.insert(expected)
        #expect(RecordNetwork.anyOverlap(in: networks, sameOnly: sameOnly) == expected, "\(networks)")
      }
    }
    #expect(outcomes == [false, true])
  }

  @Test func manyNetworksAreNotDecidedPairwise() {
    let networks = (0..<17).map {
      RecordNetwork(
        index: $0, qualifier: .pass, first: UInt128($0) << 8, prefixLength: 24, isIPv6: false, hasHostBits: false)
    }
    #expect(RecordNetwork.anyOverlap(in: networks) == nil)
  }
}
