/// SPF016: an mx mechanism's name has more than 10 MX records (RFC 7208 §4.6.4) — DNS.
///
/// Through the include tree. An MX query that fails is not reported here: SPF201 lists it.
struct MXTooManyRecords: Rule {
  static let metadata = RuleMetadata(
    code: "SPF016", slug: "mx-too-many-records", severity: .error,
    summary: "an mx name has more than 10 MX records",
    rationale: "A receiver evaluating 'mx' looks up the addresses of at most 10 MX hosts; a name with more MX "
      + "records makes the mechanism, and the policy, permerror (RFC 7208 §4.6.4). List the sending hosts with "
      + "ip4/ip6 or 'a' instead. In the example, 'bulk.example.com' has 11 MX records.",
    reference: "RFC 7208 §4.6.4",
    triggering: ["v=spf1 mx:bulk.example.com -all"],
    nonTriggering: ["v=spf1 mx:example.com -all"],
    requirement: .dns)

  /// The most MX names one mx mechanism may look up (RFC 7208 §4.6.4).
  static let limit = 10

  func check(_ context: LintContext, into diagnostics: inout [Diagnostic]) {
    context.forEachTree { record, tree in
      var seen: Set<String> = []
      for step in tree.steps {
        let lookup = tree[step.reference]
        guard lookup.term.mechanism?.kind == .mx, let count = lookup.recordCount(.mx), count > Self.limit,
          let target = lookup.target
        else { continue }
        let place = tree.place(of: step)
        guard seen.insert("\(step.entry.lookup) \(lookup.text)\(place)").inserted else { continue }
        diagnostics.append(
          Diagnostic(
            Self.metadata,
            "'\(target)' has \(count) MX records: '\(lookup.text)'\(place) may look up at most 10, so receivers return "
              + "permerror",
            record: record.index, span: tree[step.entry].term.span, notes: tree.pathNotes(step)))
      }
    }
  }
}
