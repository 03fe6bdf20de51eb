import SPFKit
import Testing

/// A zone and the codes each of its TXT records has disabled.
struct ZoneSuppressionCase: Sendable, CustomTestStringConvertible {
  var why: String
  var zone: String
  var codes: [Set<String>]
  var files: [String: String] = [:]
  var testDescription: String { why }
}

let zoneSuppressionCases: [ZoneSuppressionCase] = [
  .init(why: "on the record's line", zone: "a 1 TXT \"x\" ; spfkit-disable SPF102\n", codes: [["SPF102"]]),
  .init(
    why: "on the line directly above, comma-separated", zone: "; spfkit-disable SPF102, SPF105\na 1 TXT \"x\"\n",
    codes: [["SPF102", "SPF105"]]),
  .init(
    why: "blank-separated, codes upper-cased, slugs kept",
    zone: ";spfkit-disable spf102 ptr-deprecated\na 1 TXT \"x\"\n",
    codes: [["SPF102", "ptr-deprecated"]]),
  .init(
    why: "a reason may follow the codes", zone: "a 1 TXT \"x\" ; spfkit-disable SPF102 -- legacy relay SPF999\n",
    codes: [["SPF102"]]),
  .init(
    why: "on any line of a record in parentheses",
    zone: "a 1 TXT ( \"x\" ; spfkit-disable SPF001\n \"y\" ) ; spfkit-disable SPF002\n",
    codes: [["SPF001", "SPF002"]]),
  .init(
    why: "above and on the line together", zone: "; spfkit-disable SPF001\na 1 TXT \"x\" ; spfkit-disable SPF002\n",
    codes: [["SPF001", "SPF002"]]),
  .init(why: "not across a blank line", zone: "; spfkit-disable SPF102\n\na 1 TXT \"x\"\n", codes: [[]]),
  .init(
    why: "a record's own comment does not leak to the next record",
    zone: "a 1 TXT \"x\" ; spfkit-disable SPF102\nb 1 TXT \"y\"\n", codes: [["SPF102"], []]),
  .init(
    why: "a comment line applies to the next record only",
    zone: "; spfkit-disable SPF102\na 1 TXT \"x\"\nb 1 TXT \"y\"\n", codes: [["SPF102"], []]),
  .init(
    why: "a comment above a skipped record is used up by it",
    zone: "; spfkit-disable SPF102\na 1 A 192.0.2.1\nb 1 TXT \"y\"\n", codes: [[]]),
  .init(
    why: "the keyword must be the comment's first word", zone: "a 1 TXT \"x\" ; see spfkit-disable SPF102\n",
    codes: [[]]),
  .init(why: "a longer keyword is not the keyword", zone: "a 1 TXT \"x\" ; spfkit-disabled SPF102\n", codes: [[]]),
  .init(why: "inside quotes it is text", zone: "a 1 TXT \"; spfkit-disable SPF102\"\n", codes: [[]]),
  .init(
    why: "on a directive's line it applies to no record",
    zone: "$ORIGIN example.com. ; spfkit-disable SPF102\nb 1 TXT \"y\"\n", codes: [[]]),
  // Found by the zone fuzzer: the codes stayed with the including file and reached its next record,
  // which a reader resumed after the `$INCLUDE` line did not give them.
  .init(
    why: "on an $INCLUDE line it applies to no record, in either file",
    zone: "$INCLUDE inc ; spfkit-disable SPF102\nb 1 TXT \"y\"\n", codes: [[], []],
    files: ["inc": "i 1 TXT \"z\"\n"]),
]

@Suite struct ZoneReaderSuppressionTests {
  @Test(arguments: zoneSuppressionCases)
  func collectsCodes(_ testCase: ZoneSuppressionCase) throws {
    let records = try ZoneTestSupport.read(testCase.zone, files: testCase.files)
    #expect(records.map(\.suppressedCodes) == testCase.codes, "\(testCase.why)")
  }

  @Test(arguments: zoneSuppressionCases)
  func collectsCodesAcrossChunks(_ testCase: ZoneSuppressionCase) throws {
    let records = try ZoneTestSupport.read(testCase.zone, files: testCase.files, chunkSize: 1)
    #expect(records.map(\.suppressedCodes) == testCase.codes, "\(testCase.why)")
  }
}
