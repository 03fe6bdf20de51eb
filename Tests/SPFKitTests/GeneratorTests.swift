import SPFKitTestSupport
import Testing

@testable import SPFKit

struct GeneratorTests {
  /// The records one real domain published at once (RFC 7208 §4.5: a permerror).
  static let exampleRecords = [
    "v=spf1 ip4:211.252.150.22 ip4:211.252.150.23 ip4:211.252.150.33 ip4:211.252.150.47 ip4:211.252.150.16 "
      + "ip4:221.143.30.34 ip4:123.251.254.2 -all",
    "v=spf1 ip4:114.31.57.34 ip4:114.31.57.35 ip4:203.237.66.13 ip4:203.237.66.6 -all",
  ]

  struct MergeCase: Sendable, CustomStringConvertible {
    let records: [String]
    var all: Qualifier? = nil
    /// The merged record, or the refusal's description.
    let expected: String
    var notes: [String] = []
    let why: String
    var description: String { why }
  }

  static let mergeCases: [MergeCase] = [
    MergeCase(
      records: exampleRecords,
      expected: "v=spf1 ip4:114.31.57.34/31 ip4:123.251.254.2 ip4:203.237.66.6 ip4:203.237.66.13 ip4:211.252.150.16 "
        + "ip4:211.252.150.22/31 ip4:211.252.150.33 ip4:211.252.150.47 ip4:221.143.30.34 -all",
      why: "the published pair: one record, pairs aggregated, address order"),
    MergeCase(
      records: ["v=spf1 include:_spf.Example.com ~all", "v=spf1 include:_spf.example.COM ~all"],
      expected: "v=spf1 include:_spf.Example.com ~all", why: "duplicate include ignoring case, first spelling kept"),
    MergeCase(
      records: [
        "v=spf1 include:x.example mx a ip4:192.0.2.1 ~all", "v=spf1 ptr exists:%{i}.e.example a:m.example ~all",
      ],
      expected: "v=spf1 ip4:192.0.2.1 a a:m.example mx include:x.example exists:%{i}.e.example ptr ~all",
      why: "rule 2 order: ip, a, mx, include, exists, ptr, all"),
    MergeCase(
      records: ["v=spf1 ip6:2001:db8::/33 ip4:192.0.2.0/25", "v=spf1 ip6:2001:db8:8000::/33 ip4:192.0.2.128/25"],
      expected: "v=spf1 ip4:192.0.2.0/24 ip6:2001:db8::/32", why: "both families aggregated; no 'all' in either"),
    MergeCase(
      records: ["v=spf1 ip4:192.0.2.1 -all", "v=spf1 ip4:192.0.2.2 ~all"],
      expected: "the records end differently ('-all' in record 1, '~all' in record 2): choose one with '--all'",
      why: "disagreeing all is refused"),
    MergeCase(
      records: ["v=spf1 ip4:192.0.2.1 -all", "v=spf1 ip4:192.0.2.2 ~all"], all: .softfail,
      expected: "v=spf1 ip4:192.0.2.1 ip4:192.0.2.2 ~all", why: "'--all' decides"),
    MergeCase(
      records: ["v=spf1 ip4:192.0.2.1 -all", "v=spf1 ip4:192.0.2.2"],
      expected: "the records end differently ('-all' in record 1, no 'all' in record 2): choose one with '--all'",
      why: "a record without all ends neutral: that differs too"),
    MergeCase(
      records: ["v=spf1 a redirect=_spf.example.com", "v=spf1 mx redirect=_SPF.example.com"],
      expected: "v=spf1 a mx redirect=_spf.example.com", why: "the same redirect is kept"),
    MergeCase(
      records: ["v=spf1 a redirect=_spf.example.com", "v=spf1 mx -all"], all: .fail,
      expected: "v=spf1 a mx -all", notes: ["'redirect=_spf.example.com' dropped: '--all' decides how the record ends"],
      why: "'--all' replaces a redirect"),
    MergeCase(
      records: ["v=spf1 a -all redirect=_spf.example.com", "v=spf1 mx -all"], expected: "v=spf1 a mx -all",
      notes: ["record 1: 'redirect=_spf.example.com' is never used beside 'all'"],
      why: "a redirect beside all is ignored by receivers"),
    MergeCase(
      records: ["v=spf1 a -all exp=a.example", "v=spf1 mx -all exp=b.example"],
      expected: "the records name different explanations ('exp=a.example', 'exp=b.example'): "
        + "'--all' merges them without 'exp'",
      why: "different exp are refused"),
    MergeCase(
      records: ["v=spf1 a -all exp=a.example", "v=spf1 mx -all exp=b.example"], all: .fail,
      expected: "v=spf1 a mx -all", notes: ["'exp' dropped: the records name different explanations"],
      why: "'--all' drops disagreeing exp"),
    MergeCase(
      records: ["v=spf1 a -all exp=a.example", "v=spf1 mx foo=bar -all"],
      expected: "v=spf1 a mx -all foo=bar exp=a.example", why: "one exp kept; unknown modifier kept, before exp"),
    MergeCase(
      records: ["v=spf1 a -all ip4:192.0.2.1", "v=spf1 mx -all"], expected: "v=spf1 a mx -all",
      notes: ["record 1: 'ip4:192.0.2.1' after 'all' is never evaluated: dropped"], why: "terms after all drop"),
    MergeCase(
      records: ["v=spf1 a -all v=spf1 mx -all"], expected: "v=spf1 a -all",
      notes: [
        "record 1: 'v=spf1' is a pasted version tag, not a modifier: dropped",
        "record 1: 'mx' after 'all' is never evaluated: dropped",
        "record 1: '-all' after 'all' is never evaluated: dropped",
      ],
      why: "two records pasted into one: the pasted version tag is dropped"),
    MergeCase(
      records: ["v=spf1 -ip4:192.0.2.1 -all", "v=spf1 ip4:192.0.2.0/24 -all"],
      expected:
        "'-ip4:192.0.2.1' and 'ip4:192.0.2.0/24' overlap with different qualifiers: one record cannot keep both",
      why: "overlapping blocks with different qualifiers are refused"),
    MergeCase(
      records: ["v=spf1 ip4:192.0.2.0/24 -all", "v=spf1 ~ip4:198.51.100.1 -all"],
      expected: "v=spf1 ~ip4:198.51.100.1 ip4:192.0.2.0/24 -all", why: "disjoint qualified blocks first"),
    MergeCase(
      records: ["v=spf1 ~include:x.example -all", "v=spf1 include:x.example -all"],
      expected:
        "'~include:x.example' and 'include:x.example' overlap with different qualifiers: one record cannot keep both",
      why: "one lookup with two qualifiers is refused"),
    MergeCase(
      records: ["v=spf1 ip4:192.0.2.300 -all", "v=spf1 -all"],
      expected: "record 1 has a syntax error: '192.0.2.300' is not a valid IPv4 address: octet is greater than 255",
      why: "a record with a syntax error is refused"),
    MergeCase(
      records: [
        "v=spf1 " + (1...6).map { "include:a\($0).example" }.joined(separator: " ") + " -all",
        "v=spf1 " + (1...5).map { "include:b\($0).example" }.joined(separator: " ") + " -all",
      ],
      expected: "the policy needs 11 DNS lookups (11 in the record, 0 for the include chain): "
        + "more than 10 is a permerror (RFC 7208 §4.6.4)",
      why: "eleven lookups are refused even when they fit"),
  ]

  @Test(arguments: mergeCases)
  func merge(_ c: MergeCase) {
    let records = c.records.map { SPFParser.parse($0) }
    do {
      let policy = try PolicyGenerator.merge(records, options: GenerateOptions(all: c.all))
      #expect(policy.records.map(\.txt.text) == [c.expected])
      #expect(policy.report.notes == c.notes)
    } catch {
      #expect(error.description == c.expected)
    }
  }

  @Test func exampleReport() throws {
    let policy = try PolicyGenerator.merge(
      GeneratorTests.exampleRecords.map { SPFParser.parse($0) },
      options: GenerateOptions(domain: "example.com"))
    #expect(policy.records.count == 1)
    #expect(policy.records[0].owner == "example.com")
    #expect(policy.report.lookups == 0)
    #expect(policy.report.widening.isEmpty)
  }

  /// Merging authorizes exactly the union of the records' blocks; widened, a superset larger by
  /// exactly the reported count.
  @Test(arguments: [nil, 24, 28] as [Int?])
  func mergeAuthorizesTheUnion(widenTo limit: Int?) throws {
    var random = SplitMix64(seed: UInt64(limit ?? 1))
    for _ in 0..<60 {
      let blocks = (0..<Int.random(in: 1...30, using: &random)).map { _ in
        IPv4Network(
          address: IPv4Address(0xC633_6400 | UInt32(Int.random(in: 0..<1 << 10, using: &random))),
          prefixLength: Int.random(in: 24...32, using: &random))
      }
      var texts = ["v=spf1", "v=spf1", "v=spf1"]
      for block in blocks { texts[Int.random(in: 0..<3, using: &random)] += " ip4:\(block)" }
      let records = texts.map { SPFParser.parse($0 + " ~all") }
      let options = GenerateOptions(domain: "example.com", widening: WideningLimit(ipv4: limit))
      let policy = try PolicyGenerator.merge(records, options: options)
      for record in policy.records {
        let errors = Linter().lint([record.txt], name: record.owner).filter { $0.severity == .error }
        #expect(errors.isEmpty, "generated records lint without errors: \(record.txt.text)")
      }
      let published = policy.records.flatMap(\.spf.directives).compactMap { directive -> IPv4Network? in
        if case .ip4(let network) = directive.mechanism { network } else { nil }
      }
      let exact = CIDRAggregator.aggregate(blocks)
      let merged = CIDRAggregator.aggregate(published)
      if limit == nil { #expect(merged == exact) }
      for network in exact { #expect(merged.contains { $0.contains(network) }) }
      let size = { (networks: [IPv4Network]) in networks.reduce(UInt128(0)) { $0 + UInt128($1.size) } }
      #expect(size(merged) - size(exact) == policy.report.widening.ipv4UnlistedTotal)
    }
  }

  @Test(
    arguments: [
      ("_spf.example.com", nil, "a plain name"),
      ("%{ir}.%{v}._spf.example.com", nil, "macros"),
      ("example.com.", nil, "a trailing dot is the root"),
      ("bad..example", "'bad..example' is not a usable domain: it has an empty label", "empty label, found by SPF009"),
      ("exa mple.com", "'exa mple.com' is not a usable domain: it holds a space", "a space"),
      (
        "exa",
        "'exa' is not a usable domain: 'exa' is not a domain: it needs a dot and a top-level label ('example.com')",
        "the parser's reason"
      ),
      ("", "'' is not a usable domain: it is empty", "empty"),
    ] as [(String, String?, String)])
  func domainSpecArguments(_ text: String, _ refusal: String?, _ why: String) {
    do {
      _ = try GenerateOptions.domainSpec(text)
      #expect(refusal == nil, "\(why)")
    } catch {
      #expect(error.description == refusal, "\(why)")
    }
  }
}

struct TermOrderTests {
  @Test(
    arguments: [
      ("v=spf1 include:a.example ip4:192.0.2.1 mx -all", nil, "all pass: any order gives the same results"),
      ("v=spf1 -exists:%{i}.bl.example include:a.example ~all", "include:a.example", "a fail before a later pass"),
      ("v=spf1 -include:bl.example ip4:192.0.2.1 ~all", "ip4:192.0.2.1", "ip4 moves first past a fail"),
      ("v=spf1 -ip4:192.0.2.1 include:a.example ~all", nil, "already in rule 2 order"),
      ("v=spf1 ?mx -a ~all", "-a", "a before mx"),
    ] as [(String, String?, String)])
  func firstSwap(_ record: String, _ moved: String?, _ why: String) {
    let directives = SPFParser.parse(record).record.directives.filter { $0.mechanism != .all }
    #expect(TermOrder.firstSwap(in: directives)?.later.description == moved, "\(why)")
  }
}
