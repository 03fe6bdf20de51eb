import SPFKitTestSupport
import Testing

@testable import SPFKit

struct CIDRAggregatorTests {
  struct Case: Sendable, CustomStringConvertible {
    let input: [String]
    let expected: [String]
    let why: String
    var description: String { why }
  }

  static let ipv4Cases: [Case] = [
    Case(input: [], expected: [], why: "nothing in, nothing out"),
    Case(input: ["192.0.2.0/25", "192.0.2.128/25"], expected: ["192.0.2.0/24"], why: "adjacent halves merge"),
    Case(
      input: ["192.0.2.0/24", "192.0.2.5", "192.0.2.64/26"], expected: ["192.0.2.0/24"], why: "nested networks drop"),
    Case(input: ["192.0.2.1", "192.0.2.1", "192.0.2.1/32"], expected: ["192.0.2.1"], why: "duplicates drop"),
    Case(input: ["192.0.2.1", "192.0.2.2"], expected: ["192.0.2.1", "192.0.2.2"], why: "adjacent but not aligned"),
    Case(
      input: ["192.0.2.3", "192.0.2.1", "192.0.2.2"], expected: ["192.0.2.1", "192.0.2.2/31"],
      why: "unsorted run of three: one host and an aligned pair"),
    Case(input: ["192.0.2.5/24"], expected: ["192.0.2.0/24"], why: "host bits cleared"),
    Case(input: ["10.0.0.0/8", "11.0.0.0/8"], expected: ["10.0.0.0/7"], why: "aligned siblings"),
    Case(input: ["11.0.0.0/8", "12.0.0.0/8"], expected: ["11.0.0.0/8", "12.0.0.0/8"], why: "adjacent, not siblings"),
    Case(
      input: ["10.0.0.0/25", "10.0.0.128/26", "10.0.0.192/27"],
      expected: ["10.0.0.0/25", "10.0.0.128/26", "10.0.0.192/27"], why: "one range, three blocks"),
    Case(input: ["10.0.0.0/24", "10.0.0.128/23"], expected: ["10.0.0.0/23"], why: "overlap with host bits"),
    Case(input: ["0.0.0.0/0", "10.0.0.0/8", "255.255.255.255"], expected: ["0.0.0.0/0"], why: "/0 covers all"),
    Case(input: ["0.0.0.0/1", "128.0.0.0/1"], expected: ["0.0.0.0/0"], why: "halves make /0"),
    Case(input: ["0.0.0.0", "0.0.0.1"], expected: ["0.0.0.0/31"], why: "lower boundary"),
    Case(input: ["255.255.255.255", "255.255.255.254"], expected: ["255.255.255.254/31"], why: "upper boundary"),
    Case(input: ["255.255.255.255", "0.0.0.0"], expected: ["0.0.0.0", "255.255.255.255"], why: "both ends, apart"),
    Case(
      input: ["255.255.255.0/24", "255.255.255.128/25"], expected: ["255.255.255.0/24"],
      why: "range ending at the last address"),
  ]

  @Test(arguments: ipv4Cases)
  func ipv4(_ c: Case) {
    let result = CIDRAggregator.aggregate(c.input.map { IPv4Network($0)! })
    #expect(result.map(\.description) == c.expected)
  }

  static let ipv6Cases: [Case] = [
    Case(input: ["::/0", "::1", "2001:db8::/32"], expected: ["::/0"], why: "/0 covers all"),
    Case(input: ["::/1", "8000::/1"], expected: ["::/0"], why: "halves make /0"),
    Case(input: ["::", "::1"], expected: ["::/127"], why: "lower boundary"),
    Case(
      input: ["ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe"],
      expected: ["ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe/127"], why: "upper boundary"),
    Case(input: ["2001:db8::/33", "2001:db8:8000::/33"], expected: ["2001:db8::/32"], why: "adjacent halves merge"),
    Case(
      input: ["2001:db8::1", "2001:db8::/32", "2001:db8::1"], expected: ["2001:db8::/32"], why: "nested and duplicate"),
    Case(input: ["2001:db8::1", "2001:db8::2"], expected: ["2001:db8::1", "2001:db8::2"], why: "not aligned"),
    Case(input: ["2001:db8::5/64"], expected: ["2001:db8::/64"], why: "host bits cleared"),
  ]

  @Test(arguments: ipv6Cases)
  func ipv6(_ c: Case) {
    let result = CIDRAggregator.aggregate(c.input.map { IPv6Network($0)! })
    #expect(result.map(\.description) == c.expected)
  }

  @Test func bothFamiliesTogether() {
    var aggregator = CIDRAggregator()
    aggregator.insert(IPv6Network("2001:db8::1")!)
    aggregator.insert(IPv4Network("192.0.2.1")!)
    aggregator.insert(IPv4Network("192.0.2.0")!)
    #expect(aggregator.insertedCount == 3)
    let result = aggregator.aggregated()
    #expect(result.ipv4.map(\.description) == ["192.0.2.0/31"])
    #expect(result.ipv6.map(\.description) == ["2001:db8::1"])
    #expect(String(decoding: result.listText, as: UTF8.self) == "192.0.2.0/31\n2001:db8::1\n")
  }

  // MARK: - Properties

  /// A region of 2^12 addresses where random networks overlap often, and its seed.
  struct Region: Sendable, CustomStringConvertible {
    let base: UInt32
    let seed: UInt64
    let why: String
    var description: String { why }
  }

  static let regions: [Region] = [
    Region(base: 0, seed: 1, why: "at 0.0.0.0: the lower boundary"),
    Region(base: 0xFFFF_F000, seed: 2, why: "at 255.255.240.0: the upper boundary"),
    Region(base: 0xC000_0000, seed: 3, why: "in the middle"),
    Region(base: 0x0A00_0000, seed: 4, why: "in the middle, another seed"),
  ]

  /// Aggregation covers exactly the input: membership agrees on every address of the region (every
  /// block boundary ±1 included), no block leaves the region, the blocks are disjoint and in order,
  /// and their count is minimal.
  @Test(arguments: regions)
  func coversExactlyTheInput(_ region: Region) {
    var random = SplitMix64(seed: region.seed)
    for _ in 0..<40 {
      let count = Int.random(in: 1...600, using: &random)  // above RadixSort.threshold half of the time
      let input = (0..<count).map { _ in
        IPv4Network(
          address: IPv4Address(region.base | UInt32(Int.random(in: 0..<1 << 12, using: &random))),
          prefixLength: Int.random(in: 21...32, using: &random))
      }
      let output = CIDRAggregator.aggregate(input)
      for network in output {
        #expect(network.first.value >= region.base && network.last.value <= region.base | 0xFFF, "\(network)")
      }
      let inputBits = CIDRAggregatorTests.bits(input, base: region.base)
      #expect(inputBits == CIDRAggregatorTests.bits(output, base: region.base))
      for (left, right) in zip(output, output.dropFirst()) {
        #expect(left.last < right.first, "\(left) and \(right) overlap or are out of order")
      }
      #expect(output.count == CIDRAggregatorTests.minimalCount(inputBits))
    }
  }

  /// Which of the 2^12 addresses from `base` the networks hold.
  static func bits(_ networks: [IPv4Network], base: UInt32) -> [Bool] {
    var bits = [Bool](repeating: false, count: 1 << 12)
    for network in networks {
      let start = Int(network.first.value &- base)
      for index in start..<(start + Int(network.size)) { bits[index] = true }
    }
    return bits
  }

  /// The fewest blocks, by brute force: merge sibling blocks level by level up to /20.
  static func minimalCount(_ bits: [Bool]) -> Int {
    var level = bits
    var count = 0
    while level.count > 1 {
      var parent: [Bool] = []
      for pair in stride(from: 0, to: level.count, by: 2) {
        let both = level[pair] && level[pair + 1]
        if !both { count += (level[pair] ? 1 : 0) + (level[pair + 1] ? 1 : 0) }
        parent.append(both)
      }
      level = parent
    }
    return count + (level[0] ? 1 : 0)
  }

  /// Networks spread over the whole space exercise both radix passes: the blocks, merged back
  /// into ranges, equal the input merged by a plain comparison sort.
  @Test func spreadInputMatchesAComparisonSort() {
    var random = SplitMix64(seed: 5)
    for _ in 0..<10 {
      let input = (0..<3000).map { _ in
        IPv4Network(
          address: IPv4Address(UInt32(truncatingIfNeeded: random.next())),
          prefixLength: Int.random(in: 4...32, using: &random))
      }
      let reference = input.map { AddressRange(first: $0.first.value, last: $0.last.value) }.sorted {
        $0.first < $1.first
      }
      let output = CIDRAggregator.aggregate(input).map { AddressRange(first: $0.first.value, last: $0.last.value) }
      #expect(AddressRange.merged(sorted: output) == AddressRange.merged(sorted: reference))
    }
  }

  @Test func ipv6CoversExactlyTheInput() {
    var random = SplitMix64(seed: 6)
    for base in [UInt128(0), UInt128.max << 12, UInt128(0x2001_0db8) << 96] {
      for _ in 0..<20 {
        let input = (0..<Int.random(in: 1...80, using: &random)).map { _ in
          IPv6Network(
            address: IPv6Address(base | UInt128(Int.random(in: 0..<1 << 12, using: &random))),
            prefixLength: Int.random(in: 117...128, using: &random))
        }
        let output = CIDRAggregator.aggregate(input)
        var probes = (0..<100).map { _ in base | UInt128(Int.random(in: 0..<1 << 12, using: &random)) }
        for network in input + output {
          probes += [network.first.value, network.last.value, network.first.value &- 1, network.last.value &+ 1]
        }
        for probe in probes.map(IPv6Address.init) {
          #expect(input.contains { $0.contains(probe) } == output.contains { $0.contains(probe) }, "\(probe)")
        }
        for (left, right) in zip(output, output.dropFirst()) { #expect(left.last < right.first) }
      }
    }
  }
}
