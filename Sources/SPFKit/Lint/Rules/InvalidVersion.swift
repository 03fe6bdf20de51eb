/// SPF012: text that looks like SPF but is not selected as SPF (RFC 7208 §4.5).
struct InvalidVersion: SyntaxIssueRule {
  static let issueKind = SyntaxIssue.Kind.invalidVersion
  static let metadata = RuleMetadata(
    code: "SPF012", slug: "invalid-version", severity: .error,
    summary: "text that looks like SPF but is not selected as SPF",
    rationale:
      "Receivers select only TXT records that start with exactly 'v=spf1' followed by a space or the end. 'v=spf2', 'v=spf1.0', a leading space or quotes inside the data make the record invisible: the domain has no policy.",
    reference: "RFC 7208 §4.5",
    triggering: ["v=spf1.0 ip4:192.0.2.1 -all"],
    nonTriggering: ["v=spf1 ip4:192.0.2.1 -all"])
}
