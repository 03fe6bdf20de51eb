/// SPF013: a non-ASCII, tab or control character (RFC 7208 §12).
struct InvalidCharacter: SyntaxIssueRule {
  static let issueKind = SyntaxIssue.Kind.invalidCharacter
  static let metadata = RuleMetadata(
    code: "SPF013", slug: "invalid-character", severity: .error,
    summary: "a non-ASCII, tab or control character",
    rationale:
      "SPF records are ASCII with terms separated by spaces. Tabs, non-breaking spaces, typographic quotes and dashes pasted from a word processor are syntax errors: receivers return permerror.",
    reference: "RFC 7208 §12",
    triggering: ["v=spf1 ip4:1.2.3.1 \u{2013}all"],
    nonTriggering: ["v=spf1 ip4:1.2.3.1 -all"])
}
