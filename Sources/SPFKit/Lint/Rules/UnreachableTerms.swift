/// SPF107: mechanisms after `all` are never evaluated (RFC 7208 §4.6.2, §5.1).
struct UnreachableTerms: Rule {
  static let metadata = RuleMetadata(
    code: "SPF107", slug: "unreachable-terms", severity: .warning,
    summary: "mechanisms after all",
    rationale: "Mechanisms are evaluated left to right and 'all' always matches: anything after it is never "
      + "evaluated. Senders listed there are not authorized. Move them before 'all'.",
    reference: "RFC 7208 §4.6.2, §5.1",
    triggering: ["v=spf1 -all ip4:1.2.3.1"],
    nonTriggering: ["v=spf1 ip4:1.2.3.1 -all"])

  func check(_ context: LintContext, into diagnostics: inout [Diagnostic]) {
    // Most records end with their only 'all': nothing to read past it.
    context.forEachSPFRecord(where: { facts in facts.firstAll.map { $0.index + 1 < facts.termCount } ?? false }) {
      record in
      guard let all = record.facts.firstAll?.index,
        record.tags[(all + 1)...].contains(where: { $0.mechanismKind != nil }), let spf = record.record
      else {
        return
      }
      for index in record.tags.indices where index > all {
        guard record.tags[index].mechanismKind != nil else { continue }
        let term = spf.terms[index]
        diagnostics.append(
          Diagnostic(
            Self.metadata, "'\(record.text(term.span))' comes after 'all': it is never evaluated",
            record: record.index, span: term.span, fix: .removing(term, in: record)))
      }
    }
  }
}
