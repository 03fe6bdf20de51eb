/// SPF011: `redirect` or `exp` more than once (RFC 7208 §6).
struct DuplicateModifier: Rule {
  static let metadata = RuleMetadata(
    code: "SPF011", slug: "duplicate-modifier", severity: .error,
    summary: "redirect or exp more than once",
    rationale: "The redirect and exp modifiers may each appear at most once in a record; a second one is a "
      + "syntax error and receivers return permerror.",
    reference: "RFC 7208 §6",
    triggering: ["v=spf1 redirect=_spf.example.com redirect=_spf.example.net"],
    nonTriggering: ["v=spf1 redirect=_spf.example.com"])

  /// Counts modifiers by name as written, so a second `redirect=` whose value is malformed (SPF009) is
  /// still a second one.
  func check(_ context: LintContext, into diagnostics: inout [Diagnostic]) {
    context.forEachSPFRecord(where: { !$0.repeatedWrittenKinds.isDisjoint(with: [.redirect, .explanation]) }) {
      record in
      guard let spf = record.record else { return }
      let tags = record.writtenTags
      var seen: Set<TermTag> = []
      for (index, tag) in tags.enumerated() where Self.isCounted(tag) && !seen.insert(tag).inserted {
        let term = spf.terms[index]
        let name = tag == .redirect ? "redirect" : "exp"
        diagnostics.append(
          Diagnostic(
            Self.metadata, "'\(name)=' appears more than once: receivers return permerror",
            record: record.index, span: term.span, fix: .removing(term, in: record)))
      }
    }
  }

  /// The modifiers that may appear at most once (RFC 7208 §6).
  private static func isCounted(_ tag: TermTag) -> Bool { tag == .redirect || tag == .explanation }
}
