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
    context.forEachTerm(where: { $0 == .unknownModifier }) { record, term in
      guard case .modifier(.unknown(let name, let value)) = term.kind, name.lowercased() != "v" else { return }
      let lowered = name.lowercased()
      var replacement: String? = nil
      var hint = ""
      if MechanismKind(rawValue: lowered) != nil {
        replacement = "\(lowered):\(value)"
        hint = ": a mechanism takes ':' not '='"
      } else if let known = ["redirect", "exp"].first(where: {
        TermParser.editDistance(Array(lowered.utf8), Array($0.utf8)) <= 2 && lowered.count >= 3
      }) {
        replacement = "\(known)=\(value)"
        hint = ": did you mean '\(known)='?"
      }
      // The hint stays, but a replacement with a syntax error (`pedirect=_sm` gives `redirect=_sm`,
      // no domain) is no fix: it would turn this warning into an error.
      let fix = replacement.flatMap { Self.isValidTerm($0) ? Fix.replacing(term, in: record, with: $0) : nil }
      diagnostics.append(
        Diagnostic(
          Self.metadata, "'\(name)=' is not a known modifier: receivers ignore it\(hint)",
          record: record.index, span: term.span, fix: fix))
    }
  }

  /// Whether `text` is one term without a syntax issue (RFC 7208 §12).
  private static func isValidTerm(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    var issues: [SyntaxIssue] = []
    var parser = TermParser(bytes: bytes, range: 0..<bytes.count)
    _ = parser.parse(&issues)
    return issues.isEmpty
  }
}
