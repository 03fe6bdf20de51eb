import Foundation
import Testing

/// Verdicts an admin can trust (issue 12), through the binary: every independent problem in one
/// pass, one finding per mistake, plausible suggestions, Sender ID records told apart.
@Suite struct LintVerdictTests {
  struct Case: Sendable, CustomTestStringConvertible {
    let arguments: [String]
    /// The codes of the findings, in the order printed.
    let codes: [String]
    /// Text the output must contain.
    var shows: [String] = []
    /// Text it must not contain.
    var hides: [String] = []
    let why: String
    var testDescription: String { why }
  }

  static let cases: [Case] = [
    Case(
      arguments: ["v=spf1 mx redirect=foo.bar exp=baz redirect=qux"],
      codes: ["SPF201", "SPF009", "SPF011", "SPF009"], shows: ["error[SPF011] 'redirect=' appears more than once"],
      why: "a second redirect with a malformed value is still SPF011"),
    Case(
      arguments: ["v=spf1 redirect= redirect=a.example.com"], codes: ["SPF201", "SPF009", "SPF011"],
      why: "an empty first redirect counts"),
    Case(
      arguments: ["v=spf1 " + "abcdefghijkl".map { "mx:\($0)" }.joined(separator: " ") + " -all"],
      codes: ["SPF201"] + Array(repeating: "SPF009", count: 10) + ["SPF003", "SPF009", "SPF009"],
      shows: ["'mx:k' is lookup 11"], why: "SPF003 is not hidden behind SPF009"),
    Case(
      arguments: [#""v=spf1 ip4:8.8.8.8" "ip4:9.9.9.9 -all""#], codes: ["SPF014"],
      shows: ["= note: this also gives SPF007"], why: "a join and the fused term's error: one finding"),
    Case(
      arguments: [#""\"v=spf1 mx -all\"""#], codes: ["SPF012"], shows: ["= fix: remove the quotes around the record"],
      why: "quoted record data: one SPF012 for both quotes"),
    Case(
      arguments: ["v=spf1a a"], codes: ["SPF012"], shows: ["= note: this also gives SPF109"],
      hides: ["warning[SPF109]"], why: "no SPF109 on the term guessed out of a run-in version"),
    Case(
      arguments: ["v=spf1 a a a -all"], codes: ["SPF201", "SPF109"],
      shows: ["'a' appears 3 times", "= fix: remove the 2 copies after the first"],
      why: "a term three times: one SPF109 with the count"),
    Case(
      arguments: ["spf2.0/mfrom,pra mx -all"], codes: ["SPF118"],
      shows: ["warning[SPF118] 'spf2.0/mfrom,pra' is a Sender ID record", "the name has no SPF policy"],
      why: "a Sender ID record alone: no SPF policy"),
    Case(
      arguments: ["v=spf2.0/pra mx -all", "v=spf1 mx -all"], codes: ["SPF118", "SPF201"],
      hides: ["SPF012", "no SPF policy"], why: "a Sender ID record beside an SPF record"),
    Case(
      arguments: ["v=spf1 gpg mp3 +mx.com -all"], codes: ["SPF006", "SPF006", "SPF006"],
      hides: ["did you mean", "= fix"], why: "no implausible or invalid suggestion"),
    Case(
      arguments: ["v=spf1 include:include:_spf.example.com -all"], codes: ["SPF201", "SPF009"],
      shows: ["did you mean 'include:_spf.example.com'?", "= fix: remove the second 'include:'"],
      why: "the doubled keyword typo"),
    Case(
      arguments: ["v=spf1 exists:exists:%{i}.example.com -all"], codes: ["SPF201", "SPF009"],
      shows: ["did you mean 'exists:%{i}.example.com'?"], why: "exists typed twice"),
  ]

  @Test(arguments: cases)
  func verdict(_ c: Case) async throws {
    let run = try await SPFKitProcess.run(["lint"] + c.arguments)
    #expect(run.status == (c.codes.contains { $0.hasPrefix("SPF0") } ? 1 : 0), "\(run.stdout)")
    #expect(Self.codes(in: run.stdout) == c.codes, "\(run.stdout)")
    for text in c.shows { #expect(run.stdout.contains(text), "\(text) in \(run.stdout)") }
    for text in c.hides { #expect(!run.stdout.contains(text), "no \(text) in \(run.stdout)") }
  }

  /// The codes of the findings in text output, in order.
  static func codes(in output: String) -> [String] {
    output.split(separator: "\n").compactMap { line in
      guard let match = line.firstMatch(of: #/: (error|warning|info)\[(SPF[0-9]{3})\] /#) else { return nil }
      return String(match.2)
    }
  }
}
