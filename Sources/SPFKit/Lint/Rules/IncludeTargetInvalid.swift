/// SPF018: an include or redirect target's SPF record has a syntax error (RFC 7208 §4.6, §5.2,
/// §6.1) — DNS.
///
/// Through the include tree. The target's record is parsed as receivers parse it; its first
/// problem is named so the provider can be told what to fix.
struct IncludeTargetInvalid: Rule {
  static let metadata = RuleMetadata(
    code: "SPF018", slug: "include-target-invalid", severity: .error,
    summary: "an include or redirect target's SPF record has a syntax error",
    rationale: "Receivers that evaluate an include or redirect parse the target's record; a syntax error there "
      + "(a misspelt mechanism, a bad address) is a permerror for the whole policy, whatever the linted record says "
      + "(RFC 7208 §4.6, §5.2). The fault is in someone else's record, often a provider's, and breaks your mail all "
      + "the same. In the example, the target writes 'ipv4:' for 'ip4:'.",
    reference: "RFC 7208 §4.6, §5.2, §6.1",
    triggering: ["v=spf1 include:_broken.example.com -all"],
    nonTriggering: ["v=spf1 include:_spf.example.com -all"],
    requirement: .dns)

  func check(_ context: LintContext, into diagnostics: inout [Diagnostic]) {
    context.forEachTree { record, tree in
      var seen: Set<String> = []
      for step in tree.steps {
        let lookup = tree[step.reference]
        guard let child = lookup.child, let target = lookup.target,
          case .record(let txt, let errors) = tree.nodes[child].outcome, errors > 0
        else { continue }
        let place = tree.place(of: step)
        guard seen.insert("\(step.entry.lookup) \(lookup.text)\(place)").inserted else { continue }
        let first = SPFParser.parse(txt.joined).issues.first.map { ": \($0.message)" } ?? ""
        diagnostics.append(
          Diagnostic(
            Self.metadata,
            "\(lookup.kindName) target '\(target)' publishes a record with \(errors) syntax "
              + "error\(errors == 1 ? "" : "s")\(first): '\(lookup.text)'\(place) makes receivers return permerror",
            record: record.index, span: tree[step.entry].term.span, notes: tree.pathNotes(step)))
      }
    }
  }
}
