import Testing

@testable import SPFKit

extension RuleTests {
  /// SPF108 `redundant-network`: a network that never changes the result.
  struct RedundantNetworkTests {
    static let cases: [RuleCase] = [
      .flags(
        "a host after the network that holds it", "v=spf1 ip4:192.0.2.0/24 ↓ip4:192.0.2.5↓ -all",
        fixed: "v=spf1 ip4:192.0.2.0/24 -all"),
      .flags(
        "a host before a covering network with the same qualifier", "v=spf1 ↓ip4:192.0.2.5↓ ip4:192.0.2.0/24 -all",
        fixed: "v=spf1 ip4:192.0.2.0/24 -all"),
      .flags("an earlier cover decides first whatever the qualifiers", "v=spf1 -ip4:192.0.2.0/24 ↓ip4:192.0.2.5↓ -all"),
      .flags(
        "a later cover past directives of the same qualifier",
        "v=spf1 ↓ip4:192.0.2.5↓ mx include:_spf.example.com ip4:192.0.2.0/24 -all"),
      .flags("the same qualifier need not be pass", "v=spf1 ↓~ip4:192.0.2.5↓ ~ip4:192.0.2.0/24 -all"),
      .flags("a narrower network", "v=spf1 ip4:198.51.100.0/24 ↓ip4:198.51.100.128/25↓ -all"),
      .flags("IPv6", "v=spf1 ip6:2001:db8::/32 ↓ip6:2001:db8:1::/48↓ -all"),
      .flags("two covered networks", "v=spf1 ip4:192.0.2.0/24 ↓ip4:192.0.2.5↓ ip4:192.0.2.0/25 -all", findings: 2),
      .flags("a network with host bits is masked first", "v=spf1 ip4:192.0.2.7/24 ↓ip4:192.0.2.64/26↓ -all"),
      .flags(
        "the earliest cover is named, here a later one in the same run",
        "v=spf1 ↓ip4:192.0.2.5↓ ip4:192.0.2.0/25 ip4:192.0.2.0/24 -all", findings: 2),
      .flags(
        "a cover and a copy of the covered host", "v=spf1 ip4:192.0.2.0/24 ↓ip4:192.0.2.5↓ ip4:192.0.2.5 -all",
        findings: 2),
      .flags("a modifier does not end a run", "v=spf1 ↓ip4:192.0.2.5↓ unknown=x ip4:192.0.2.0/24 -all"),
      .flags("the whole IPv4 space covers everything", "v=spf1 ip4:0.0.0.0/0 ↓ip4:192.0.2.0/24↓ -all"),
      .flags("the whole IPv6 space covers everything", "v=spf1 ip6:::/0 ↓ip6:2001:db8::/32↓ -all"),
      .flags(
        "a container two levels up, with a disjoint network between in sort order",
        "v=spf1 ip4:10.0.0.0/8 ip4:10.1.0.0/16 ip4:10.2.0.0/16 ↓ip4:10.1.2.3↓ -all", findings: 3),
      .flags(
        "only the containers in the host's run count when they come later",
        "v=spf1 ip4:192.0.2.5 -a ip4:192.0.2.0/24 ↓ip4:192.0.2.0/25↓ -all"),
      .passes("a fail for one host before a pass for its network", "v=spf1 -ip4:192.0.2.5 ip4:192.0.2.0/24 -all"),
      .passes(
        "a directive of another qualifier between host and later network",
        "v=spf1 ip4:192.0.2.5 -include:_spf.example.com ip4:192.0.2.0/24 -all"),
      .passes("adjacent halves", "v=spf1 ip4:192.0.2.0/25 ip4:192.0.2.128/25 -all"),
      .passes("the same network twice is SPF109's concern", "v=spf1 ip4:192.0.2.0/24 ip4:192.0.2.0/24 -all"),
      .passes("the same network written with host bits", "v=spf1 ip4:192.0.2.0/24 ip4:192.0.2.9/24 -all"),
      .passes("disjoint networks", "v=spf1 ip4:192.0.2.0/24 ip4:198.51.100.0/24 -all"),
      .passes(
        "IPv4 and a mapped IPv6 address are different mechanisms",
        "v=spf1 ip4:192.0.2.0/24 ip6:::ffff:192.0.2.5 -all"),
      .passes("networks in different records", "v=spf1 ip4:192.0.2.0/24 -all", "v=spf1 ip4:192.0.2.5 -all"),
    ]

    @Test(arguments: cases)
    func check(_ c: RuleCase) throws { try RuleTest.check(RedundantNetwork.self, c) }

    /// The sweep names the same cover as the definition, comparing every pair, on seeded random records
    /// of nested, equal and disjoint networks with mixed qualifiers.
    @Test(arguments: 0..<200)
    func agreesWithThePairwiseDefinition(seed: Int) {
      let record = NetworkRecordSample(seed: UInt64(seed)).record
      let linted = LintedRecord(index: 0, txt: TXTRecord(text: record))
      let found = Linter(rules: [RedundantNetwork()]).lint([linted.txt]).map(\.message)
      let expected = Self.pairwiseFindings(linted)
      #expect(found == expected, "\(record)")
    }

    /// SPF108 by its definition: for each network, the first other network in term order that strictly
    /// contains it and comes first, or comes later with it and every directive between of one qualifier.
    static func pairwiseFindings(_ record: LintedRecord) -> [String] {
      guard let terms = record.record?.terms else { return [] }
      let networks = record.networks
      return networks.compactMap { inner in
        let cover = networks.first { outer in
          guard outer.strictlyContains(inner) else { return false }
          if outer.index < inner.index { return true }
          return (inner.index...outer.index).allSatisfy { index in
            if case .directive(_, let qualifier) = record.tags[index] { qualifier == inner.qualifier } else { true }
          }
        }
        return cover.map {
          "'\(record.text(terms[inner.index].span))' is covered by '\(record.text(terms[$0.index].span))'"
        }
      }
    }
  }
}
