import SPFKit

/// Prints the outcome of `spfkit check` for a reader: the result and what it means, the deciding
/// term and why, the explanation, the counts, and with `--trace` every step.
///
/// ```
/// fail: 192.0.2.9 is not authorized to send mail for example.com
///   deciding term: '-all' at example.com
///   why: 192.0.2.9 is not in any of: ip4:198.51.100.0/24, include:_spf.example.net (softfail) → '-all' gives fail
///   lookups: 1/10, void lookups: 0/2, DNS queries: 2
/// ```
struct CheckTextReporter {
  let console: Console

  /// Writes the report; the trace after it when `trace` is set.
  func report(_ report: CheckReport, trace: Bool) {
    let result = report.outcome.result
    console.line(style(for: result).apply(result.rawValue, console.colorsOutput) + ": " + report.headline)
    if let term = report.decidingTerm { console.line("  deciding term: \(term)") }
    console.line("  why: \(report.why)")
    let path = report.path
    if !path.isEmpty { console.line("  path: " + path.joined(separator: " → ")) }
    if let explanation = report.outcome.explanation { console.line("  explanation: \(explanation)") }
    for note in report.notes { console.line("  note: \(note)") }
    console.line("  " + report.counts)
    guard trace else { return }
    let request = report.request
    console.line(
      "trace of check_host(\(request.clientIP), \(request.domain), \(request.sender)), HELO \(request.helo):")
    let steps = report.outcome.trace.steps
    for (index, step) in steps.enumerated() {
      let mark = index == report.decidingIndex ? "* " : "  "
      console.line("  " + mark + step.description)
    }
  }

  /// Green for pass, red for fail and permerror, yellow for softfail and temperror.
  private func style(for result: SPFResult) -> Style {
    switch result {
    case .pass: .green
    case .fail, .permerror: .red
    case .softfail, .temperror: .yellow
    case .neutral, .none: .bold
    }
  }
}
