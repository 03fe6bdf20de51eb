/// SPF112: an unknown `name=value` modifier (RFC 7208 §6).
struct UnknownModifier: Rule {
  static let metadata = RuleMetadata(
    code: "SPF112", slug: "unknown-modifier", severity: .warning,
    summary: "an unknown modifier",
    rationale: "Receivers ignore modifiers they do not know. An unknown 'name=value' is usually a typo "
      + "('redirct=') or a mechanism written with '=' ('include=...'), so the intended term silently does nothing.",
    reference: "RFC 7208 §6",
    triggering: ["v=spf1 redirct=_spf.example.com"],
    nonTriggering: ["v=spf1 redirect=_spf.example.com"])

  func check(_ context: LintContext, into diagnostics: inout [Diagnostic]) {
    context.forEachTerm(of: .unknownModifier, where: { $0 == .unknownModifier }) { record, term in
      guard case .modifier(.unknown(let name, let value)) = term.kind, name.lowercased() != "v" else { return }
      let lowered = name.lowercased()
      var replacement: String? = nil
      var hint = ""
      if MechanismKind(rawValue: lowered) != nil {
        replacement = "\(lowered):\(value)"
        hint = ": a mechanism takes ':' not '='"
      } else if lowered.count >= 3, let known = Spelling.nearest(to: lowered, among: ["redirect", "exp"]),
        SPFParser.isTerm(Array("\(known)=\(value)".utf8))
      {
        replacement = "\(known)=\(value)"
        hint = ": did you mean '\(known)='?"
      }
      // A spelling is suggested only when it parses (issue 12). A mechanism written with '=' keeps its
      // hint, but a replacement with a syntax error (`a=-all` gives `a:-all`) is no fix: it would turn
      // this warning into an error (found by the record fuzzer).
      let fix = replacement.flatMap {
        SPFParser.isTerm(Array($0.utf8)) ? Fix.replacing(term, in: record, with: $0) : nil
      }
      diagnostics.append(
        Diagnostic(
          Self.metadata, "'\(name)=' is not a known modifier: receivers ignore it\(hint)",
          record: record.index, span: term.span, fix: fix))
    }
  }
}
