/// SPF010: a malformed macro, or c, r, t outside explanation text (RFC 7208 §7.1, §7.2).
struct InvalidMacro: SyntaxIssueRule {
  static let issueKind = SyntaxIssue.Kind.invalidMacro
  static let metadata = RuleMetadata(
    code: "SPF010", slug: "invalid-macro", severity: .error,
    summary: "a malformed macro, or c, r, t outside explanation text",
    rationale:
      "A '%' must start '%{letter...}', '%%', '%_' or '%-'; the letters c, r and t are allowed only in explanation text. Receivers return permerror for a malformed macro.",
    reference: "RFC 7208 §7.1, §7.2",
    triggering: ["v=spf1 exists:%{c}.example.com -all"],
    nonTriggering: ["v=spf1 exists:%{i}.example.com -all"])
}
