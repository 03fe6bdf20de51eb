import Testing

@testable import SPFKit

extension RuleTests {
  /// SPF109 `duplicate-term`.
  struct DuplicateTermTests {
    static let cases: [RuleCase] = [
      .flags(
        "an include twice: the second", "v=spf1 include:_spf.example.com ↓include:_spf.example.com↓ -all",
        fixed: "v=spf1 include:_spf.example.com -all"),
      .flags("domains compare without case", "v=spf1 include:_spf.Example.com ↓include:_SPF.example.COM↓ -all"),
      .flags("the qualifier does not matter: the first match decides", "v=spf1 -a ↓a↓ -all", fixed: "v=spf1 -a -all"),
      .flags("mx twice", "v=spf1 mx ↓mx↓ -all"),
      .flags("ptr twice", "v=spf1 ptr ↓ptr↓ -all"),
      .flags("exists twice", "v=spf1 exists:%{i}.example.com ↓exists:%{i}.example.com↓ -all"),
      .flags("a host with and without /32", "v=spf1 ip4:192.0.2.1 ↓ip4:192.0.2.1/32↓ -all"),
      .flags("networks compare masked", "v=spf1 ip4:192.0.2.0/24 ↓ip4:192.0.2.7/24↓ -all"),
      .flags("IPv6 compares canonical", "v=spf1 ip6:2001:db8::1 ↓ip6:2001:DB8:0::1↓ -all"),
      .flags(
        "three copies: one finding at the second, its fix removes both copies", "v=spf1 a ↓a↓ a -all",
        fixed: "v=spf1 a -all"),
      .flags(
        "two repeated mechanisms: one finding each", "v=spf1 mx a ↓mx↓ a mx ip4:192.0.2.1 ip4:192.0.2.1 -all",
        findings: 3),
      .passes(
        "the version run into a term: the guessed copy is SPF012's finding", "v=spf1a a"),
      .flags("split over strings", #""v=spf1 mx " "↓mx↓ -all""#),
      .flags(
        "three copies of a network: one finding, at the second",
        "v=spf1 ip4:192.0.2.1 mx ↓ip4:192.0.2.1↓ a ip4:192.0.2.1 -all"),
      .flags("copies of two kinds", "v=spf1 mx a ↓mx↓ a -all", findings: 2),
      .flags("an IPv6 copy beside IPv4 networks", "v=spf1 ip6:2001:db8::/32 ip4:192.0.2.1 ↓ip6:2001:db8::/32↓ -all"),
      .passes("IPv4 and IPv6 networks with the same bits differ", "v=spf1 ip4:0.0.0.0/0 ip6:::/0 -all"),
      .passes("a and a/24 differ", "v=spf1 a a/24 -all"),
      .passes("mx and mx with a domain differ", "v=spf1 mx mx:example.com -all"),
      .passes("RFC 7208 B.1: 'mx mx:example.org'", "v=spf1 mx mx:example.org -all"),
      .passes("different includes", "v=spf1 include:_spf.example.com include:_spf.example.net -all"),
      .passes("nested networks are SPF108's concern", "v=spf1 ip4:192.0.2.0/24 ip4:192.0.2.0/25 -all"),
      .passes("all twice is SPF107's concern", "v=spf1 ~all -all"),
      .passes("redirect twice is SPF011's concern", "v=spf1 redirect=a.example.com redirect=a.example.com"),
      .passes("the same term in two records", "v=spf1 mx -all", "v=spf1 mx -all"),
      .flags("mechanism names compare without case", "v=spf1 MX ↓mx↓ -all"),
      .flags("a domain and prefixes, case aside", "v=spf1 a:Example.com/24//64 ↓A:example.COM/24//64↓ -all"),
      .passes("the same domain with another prefix", "v=spf1 a:example.com/24 a:example.com/25 -all"),
      .flags("macro letters compare without case", "v=spf1 exists:%{I}.example.com ↓exists:%{i}.example.com↓ -all"),
      .passes("a macro and the text it might expand to differ", "v=spf1 a:%{d} a:example.com -all"),
    ]

    @Test(arguments: cases)
    func check(_ c: RuleCase) throws { try RuleTest.check(DuplicateTerm.self, c) }

    /// The tables of first copies find what comparing every pair finds, on seeded random records.
    @Test(arguments: 0..<200)
    func agreesWithThePairwiseDefinition(seed: Int) {
      let record = NetworkRecordSample(seed: UInt64(seed)).record
      let linted = LintedRecord(index: 0, txt: TXTRecord(text: record))
      let found = Linter(rules: [DuplicateTerm()]).lint([linted.txt]).map { $0.span?.start ?? -1 }
      #expect(found.sorted() == Self.pairwiseSecondCopies(linted), "\(record)")
    }

    /// The key of a term of printable ASCII with no macro is its written text without the qualifier,
    /// case aside; the definition is the parsed mechanism's description, lowercased. The two agree on
    /// every such term of the seeded records and of a list of tricky spellings.
    @Test func writtenTextIsTheDescription() {
      let tricky = [
        "v=spf1 A MX:Example.COM/24//64 a:example.com. mx/0 a//128 PTR ptr:Host.Example.com -ptr +include:X.example.com",
        "v=spf1 exists:example.com Include:_spf.example.com. a:example.com/32 mx:a-b.example.com//0 ~all",
      ]
      let records = tricky + (0..<200).map { NetworkRecordSample(seed: UInt64($0)).record }
      var checked = 0
      for record in records {
        let linted = LintedRecord(index: 0, txt: TXTRecord(text: record))
        for term in linted.record?.terms ?? [] {
          guard let mechanism = term.mechanism, ![.all, .ip4, .ip6].contains(mechanism.kind) else { continue }
          let written = linted.txt.joined[clamped: SourceSpan(start: term.nameSpan.start, end: term.span.end)]
          guard !written.contains(0x25) else { continue }
          let text = String(decoding: written, as: UTF8.self)
          #expect(text.lowercased() == mechanism.description.lowercased(), "\(record)")
          checked += 1
        }
      }
      #expect(checked > 500)
    }

    /// Keys of written text are equal exactly when the texts are, ignoring the case of ASCII letters:
    /// whatever the length, and wherever in a word of eight bytes a difference falls.
    @Test func caseInsensitiveKeysCompareEveryByte() {
      let text = Array("include:_spf.mail-relay.example.com".utf8)
      for length in 0...text.count {
        let base = text[..<length]
        let key = DuplicateTerm.CaseInsensitiveBytes(base)
        #expect(key == DuplicateTerm.CaseInsensitiveBytes(Array(base)[...]))
        for position in 0..<length {
          var other = Array(base)
          let byte = other[position]
          let isLetter = (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
          other[position] = isLetter ? byte ^ 0x20 : byte ^ 0x01
          let changed = DuplicateTerm.CaseInsensitiveBytes(other[...])
          #expect((key == changed) == isLetter, "length \(length), position \(position)")
          #expect(!isLetter || key.hashValue == changed.hashValue)
        }
      }
    }

    /// Long records take the dictionary path (over `DuplicateTerm.smallCount` candidates), short ones
    /// the pairwise one: both agree with the definition.
    @Test(arguments: 0..<60)
    func agreesWithThePairwiseDefinitionOnLongRecords(seed: Int) {
      let record = NetworkRecordSample(seed: UInt64(seed), terms: 40...90).record
      let linted = LintedRecord(index: 0, txt: TXTRecord(text: record))
      let found = Linter(rules: [DuplicateTerm()]).lint([linted.txt]).map { $0.span?.start ?? -1 }
      #expect(found.sorted() == Self.pairwiseSecondCopies(linted), "\(record)")
    }

    /// The start of the second copy of every mechanism (not `all`) written more than once, by comparing
    /// every pair: one finding per repeated mechanism, at its second copy.
    static func pairwiseSecondCopies(_ record: LintedRecord) -> [Int] {
      guard let terms = record.record?.terms else { return [] }
      return terms.indices.filter { index in
        guard let mechanism = terms[index].mechanism, mechanism.kind != .all else { return false }
        return terms[..<index].count { $0.mechanism.map { same($0, mechanism) } ?? false } == 1
      }.map { terms[$0].span.start }
    }

    /// Whether two mechanisms are the same: networks compared masked, domains ignoring case.
    static func same(_ a: Mechanism, _ b: Mechanism) -> Bool {
      switch (a, b) {
      case (.ip4(let x), .ip4(let y)): x.masked == y.masked
      case (.ip6(let x), .ip6(let y)): x.masked == y.masked
      default: a.kind == b.kind && a.description.lowercased() == b.description.lowercased()
      }
    }
  }
}
