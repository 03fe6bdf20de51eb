import Foundation
import Testing

/// Names that publish the same records (most of a hosting provider's zone): `spfkit lint` parses and
/// checks them once (`LintMemo`), and each name still gets its own findings, in its own place.
@Suite struct LintRepeatedRecordsTests {
  @Test
  func repeatedBulkRecordsAreReportedOnTheirOwnLines() async throws {
    let lines = [
      "v=spf1 a mx ptr -all", "v=spf1 a mx ptr -all", "v=spf1 a mx ptr -all", "v=spf1 -all", "v=spf1 a mx ptr -all",
    ]
    let result = try await SPFKitProcess.run(
      ["lint", "--jobs", "1", "-"], stdin: Array((lines.joined(separator: "\n") + "\n").utf8))
    #expect(result.status == 0, "warnings only: \(result.stderr)")
    let reported = result.stdout.split(separator: "\n").filter { $0.hasPrefix("<stdin>:") }.map(String.init)
    #expect(
      reported
        == [1, 2, 3, 5].map {
          "<stdin>:\($0):13: warning[SPF102] 'ptr' is deprecated: it is slow and unreliable, and receivers may skip it"
        })
  }

  /// The same record at four owners: one silences the finding with a comment, one also publishes it
  /// as an SPF-type record (SPF113, a finding about the name), and the last is found in the memo.
  @Test
  func repeatedZoneRecordsKeepTheirOwnersFindings() async throws {
    let directory = try ScratchDirectory()
    defer { directory.remove() }
    try directory.write(
      "db.example.com",
      """
      $ORIGIN example.com.
      $TTL 300
      a IN TXT "v=spf1 ptr -all"
      b IN TXT "v=spf1 ptr -all" ; spfkit-disable SPF102
      c IN TXT "v=spf1 ptr -all"
      c IN SPF "v=spf1 ptr -all"
      d IN TXT "v=spf1 ptr -all"

      """)
    let path = directory.path("db.example.com")
    let result = try await SPFKitProcess.run(["lint", "--jobs", "1", "--zone", path])
    #expect(result.status == 0, "warnings only: \(result.stderr)")
    let reported = result.stdout.split(separator: "\n").filter { $0.hasPrefix(path) }.map {
      String($0.dropFirst(path.utf8.count).prefix { $0 != " " }) + ($0.contains("[SPF113]") ? " SPF113" : " SPF102")
    }
    #expect(reported == [":3:18: SPF102", ":5:18: SPF102", ":6:6: SPF113", ":6:18: SPF102", ":7:18: SPF102"])
    #expect(result.stdout.contains("receivers read only the TXT record at 'c.example.com'"))
  }
}
