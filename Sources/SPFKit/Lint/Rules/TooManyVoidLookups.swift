/// SPF004: more than 2 lookups answered NXDOMAIN or no data (RFC 7208 §4.6.4) — DNS.
///
/// Counts through the include tree for the worst case, every term evaluated, separately for IPv4
/// and IPv6 clients: an `a` term whose name has A but no AAAA records is void for IPv6 clients only.
/// The targets of `a`, `mx`, `exists`, `include` and `redirect` are queried to know; a target that
/// depends on the message (`%{i}`) is not, and a failed query (REFUSED, SERVFAIL, timeout) is not
/// counted: SPF201 lists both.
struct TooManyVoidLookups: Rule {
  static let metadata = RuleMetadata(
    code: "SPF004", slug: "too-many-void-lookups", severity: .error,
    summary: "more than 2 void DNS lookups",
    rationale: "RFC 7208 §4.6.4 says receivers should allow at most 2 'void lookups', terms whose name does not "
      + "exist (NXDOMAIN) or has no records of the type asked, and return permerror past them. Names that used to "
      + "exist and records of retired providers pile up void lookups. The count runs through the include tree, "
      + "for IPv4 and for IPv6 clients: 'a' asks for AAAA records when the client is IPv6. In the example, the "
      + "three names do not exist.",
    reference: "RFC 7208 §4.6.4",
    triggering: ["v=spf1 a:old1.example.invalid a:old2.example.invalid mx:old3.example.invalid -all"],
    nonTriggering: ["v=spf1 a:mail.example.com mx:example.com -all"],
    requirement: .dns)

  static let limit = 2

  func check(_ context: LintContext, into diagnostics: inout [Diagnostic]) {
    context.forEachTree { record, tree in
      let ipv4 = tree.voidSteps(for: .ipv4)
      let ipv6 = tree.voidSteps(for: .ipv6)
      let family: ClientFamily = ipv6.count > ipv4.count ? .ipv6 : .ipv4
      let voids = family == .ipv6 ? ipv6 : ipv4
      guard voids.count > Self.limit else { return }
      let clients = ipv4.count == ipv6.count ? "" : " for \(family) clients"
      let crossing = voids[Self.limit]
      let listed = voids.map { step in
        let void = tree[step.reference]
        return "\(tree.label(void)): \(void.voidQuery(for: family)?.answerText ?? "void")"
      }
      diagnostics.append(
        Diagnostic(
          Self.metadata,
          "the policy makes \(voids.count) void DNS lookups\(clients): '\(tree.label(tree[crossing.reference]))'"
            + "\(tree.place(of: crossing)) is void lookup 3, past the limit of 2, so receivers return permerror",
          record: record.index, span: tree[crossing.entry].term.span,
          notes: ["void lookups in order: " + listed.joined(separator: ", ")] + tree.pathNotes(crossing)))
    }
  }
}
