/// SPF008: a prefix length out of range, with a leading zero, or empty (RFC 7208 §5.6, §12).
struct InvalidCIDRLength: SyntaxIssueRule {
  static let issueKind = SyntaxIssue.Kind.invalidCIDRLength
  static let metadata = RuleMetadata(
    code: "SPF008", slug: "invalid-cidr-length", severity: .error,
    summary: "a prefix length out of range, with a leading zero, or empty",
    rationale:
      "IPv4 prefix lengths run from 0 to 32 and IPv6 from 0 to 128, written without leading zeros. Anything else is a syntax error: receivers return permerror.",
    reference: "RFC 7208 §5.6, §12",
    triggering: ["v=spf1 ip4:1.2.3.0/33 -all"],
    nonTriggering: ["v=spf1 ip4:1.2.3.0/24 -all"])
}
