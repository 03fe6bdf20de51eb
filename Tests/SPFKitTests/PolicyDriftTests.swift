import Testing

@testable import SPFKit

struct PolicyDriftTests {
  /// The policy of `example.com` and its include chain `_spf1.example.com`, `_spf2.example.com`, ...
  static func policy(_ texts: [String]) -> GeneratedPolicy {
    let records = texts.enumerated().map { index, text in
      GeneratedPolicy.Record(
        owner: index == 0 ? "example.com" : "_spf\(index).example.com", txt: TXTRecord(splittingRecordText: text),
        spf: SPFParser.parse(text).record)
    }
    return GeneratedPolicy(records: records, report: GenerationReport(lookups: 0, chainLookups: 0))
  }

  struct Case: Sendable, CustomStringConvertible {
    let zone: String
    let current: [String]
    /// `+NETWORK`, `-NETWORK`, `+term TERM`, `-term TERM`, `added OWNER`, `removed OWNER`, `changed OWNER`.
    let expected: [String]
    let why: String
    var description: String { why }
  }

  static let cases: [Case] = [
    Case(
      zone: """
        example.com. 300 IN TXT ( "v=spf1 ip4:192.0.2.0/24 " "include:_spf1.example.com -all" )
        _spf1 3600 TXT "v=spf1 ip6:2001:db8::/32 -all"
        www TXT "v=spf1 -all"
        example.com. TXT "google-site-verification=x"
        """,
      current: ["v=spf1 ip4:192.0.2.0/24 include:_spf1.example.com -all", "v=spf1 ip6:2001:db8::/32 -all"],
      expected: [], why: "TTL, string splitting, relative owners and other records are ignored"),
    Case(
      zone: "@ TXT \"v=spf1 ip4:192.0.2.0/24 ip4:198.51.100.0/24 -all\"",
      current: ["v=spf1 ip4:192.0.2.0/23 ip4:198.51.100.0/25 -all"],
      expected: ["+ip4:192.0.3.0/24", "-ip4:198.51.100.128/25", "changed example.com"],
      why: "networks are compared as address sets: only the difference is listed"),
    Case(
      zone: """
        @ TXT "v=spf1 ip4:192.0.2.0/25 include:_spf1.example.com -all"
        _spf1 TXT "v=spf1 ip4:192.0.2.128/25 -all"
        """,
      current: ["v=spf1 ip4:192.0.2.0/24 -all"],
      expected: ["removed _spf1.example.com", "changed example.com"],
      why: "the same networks in another layout: no network changed, the chain went"),
    Case(
      zone: "@ TXT \"v=spf1 ip4:192.0.2.0/24 include:_spf.kept.net ~all\"",
      current: ["v=spf1 ip4:192.0.2.0/24 -ip4:192.0.2.1 include:_spf.other.net ~all"],
      expected: [
        "+-ip4:192.0.2.1", "+term include:_spf.other.net", "-term include:_spf.kept.net", "changed example.com",
      ],
      why: "qualified networks and kept terms"),
    Case(
      zone: "; nothing published yet\n", current: ["v=spf1 ip4:192.0.2.0/24 -all"],
      expected: ["+ip4:192.0.2.0/24", "+term -all", "added example.com"],
      why: "an empty snippet: everything is new"),
  ]

  @Test(arguments: cases)
  func drift(_ c: Case) throws {
    let drift = PolicyDrift(
      published: try ZoneTestSupport.read(c.zone), current: Self.policy(c.current), domain: "example.com.",
      chainPrefix: "_spf")
    let lines =
      drift.addedNetworks.map { "+" + $0 } + drift.removedNetworks.map { "-" + $0 }
      + drift.addedTerms.map { "+term " + $0 } + drift.removedTerms.map { "-term " + $0 }
      + drift.addedRecords.map { "added " + $0 } + drift.removedRecords.map { "removed " + $0 }
      + drift.changedRecords.map { "changed " + $0 }
    #expect(lines == c.expected)
    #expect(drift.isCurrent == c.expected.isEmpty)
  }

  @Test(arguments: [
    ("example.com", true), ("_spf1.example.com", true), ("_SPF12.example.com", true), ("_spf.example.com", false),
    ("_spfx.example.com", false), ("a._spf1.example.com", false), ("_spf1.example.org", false),
  ])
  func policyNames(_ owner: String, _ expected: Bool) {
    #expect(
      PolicyDrift.isPolicyName(DNSQuestion.normalize(owner), domain: "example.com", chainPrefix: "_spf") == expected)
  }
}
