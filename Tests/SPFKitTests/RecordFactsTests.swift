import SPFKitTestSupport
import Testing

@testable import SPFKit

/// The facts rules skip records by (`RecordFacts`) agree with what they stand for, read off the
/// record's tags, terms, lookups and networks: a fact that is wrong would silently hide findings.
@Suite struct RecordFactsTests {
  /// Records with invalid terms, repeats, several 'all's, near misses, other TXT records and several strings.
  static let written: [[String]] = [
    ["v=spf1 -all"],
    ["v=spf1 ip4:192.0.2.1 ?all ip4:192.0.2.2 +all"],
    ["v=spf1 redirect=_spf.example.com redirect=_spf.example.net exp=a.example exp=b.example"],
    ["v=spf1 ipv4:192.0.2.1 ipv4:192.0.2.2 ip4:10.0.0.0/8 ip6:2001:db8::/32 ~all"],
    ["v=spf1 include:a.example include:a.example a mx ptr exists:%{i}.example -all"],
    ["v=spf1 a:bad..example mx/33 !all v=spf1 -all"],
    ["v=spf1", " mx", " -all"],
    ["\"v=spf1 mx -all\""],
    ["spf2.0/mfrom,pra ip4:192.0.2.1 -all"],
    ["google-site-verification=abc"],
    [" v=spf1 mx -all"],
  ]

  @Test(arguments: written)
  func agreeOnWrittenRecords(strings: [String]) {
    let txt = TXTRecord(strings: strings.map { CharacterString(bytes: Array($0.utf8)) })
    Self.check(LintedRecord(index: 3, txt: txt), index: 3)
  }

  @Test(arguments: 0..<300)
  func agreeOnGeneratedRecords(seed: Int) {
    var generator = RecordGenerator(rng: SplitMix64(seed: UInt64(seed)))
    Self.check(LintedRecord(index: 0, txt: TXTRecord(text: generator.record())), index: 0)
  }

  @Test func termKindsOfTags() {
    let tags: [TermTag] = [
      .directive(.ip4, .pass), .directive(.ip4, .fail), .redirect, .invalid, .directive(.all, .neutral),
    ]
    let (present, repeated) = TermKinds.of(tags)
    #expect(present == [.ip4, .redirect, .invalid, .all])
    #expect(repeated == .ip4)
    #expect(TermKinds.of([]).present.isEmpty)
    // One bit a kind: no two kinds share one.
    let every = MechanismKind.allCases.map(TermKinds.init) + [.redirect, .explanation, .unknownModifier, .invalid]
    #expect(Set(every.map(\.rawValue)).count == every.count)
    #expect(every.allSatisfy { $0.rawValue.nonzeroBitCount == 1 })
  }

  /// Each fact against its definition.
  static func check(_ record: LintedRecord, index: Int) {
    let facts = record.facts
    let tags = record.tags
    let terms = record.record?.terms ?? []
    let text = String(decoding: record.txt.joined, as: UTF8.self)
    #expect(facts.index == index)
    #expect(facts.role == record.role)
    #expect(facts.isParsed == (record.parsed != nil), "\(text)")
    #expect(facts.hasIssues == !(record.parsed?.issues.isEmpty ?? true), "\(text)")
    #expect(facts.versionSpan == record.record?.versionSpan, "\(text)")
    #expect(facts.termCount == terms.count, "\(text)")
    #expect(facts.lookupCount == (record.lookups?.count ?? 0), "\(text)")
    #expect(facts.networkCount == record.networks.count, "\(text)")
    #expect(facts.stringCount == record.txt.strings.count, "\(text)")
    #expect(facts.length == record.txt.joined.count, "\(text)")
    let allIndex = terms.firstIndex { $0.mechanism?.kind == .all }
    #expect(facts.firstAll?.index == allIndex, "\(text)")
    #expect(facts.firstAll?.qualifier == allIndex.flatMap { terms[$0].directive?.qualifier }, "\(text)")
    for kind in MechanismKind.allCases {
      #expect(facts.kinds.contains(TermKinds(kind)) == terms.contains { $0.mechanism?.kind == kind }, "\(kind) \(text)")
      let written = record.writtenTags.filter { $0.mechanismKind == kind }.count
      #expect(facts.repeatedWrittenKinds.contains(TermKinds(kind)) == (written > 1), "\(kind) \(text)")
    }
    for (kind, tag) in [
      (TermKinds.redirect, TermTag.redirect), (.explanation, .explanation), (.unknownModifier, .unknownModifier),
      (.invalid, .invalid),
    ] {
      #expect(facts.kinds.contains(kind) == tags.contains(tag), "\(tag) \(text)")
      #expect(
        facts.repeatedWrittenKinds.contains(kind) == (record.writtenTags.filter { $0 == tag }.count > 1),
        "\(tag) \(text)")
    }
  }
}
