/// SPF007: a malformed ip4 or ip6 address (RFC 7208 §5.6, §12).
struct InvalidIPAddress: SyntaxIssueRule {
  static let issueKind = SyntaxIssue.Kind.invalidIPAddress
  static let metadata = RuleMetadata(
    code: "SPF007", slug: "invalid-ip-address", severity: .error,
    summary: "a malformed ip4 or ip6 address",
    rationale:
      "ip4 takes a dotted quad without leading zeros and ip6 an RFC 4291 address. A malformed address is a syntax error: receivers return permerror.",
    reference: "RFC 7208 §5.6, §12",
    triggering: ["v=spf1 ip4:1.2.3.01 -all"],
    nonTriggering: ["v=spf1 ip4:1.2.3.1 -all"])
}
