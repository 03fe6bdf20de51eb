/// One mistake, one finding: a finding a cause explains becomes a note of the cause.
///
/// Strings joined with no space (SPF014, RFC 7208 §3.3) fuse two terms, and the fused term then fails
/// to parse (SPF007, SPF008 …); a version run into a term (SPF012, §4.5) makes the parser read a term
/// that may repeat another (SPF109). The user has one thing to fix, so one finding says it, and what it
/// caused is kept as a note.
enum FindingCauses {
  /// The codes that explain other findings on their span, the stronger first: a join can fuse the
  /// version into the first term, which SPF012 would report too.
  static let causes = ["SPF014", "SPF012"]

  /// The diagnostics with every finding a cause explains folded into it; the order is kept.
  ///
  /// Findings on a record's version (SPF001, SPF201) are about the whole record and stay.
  static func fold(_ diagnostics: [Diagnostic], in context: LintContext) -> [Diagnostic] {
    guard diagnostics.contains(where: { causes.contains($0.code) }) else { return diagnostics }
    var result = diagnostics
    var folded: Set<Int> = []
    for (rank, code) in causes.enumerated() {
      let peers = causes[...rank]
      for cause in result.indices where result[cause].code == code && !folded.contains(cause) {
        guard let span = result[cause].span, span.length > 0 else { continue }
        for other in result.indices where !folded.contains(other) && !peers.contains(result[other].code) {
          guard isExplained(result[other], by: result[cause], span: span),
            !isOnVersion(result[other], in: context)
          else { continue }
          result[cause].notes.append("this also gives \(result[other].code): \(result[other].message)")
          folded.insert(other)
        }
      }
    }
    return result.indices.filter { !folded.contains($0) }.map { result[$0] }
  }

  private static func isOnVersion(_ finding: Diagnostic, in context: LintContext) -> Bool {
    guard let index = finding.record, context.records.indices.contains(index) else { return false }
    return finding.span == context.records[index].record?.versionSpan
  }

  /// Whether a finding is explained by the cause: an error on the cause's span (the fused term does not
  /// parse), or a finding about a term the cause's span holds (the guessed copy SPF109 names). A warning
  /// on the span stays: it is about a term that remains once the cause is fixed.
  private static func isExplained(_ finding: Diagnostic, by cause: Diagnostic, span: SourceSpan) -> Bool {
    guard finding.record == cause.record, let own = finding.span else { return false }
    func overlaps(_ other: SourceSpan) -> Bool {
      other.start < span.end && span.start < max(other.end, other.start + 1)
    }
    return (finding.severity == .error && overlaps(own)) || finding.relatedSpans.contains(where: overlaps)
  }
}
