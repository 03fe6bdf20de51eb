/// SPF116: a lookup answered NXDOMAIN or no data (RFC 7208 §4.6.4) — DNS.
///
/// Reports `a`, `mx` and `exists` terms, through the include tree, whose name does not exist or has
/// no records of the type asked, whatever the client (an `a` name with A but no AAAA records is not
/// reported, though it counts for IPv6 clients in SPF004). Void include and redirect targets are
/// SPF015, an error. A failed query (REFUSED, SERVFAIL, timeout) is not a void lookup: SPF201 lists it.
struct VoidLookup: Rule {
  static let metadata = RuleMetadata(
    code: "SPF116", slug: "void-lookup", severity: .warning,
    summary: "a DNS lookup answered NXDOMAIN or no data",
    rationale: "A term whose name does not exist, or has no records of the type asked, matches nothing: it only "
      + "spends one of the 10 lookups and one of the 2 void lookups receivers allow (RFC 7208 §4.6.4). It is "
      + "usually a retired host or provider; remove it, or publish the records it was meant to find. In the "
      + "example, the name does not exist.",
    reference: "RFC 7208 §4.6.4",
    triggering: ["v=spf1 a:old.example.invalid -all"],
    nonTriggering: ["v=spf1 a:mail.example.com -all"],
    requirement: .dns)

  func check(_ context: LintContext, into diagnostics: inout [Diagnostic]) {
    context.forEachTree { record, tree in
      var seen: Set<String> = []
      for step in tree.steps {
        let lookup = tree[step.reference]
        guard !lookup.followsPolicy, lookup.isVoidForEveryClient, let target = lookup.target,
          let answer = lookup.voidAnswer(for: .ipv4)
        else { continue }
        let place = tree.place(of: step)
        guard seen.insert("\(step.entry.lookup) \(lookup.text)\(place)").inserted else { continue }
        let what: String
        switch (answer, lookup.term.mechanism?.kind) {
        case (.nameError, _): what = "does not exist (NXDOMAIN)"
        case (_, .a?): what = "has no A or AAAA records"
        case (_, .mx?): what = "has no MX records"
        default: what = "has no A records"
        }
        let term = tree[step.entry].term
        diagnostics.append(
          Diagnostic(
            Self.metadata, "'\(target)' \(what): '\(lookup.text)'\(place) matches nothing and is a void lookup",
            record: record.index, span: term.span, fix: step.via.isEmpty ? .removing(term, in: record) : nil,
            notes: tree.pathNotes(step)))
      }
    }
  }
}
