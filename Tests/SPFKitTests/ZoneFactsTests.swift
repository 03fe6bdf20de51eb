import Testing

@testable import SPFKit

/// Linting zone records owner by owner: record types and `; spfkit-disable` comments.
struct ZoneFactsTests {
  /// One case: a zone and the findings (`owner code`) expected among `codes`.
  struct Case: Sendable, CustomTestStringConvertible {
    let why: String
    let zone: String
    let codes: Set<String>
    let expected: [String]
    var testDescription: String { why }
  }

  static let twoRecords = "a 1 TXT \"v=spf1 -all\"\na 1 TXT \"v=spf1 mx -all\""
  static let long =
    "\"v=spf1 " + String(repeating: "ip4:192.0.2.1 ", count: 17) + "\" \""
    + String(repeating: "ip4:198.51.100.1 ", count: 13) + "-all\""

  static let cases: [Case] = [
    Case(
      why: "a comment on the record's line", zone: "a 1 TXT \"v=spf1 ptr -all\" ; spfkit-disable SPF102\n",
      codes: ["SPF102"], expected: []),
    Case(
      why: "a comment on the line above", zone: "; spfkit-disable SPF102\na 1 TXT \"v=spf1 ptr -all\"\n",
      codes: ["SPF102"], expected: []),
    Case(
      why: "a slug names the rule too", zone: "a 1 TXT \"v=spf1 ptr -all\" ; spfkit-disable ptr-deprecated\n",
      codes: ["SPF102"], expected: []),
    Case(
      why: "other codes are kept", zone: "a 1 TXT \"v=spf1 ptr ?all\" ; spfkit-disable SPF102\n",
      codes: ["SPF102", "SPF104"], expected: ["a.example.com SPF104"]),
    Case(
      why: "a comment on another record of the name leaves a record finding",
      zone: "a 1 TXT \"x\" ; spfkit-disable SPF102\na 1 TXT \"v=spf1 ptr -all\"\n",
      codes: ["SPF102"], expected: ["a.example.com SPF102"]),
    Case(
      why: "SPF001 is about the name: a comment on the first record silences it on the second",
      zone: "a 1 TXT \"v=spf1 -all\" ; spfkit-disable SPF001\na 1 TXT \"v=spf1 mx -all\"\n",
      codes: ["SPF001"], expected: []),
    Case(
      why: "SPF001 without a comment", zone: twoRecords + "\n", codes: ["SPF001"], expected: ["a.example.com SPF001"]),
    Case(
      why: "SPF001 counts TXT records only", zone: "a 1 TXT \"v=spf1 -all\"\na 1 SPF \"v=spf1 mx -all\"\n",
      codes: ["SPF001"], expected: []),
    Case(
      why: "two SPF-type records are no SPF001 either", zone: "a 1 SPF \"v=spf1 -all\"\na 1 SPF \"v=spf1 -all\"\n",
      codes: ["SPF001"], expected: []),
    Case(
      why: "names differ in case only: one owner", zone: "a 1 TXT \"v=spf1 -all\"\nA 1 TXT \"v=spf1 mx -all\"\n",
      codes: ["SPF001"], expected: ["a.example.com SPF001"]),
    Case(
      why: "SPF101 counts the TXT answer", zone: "a 1 TXT \(long)\n", codes: ["SPF101"],
      expected: ["a.example.com SPF101"]),
    Case(
      why: "SPF101 leaves SPF-type records out", zone: "a 1 SPF \(long)\na 1 TXT \"v=spf1 -all\"\n",
      codes: ["SPF101"], expected: []),
    Case(
      why: "SPF101 is about the name", zone: "; spfkit-disable record-too-large\na 1 TXT \"x\"\na 1 TXT \(long)\n",
      codes: ["SPF101"], expected: []),
    Case(
      why: "an SPF-type record's text is linted", zone: "a 1 SPF \"v=spf1 +all\"\n",
      codes: ["SPF103", "SPF113"], expected: ["a.example.com SPF103", "a.example.com SPF113"]),
  ]

  @Test(arguments: cases)
  func lint(_ c: Case) throws {
    let records = try ZoneTestSupport.read(c.zone)
    var owners: [ZoneName: [ZoneRecord]] = [:]
    for record in records { owners[record.owner, default: []].append(record) }
    let found = owners.values.flatMap { group in
      let context = LintContext(zoneRecords: group)
      return Linter().lint(context).filter { c.codes.contains($0.code) }.map { "\(context.name ?? "-") \($0.code)" }
    }
    #expect(found.sorted() == c.expected)
  }

  @Test func ownerNameWithoutTheFinalDot() throws {
    let records = try ZoneTestSupport.read("@ 1 TXT \"x\"\n")
    #expect(LintContext(zoneRecords: records).name == "example.com")
    #expect(ZoneName.root.lintName == ".")
  }
}
