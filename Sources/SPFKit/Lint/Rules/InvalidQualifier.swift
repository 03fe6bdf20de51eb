/// SPF005: a qualifier other than + - ~ ?, or a qualifier on a modifier (RFC 7208 §4.6.2, §12).
struct InvalidQualifier: SyntaxIssueRule {
  static let issueKind = SyntaxIssue.Kind.invalidQualifier
  static let metadata = RuleMetadata(
    code: "SPF005", slug: "invalid-qualifier", severity: .error,
    summary: "a qualifier other than + - ~ ?, or a qualifier on a modifier",
    rationale:
      "A directive takes one qualifier of '+', '-', '~' or '?'; modifiers take none. Anything else is a syntax error and receivers return permerror for the whole record.",
    reference: "RFC 7208 §4.6.2, §12",
    triggering: ["v=spf1 ip4:1.2.3.1 !all"],
    nonTriggering: ["v=spf1 ip4:1.2.3.1 -all"])
}
