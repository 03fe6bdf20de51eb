/// SPF006: a term that is no mechanism and no modifier (RFC 7208 §4.6.1, §12).
struct UnknownMechanism: SyntaxIssueRule {
  static let issueKind = SyntaxIssue.Kind.unknownMechanism
  static let metadata = RuleMetadata(
    code: "SPF006", slug: "unknown-mechanism", severity: .error,
    summary: "a term that is no mechanism and no modifier",
    rationale:
      "Receivers return permerror for a term they cannot parse as a mechanism or a 'name=value' modifier. A misspelt mechanism ('ipv4:') breaks the whole record, not just the term.",
    reference: "RFC 7208 §4.6.1, §12",
    triggering: ["v=spf1 ipv4:1.2.3.1 -all"],
    nonTriggering: ["v=spf1 ip4:1.2.3.1 -all"])
}
