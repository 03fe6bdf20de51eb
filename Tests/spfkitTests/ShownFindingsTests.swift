import SPFKit
import Testing

@testable import spfkit

/// The findings a reporter prints: read in place when the threshold alone decides, the cap's own
/// list past it, in the linter's order either way, with the hidden and omitted ones counted.
@Suite struct ShownFindingsTests {
  static func finding(_ code: String, _ severity: Severity, record: Int = 0) -> Diagnostic {
    var diagnostic = Diagnostic(RuleCatalog.metadata[0], "\(code) \(severity)", record: record)
    diagnostic.code = code
    diagnostic.severity = severity
    return diagnostic
  }

  static func result(_ findings: [Diagnostic], _ options: ReportOptions) -> LintResult {
    LintResult(
      input: LintInput(name: "example.com", records: [TXTRecord(text: "v=spf1 -all")], sources: ["<arg1>"]),
      diagnostics: findings, options: options)
  }

  static func shown(_ result: LintResult) -> [String] {
    var messages: [String] = []
    result.shown.forEach { messages.append($0.message) }
    return messages
  }

  @Test(arguments: [Severity.error, .warning, .info])
  func theThresholdAloneKeepsTheOrder(_ threshold: Severity) {
    let severities: [Severity] = [.info, .error, .warning, .info, .warning, .error, .info]
    let findings = severities.enumerated().map { Self.finding("SPF\(100 + $0.offset)", $0.element) }
    let result = Self.result(findings, ReportOptions(threshold: threshold))
    let expected = findings.filter { $0.severity >= threshold }.map(\.message)
    #expect(Self.shown(result) == expected)
    #expect(result.shown.count == expected.count)
    #expect(result.shown.isEmpty == expected.isEmpty)
    #expect(result.hidden == findings.count - expected.count)
    #expect(result.omitted.isEmpty)
  }

  /// Past the cap, the findings shown are the first `cap` of each record and code at or above the
  /// threshold; the rest are counted per record and code.
  @Test func theCapKeepsTheFirstOfEachCodePerRecord() {
    var findings: [Diagnostic] = []
    for index in 0..<30 {
      findings.append(Self.finding("SPF109", .warning, record: 0))
      findings.append(Self.finding("SPF201", .info, record: 0))
      if index < 5 { findings.append(Self.finding("SPF109", .warning, record: 1)) }
    }
    let result = Self.result(findings, ReportOptions(threshold: .warning, cap: 3))
    let shown = Self.shown(result)
    #expect(shown == Array(repeating: "SPF109 warning", count: 6))
    #expect(result.shown.count == 6)
    #expect(result.hidden == 30)
    #expect(
      result.omitted == [
        OmittedFindings(record: 0, code: "SPF109", count: 27), OmittedFindings(record: 1, code: "SPF109", count: 2),
      ])
  }

  @Test func noFindingsShowNothing() {
    let result = Self.result([], ReportOptions())
    #expect(result.shown.isEmpty)
    #expect(Self.shown(result).isEmpty)
    #expect(result.hidden == 0)
  }
}
