/// SPF017: an include or redirect chain returns to a name already on the path — DNS.
///
/// The loop is found where it closes: the include or redirect whose target is already being
/// evaluated. The finding points at the linted record's term that leads into the loop.
struct IncludeLoop: Rule {
  static let metadata = RuleMetadata(
    code: "SPF017", slug: "include-loop", severity: .error,
    summary: "an include or redirect chain loops",
    rationale: "A policy that includes or redirects to a name already being evaluated loops: every round costs "
      + "lookups until the limit of 10 ends it with permerror (RFC 7208 §4.6.4). It usually comes from two "
      + "domains including each other. In the example, 'loop1.example.com' includes 'loop2.example.com', which "
      + "includes 'loop1.example.com'.",
    reference: "RFC 7208 §4.6.4, §5.2, §6.1",
    triggering: ["v=spf1 include:loop1.example.com -all"],
    nonTriggering: ["v=spf1 include:_spf.example.com -all"],
    requirement: .dns)

  func check(_ context: LintContext, into diagnostics: inout [Diagnostic]) {
    context.forEachTree { record, tree in
      var seen: Set<String> = []
      for step in tree.steps {
        let lookup = tree[step.reference]
        guard let child = lookup.child, tree.nodes[child].outcome == .loop, let target = lookup.target else { continue }
        guard seen.insert("\(step.entry.lookup) \(tree.path(to: step))").inserted else { continue }
        diagnostics.append(
          Diagnostic(
            Self.metadata,
            "'\(lookup.text)'\(tree.place(of: step)) leads back to '\(target)', which is already on the include path: "
              + "receivers return permerror",
            record: record.index, span: tree[step.entry].term.span, notes: ["loop: \(tree.path(to: step))"]))
      }
    }
  }
}
