import SPFKitTestSupport
import Testing

@testable import SPFKit

/// A memo changes how often records are parsed and checked, never the findings.
struct LintMemoTests {
  /// Names the same records are linted at: none, a short one, and one long enough that RFC 7208
  /// §3.4's 450 octets (SPF101, a rule that reads the name) are passed by records that fit without it.
  static let names: [String?] = [nil, "example.com", String(repeating: "label.", count: 40) + "example"]

  /// Every record set of the catalog's examples that needs no DNS and no zone file.
  static func catalogRecordSets() throws -> [[TXTRecord]] {
    try RuleCatalog.rules.map(\.metadata).filter { $0.requirement == .none }.flatMap {
      [$0.triggering, $0.nonTriggering]
    }.map { try MarkedInput($0).records }
  }

  /// Random records valid per the ABNF, some of them repeated, and some split into two strings.
  static func generatedRecordSets(count: Int) -> [[TXTRecord]] {
    var generator = RecordGenerator(rng: SplitMix64(seed: 7208))
    var sets: [[TXTRecord]] = []
    for index in 0..<count {
      if index % 3 == 2, let earlier = sets.randomElement(using: &generator.rng) {
        sets.append(earlier)
        continue
      }
      let bytes = Array(generator.record().utf8)
      if index % 5 == 0, bytes.count > 8 {
        let cut = generator.rng.int(1...(bytes.count - 1))
        sets.append([
          TXTRecord(strings: [
            CharacterString(bytes: Array(bytes[..<cut])), CharacterString(bytes: Array(bytes[cut...])),
          ])
        ])
      } else {
        sets.append([TXTRecord(strings: [CharacterString(bytes: bytes)])])
      }
    }
    return sets
  }

  /// Lints every set at every name three times through one memo (first seen, kept, found) and
  /// expects the findings of a linter without a memo each time.
  static func expectSameFindings(_ sets: [[TXTRecord]], linter: Linter, zone: (([TXTRecord]) -> ZoneFacts?)? = nil)
    -> LintMemo
  {
    var memo = LintMemo()
    for _ in 0..<3 {
      for records in sets {
        for name in names {
          let facts = zone?(records)
          let expected = linter.lint(LintContext(records: records, name: name, zone: facts))
          let found = linter.lint(records, name: name, zone: facts, memo: &memo)
          #expect(found == expected, "\(records.map(\.text)) at \(name ?? "no name")")
        }
      }
    }
    return memo
  }

  @Test
  func catalogExamplesGiveTheSameFindings() throws {
    let memo = Self.expectSameFindings(try Self.catalogRecordSets(), linter: Linter())
    #expect(memo.hits > 0)
  }

  @Test(arguments: [Severity.info, .warning])
  func generatedRecordsGiveTheSameFindings(threshold: Severity) {
    var linter = Linter()
    linter.detailThreshold = threshold
    let memo = Self.expectSameFindings(Self.generatedRecordSets(count: 600), linter: linter)
    #expect(memo.hits > 0 && memo.misses > 0)
  }

  /// SPF-type zone records: SPF113 (a zone rule) runs at every name, over the records the memo parsed.
  @Test
  func zoneFactsGiveTheSameFindings() throws {
    let sets = try Self.catalogRecordSets().filter { !$0.isEmpty }
    let memo = Self.expectSameFindings(sets, linter: Linter()) { records in
      ZoneFacts(
        records: records.indices.map { index in
          ZoneFacts.Record(
            type: index == 0 ? .spf : .txt,
            typeRange: SourceRange(start: SourceLocation(line: index + 3, column: 5), length: 3))
        })
    }
    #expect(memo.hits > 0)
  }

  /// Records are the same by their strings' bytes: where they came from is not part of the key, how
  /// they are split into strings is.
  @Test
  func recordsAreKeyedByTheirStrings() {
    let linter = Linter()
    var memo = LintMemo()
    let text = Array("v=spf1 ip4:192.0.2.1 -all".utf8)
    func record(_ parts: [ArraySlice<UInt8>], line: Int) -> [TXTRecord] {
      [TXTRecord(strings: parts.map { CharacterString(bytes: Array($0), origin: SourceOrigin(line: line, column: 9)) })]
    }
    for line in 1...3 { _ = linter.lint(record([text[...]], line: line), memo: &memo) }
    #expect(memo.hits == 1 && memo.count == 1)
    let split = record([text[..<11], text[11...]], line: 4)
    #expect(linter.lint(split, memo: &memo) == linter.lint(split))
    #expect(memo.hits == 1, "the same bytes split into two strings are another set of records")
  }

  @Test
  func memoryIsBounded() {
    let linter = Linter()
    var memo = LintMemo(capacity: 4, textCapacity: 100)
    for round in 0..<2 {
      for host in 0..<10 {
        let records = [TXTRecord(text: "v=spf1 ip4:192.0.2.\(host) -all")]
        #expect(linter.lint(records, memo: &memo) == linter.lint(records))
        #expect(memo.count <= 4, "round \(round)")
      }
    }
    let long = [TXTRecord(text: "v=spf1 " + String(repeating: "a ", count: LintMemo.longestMemoized) + "-all")]
    for _ in 0..<3 { #expect(linter.lint(long, memo: &memo) == linter.lint(long)) }
    #expect(memo.hits == 0, "a set longer than the longest kept is linted without the memo")
  }

  @Test
  func aMemoFollowsItsLinter() {
    var memo = LintMemo()
    let records = [TXTRecord(text: "v=spf1 ptr -all")]
    var hiding = Linter()
    hiding.detailThreshold = .error
    for linter in [Linter(), Linter(), hiding, Linter(disabling: ["SPF102"]), Linter(disabling: ["SPF102"])] {
      #expect(linter.lint(records, memo: &memo) == linter.lint(records))
    }
  }

  /// A suppression comment filters findings by rule: such names are linted without the memo.
  @Test
  func suppressionsAreHonoured() {
    let records = [TXTRecord(text: "v=spf1 ptr -all")]
    let zone = ZoneFacts(records: [
      ZoneFacts.Record(
        type: .txt, typeRange: SourceRange(start: SourceLocation(line: 2, column: 5), length: 3),
        suppressedCodes: ["SPF102"])
    ])
    var memo = LintMemo()
    for _ in 0..<3 {
      let found = Linter().lint(records, name: "example.com", zone: zone, memo: &memo)
      #expect(found == Linter().lint(LintContext(records: records, name: "example.com", zone: zone)))
      #expect(!found.map(\.code).contains("SPF102"))
    }
    #expect(memo.hits == 0)
  }

  @Test
  func sameBytesComparesEveryByte() {
    var random = SplitMix64(seed: 3)
    for length in 0...40 {
      let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: random.next()) }
      #expect(LintMemo.Key.sameBytes(bytes, bytes))
      for position in 0..<length {
        var other = bytes
        other[position] ^= 1 << UInt8(position % 8)
        #expect(!LintMemo.Key.sameBytes(bytes, other), "length \(length), byte \(position)")
      }
      #expect(!LintMemo.Key.sameBytes(bytes, bytes + [0]))
    }
  }
}
