import SPFKitTestSupport
import Testing

@testable import SPFKit

struct WideningTests {
  struct Case: Sendable, CustomStringConvertible {
    let input: [String]
    let limit: String
    let expected: [String]
    /// Each widened block and its count of unlisted addresses, `network=count`.
    let report: [String]
    let why: String
    var description: String { why }
  }

  static let cases: [Case] = [
    Case(
      input: ["192.0.2.1", "192.0.2.2"], limit: "/24", expected: ["192.0.2.0/30"], report: ["192.0.2.0/30=2"],
      why: "two hosts become their smallest common block"),
    Case(
      input: ["192.0.2.1", "192.0.3.1"], limit: "/24", expected: ["192.0.2.1", "192.0.3.1"], report: [],
      why: "a lone block in its /24 stays: widening must save a block"),
    Case(
      input: ["192.0.2.1", "192.0.2.200", "192.0.3.0/24"], limit: "24", expected: ["192.0.2.0/23"],
      report: ["192.0.2.0/23=254"], why: "widened /24 merges with its exact neighbour"),
    Case(
      input: ["192.0.2.1", "192.0.2.2"], limit: "/32", expected: ["192.0.2.1", "192.0.2.2"], report: [],
      why: "/32 allows no widening"),
    Case(
      input: ["192.0.2.1", "192.0.2.2"], limit: "/30", expected: ["192.0.2.0/30"], report: ["192.0.2.0/30=2"],
      why: "exactly at the limit"),
    Case(
      input: ["192.0.2.1", "192.0.2.2"], limit: "/31", expected: ["192.0.2.1", "192.0.2.2"], report: [],
      why: "common block wider than the limit"),
    Case(
      input: ["0.0.0.0", "255.255.255.255"], limit: "/0", expected: ["0.0.0.0/0"], report: ["0.0.0.0/0=4294967294"],
      why: "/0 from both ends"),
    Case(
      input: ["10.0.0.0/8", "192.0.2.1", "192.0.2.2"], limit: "/16", expected: ["10.0.0.0/8", "192.0.2.0/30"],
      report: ["192.0.2.0/30=2"], why: "blocks wider than the limit stay"),
    Case(
      input: ["2001:db8::1", "2001:db8::2"], limit: "//64", expected: ["2001:db8::/126"],
      report: ["2001:db8::/126=2"], why: "IPv6 with '//'"),
    Case(
      input: ["::", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"], limit: "//0", expected: ["::/0"],
      report: ["::/0=340282366920938463463374607431768211454"], why: "IPv6 /0 never overflows"),
    Case(
      input: ["2001:db8::1", "2001:db8::2"], limit: "/24", expected: ["2001:db8::1", "2001:db8::2"], report: [],
      why: "an IPv4 limit leaves IPv6 exact"),
    Case(
      input: ["::/0"], limit: "//0", expected: ["::/0"], report: [],
      why: "all of IPv6 listed: 2^128 addresses, none unlisted (once counted 1)"),
    Case(
      input: ["::/1", "8000::/1"], limit: "//0", expected: ["::/0"], report: [],
      why: "two halves of IPv6 make all of it, none unlisted"),
    Case(
      input: ["::/1", "8000::"], limit: "//0", expected: ["::/0"],
      report: ["::/0=170141183460469231731687303715884105727"], why: "half of IPv6 and one address"),
    Case(
      input: ["0.0.0.0/1", "128.0.0.0/1"], limit: "/0", expected: ["0.0.0.0/0"], report: [],
      why: "two halves of IPv4 make all of it"),
  ]

  @Test(arguments: cases)
  func widen(_ c: Case) throws {
    var aggregator = CIDRAggregator()
    for text in c.input {
      if let v4 = IPv4Network(text) { aggregator.insert(v4) } else { aggregator.insert(IPv6Network(text)!) }
    }
    let (networks, report) = aggregator.aggregated().widened(to: try WideningLimit.parse(c.limit))
    #expect(networks.ipv4.map(\.description) + networks.ipv6.map(\.description) == c.expected)
    let entries =
      report.ipv4.map { "\($0.network)=\($0.unlistedAddresses)" }
      + report.ipv6.map { "\($0.network)=\($0.unlistedAddresses)" }
    #expect(entries == c.report)
  }

  /// Widening covers every listed address, each block respects the limit or was exact, and the
  /// report counts exactly the addresses gained.
  @Test func widenedCoversInputAndCountsTheCost() {
    var random = SplitMix64(seed: 24)
    for _ in 0..<40 {
      let input = (0..<Int.random(in: 1...120, using: &random)).map { _ in
        IPv4Network(
          address: IPv4Address(0xC000_0000 | UInt32(Int.random(in: 0..<1 << 12, using: &random))),
          prefixLength: Int.random(in: 22...32, using: &random))
      }
      let exact = CIDRAggregator.aggregate(input)
      let limit = Int.random(in: 20...30, using: &random)
      let (networks, report) = AggregatedNetworks(ipv4: exact).widened(to: WideningLimit(ipv4: limit))
      #expect(networks.ipv4.count <= exact.count)
      for network in exact { #expect(networks.ipv4.contains { $0.contains(network) }, "\(network) lost") }
      let exactSize = exact.reduce(UInt64(0)) { $0 + $1.size }
      let widenedSize = networks.ipv4.reduce(UInt64(0)) { $0 + $1.size }
      #expect(UInt128(widenedSize - exactSize) == report.ipv4UnlistedTotal)
      for entry in report.ipv4 { #expect(networks.ipv4.contains(entry.network)) }
      for (left, right) in zip(networks.ipv4, networks.ipv4.dropFirst()) { #expect(left.last < right.first) }
    }
  }

  struct LimitCase: Sendable, CustomStringConvertible {
    let text: String
    let expected: WideningLimit?
    let why: String
    var description: String { "\(text) (\(why))" }
  }

  static let limitCases: [LimitCase] = [
    LimitCase(text: "/24", expected: WideningLimit(ipv4: 24), why: "IPv4"),
    LimitCase(text: "24", expected: WideningLimit(ipv4: 24), why: "no slash"),
    LimitCase(text: "//48", expected: WideningLimit(ipv6: 48), why: "IPv6"),
    LimitCase(text: "/24//48", expected: WideningLimit(ipv4: 24, ipv6: 48), why: "both"),
    LimitCase(text: "/33", expected: nil, why: "too long for IPv4"),
    LimitCase(text: "//129", expected: nil, why: "too long for IPv6"),
    LimitCase(text: "/024", expected: nil, why: "leading zero"),
    LimitCase(text: "", expected: nil, why: "empty"),
    LimitCase(text: "/", expected: nil, why: "slash alone"),
    LimitCase(text: "/24//", expected: nil, why: "empty IPv6 part"),
    LimitCase(text: "/x", expected: nil, why: "not a number"),
  ]

  @Test(arguments: limitCases)
  func limit(_ c: LimitCase) {
    #expect((try? WideningLimit.parse(c.text)) == c.expected)
  }
}
