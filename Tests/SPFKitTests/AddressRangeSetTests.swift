import SPFKitTestSupport
import Testing

@testable import SPFKit

/// Set operations on sorted disjoint ranges, checked address by address against `Set` over the
/// 256 values of `UInt8` (the same code serves `UInt32` and `UInt128`).
struct AddressRangeSetTests {
  static func randomSet(_ random: inout SplitMix64) -> AddressRangeSet<UInt8> {
    AddressRangeSet(
      (0..<random.int(0...5)).map { _ in
        let first = UInt8(random.int(0...255))
        return AddressRange(
          first: first, last: UInt8(random.int(Int(first)...min(255, Int(first) + random.int(0...80)))))
      })
  }

  static func members(_ set: AddressRangeSet<UInt8>) -> Set<UInt8> {
    Set((0...255).map(UInt8.init).filter { set.contains($0) })
  }

  /// Sorted, disjoint and not touching: the form every operation must return.
  static func isNormalized(_ set: AddressRangeSet<UInt8>) -> Bool {
    zip(set.ranges, set.ranges.dropFirst()).allSatisfy { $0.last < $1.first && $0.last &+ 1 < $1.first }
      && set.ranges.allSatisfy { $0.first <= $0.last }
  }

  @Test(arguments: 0..<20 as Range<UInt64>)
  func operationsMatchSets(seed: UInt64) {
    var random = SplitMix64(seed: seed)
    for _ in 0..<50 {
      let lhs = Self.randomSet(&random)
      let rhs = Self.randomSet(&random)
      let (a, b) = (Self.members(lhs), Self.members(rhs))
      for (result, expected) in [
        (lhs.union(rhs), a.union(b)), (lhs.intersection(rhs), a.intersection(b)),
        (lhs.subtracting(rhs), a.subtracting(b)),
      ] {
        #expect(Self.members(result) == expected)
        #expect(Self.isNormalized(result))
      }
    }
  }

  @Test func edgesOfTheValueRange() {
    let everything = AddressRangeSet<UInt8>.everything
    let ends = AddressRangeSet([AddressRange<UInt8>(first: 0, last: 0), AddressRange(first: 255, last: 255)])
    #expect(everything.subtracting(ends).ranges == [AddressRange(first: 1, last: 254)])
    #expect(ends.union(everything.subtracting(ends)) == everything)
    #expect(everything.subtracting(everything).isEmpty)
    #expect(NetworkSet.everything.aggregated.ipv4.map(\.description) == ["0.0.0.0/0"])
    #expect(NetworkSet.everything.aggregated.ipv6.map(\.description) == ["::/0"])
  }
}
