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

  func check(_ context: LintContext, into diagnostics: inout [Diagnostic]) {
    for record in context.spfRecords {
      guard record.tags.lazy.filter({ $0 == .redirect || $0 == .explanation }).count > 1, let spf = record.record else {
        continue
      }
      var seen: Set<String> = []
      for term in spf.terms {
        guard let modifier = term.modifier else { continue }
        switch modifier {
        case .redirect, .explanation:
          if !seen.insert(modifier.name).inserted {
            diagnostics.append(
              Diagnostic(
                Self.metadata, "'\(modifier.name)=' appears more than once: receivers return permerror",
                record: record.index, span: term.span, fix: .removing(term, in: record)))
          }
        case .unknown: continue
        }
      }
    }
  }
}
