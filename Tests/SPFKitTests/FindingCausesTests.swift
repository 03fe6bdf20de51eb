import Testing

@testable import SPFKit

/// One mistake, one finding: what a cause (SPF014, SPF012) explains is a note of it, not a finding.
struct FindingCausesTests {
  struct Case: Sendable, CustomTestStringConvertible {
    let arguments: [String]
    /// The codes reported, in order.
    let codes: [String]
    /// The codes the first finding's notes name.
    let noted: [String]
    let why: String
    var testDescription: String { why }
  }

  static let cases: [Case] = [
    Case(
      arguments: [#""v=spf1 ip4:192.0.2.1" "ip4:198.51.100.1 -all""#], codes: ["SPF014"], noted: ["SPF007"],
      why: "two networks fused: the address error is a note of the join"),
    Case(
      arguments: [#""v=spf1" "mx -all""#], codes: ["SPF014"], noted: ["SPF012"],
      why: "the version fused into the first term: the join is the cause"),
    Case(
      arguments: [#""v=spf1" "ip4:192.0.2.1 -all""#], codes: ["SPF014", "SPF111"], noted: ["SPF012"],
      why: "a warning about the term that stays once the join is fixed is kept"),
    Case(
      arguments: ["v=spf1a a"], codes: ["SPF012"], noted: ["SPF109"],
      why: "the guessed term of a run-in version repeats the next: SPF109 is a note"),
    Case(
      arguments: [#""\"v=spf1 mx -all\"""#], codes: ["SPF012"], noted: [],
      why: "quoted record data: one finding for both quotes"),
    Case(
      arguments: ["v=spf1 mx:a ip4:1.2.3 -all"], codes: ["SPF007", "SPF009", "SPF201"].sorted(), noted: [],
      why: "no cause: independent problems stay findings"),
  ]

  @Test(arguments: cases)
  func fold(_ c: Case) throws {
    let records = try c.arguments.map { try MarkedInput.record(Array($0.utf8)) }
    let findings = Linter().lint(records)
    #expect(findings.map(\.code).sorted() == c.codes.sorted(), "\(findings.map { "\($0.code) \($0.message)" })")
    let notes = findings.first?.notes ?? []
    #expect(c.noted.allSatisfy { code in notes.contains { $0.contains(code) } }, "\(notes)")
    #expect(notes.filter { $0.hasPrefix("this also gives") }.count == c.noted.count, "\(notes)")
  }

  @Test func disablingTheCauseShowsWhatItExplained() throws {
    let record = try MarkedInput.record(Array(#""v=spf1 ip4:192.0.2.1" "ip4:198.51.100.1 -all""#.utf8))
    #expect(Linter(disabling: ["SPF014"]).lint([record]).map(\.code) == ["SPF007"])
  }
}
