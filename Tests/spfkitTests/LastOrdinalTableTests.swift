import SPFKitTestSupport
import Testing

@testable import spfkit

/// The zone's first pass keeps each owner key's last ordinal in its own table: it must agree with a
/// dictionary, through growth and with keys that differ only in their high or low bits.
@Suite struct LastOrdinalTableTests {
  @Test(arguments: [0, 1, 1_000, 5_000])
  func agreesWithADictionary(keys count: Int) {
    var random = SplitMix64(seed: UInt64(count) + 1)
    let keys = (0..<count).map { index -> Int in
      switch index % 3 {
      case 0: Int(truncatingIfNeeded: random.next())
      case 1: index << 48  // low bits all equal
      default: index  // high bits all equal
      }
    }
    var table = LastOrdinalTable()
    var expected: [Int: Int] = [:]
    for ordinal in 0..<(count * 3) {
      guard let key = keys.isEmpty ? nil : keys[Int(random.next() % UInt64(keys.count))] else { break }
      table.set(key, ordinal)
      expected[key] = ordinal
    }
    var ordinals: [Int] = []
    table.forEachOrdinal { ordinals.append($0) }
    #expect(ordinals.sorted() == expected.values.sorted())
  }
}
