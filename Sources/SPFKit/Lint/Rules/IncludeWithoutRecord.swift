/// SPF015: an include or redirect target has no SPF record, or several (RFC 7208 §5.2, §6.1) — DNS.
///
/// Through the include tree. A target whose TXT query fails (REFUSED, SERVFAIL, timeout) is not
/// reported here, since whether it has a record is unknown: SPF201 lists the failure.
struct IncludeWithoutRecord: Rule {
  static let metadata = RuleMetadata(
    code: "SPF015", slug: "include-without-record", severity: .error,
    summary: "an include or redirect target has no SPF record",
    rationale: "An include or redirect evaluates the target's SPF record. When the target has none (it does not "
      + "exist, has no TXT records, or none of them starts with 'v=spf1'), or has more than one, receivers return "
      + "permerror for the whole policy (RFC 7208 §5.2, §6.1, §4.5). It usually means a provider moved its record. "
      + "In the example, the target does not exist.",
    reference: "RFC 7208 §5.2, §6.1",
    triggering: ["v=spf1 include:_spf.example.invalid -all"],
    nonTriggering: ["v=spf1 include:_spf.example.com -all"],
    requirement: .dns)

  func check(_ context: LintContext, into diagnostics: inout [Diagnostic]) {
    context.forEachTree { record, tree in
      var seen: Set<String> = []
      for step in tree.steps {
        let lookup = tree[step.reference]
        guard let child = lookup.child, let target = lookup.target else { continue }
        let problem: String
        switch tree.nodes[child].outcome {
        case .noRecord(let missing): problem = "has no SPF record (\(missing))"
        case .multipleRecords(let count): problem = "publishes \(count) SPF records"
        default: continue
        }
        let place = tree.place(of: step)
        guard seen.insert("\(step.entry.lookup) \(lookup.text)\(place)").inserted else { continue }
        diagnostics.append(
          Diagnostic(
            Self.metadata,
            "\(lookup.kindName) target '\(target)' \(problem): '\(lookup.text)'\(place) makes receivers return permerror",
            record: record.index, span: tree[step.entry].term.span, notes: tree.pathNotes(step)))
      }
    }
  }
}
