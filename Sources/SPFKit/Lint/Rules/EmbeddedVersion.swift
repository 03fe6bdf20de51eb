/// SPF117: `v=spf1` again inside the record: two records pasted together (RFC 7208 §4.5, §6).
struct EmbeddedVersion: Rule {
  static let metadata = RuleMetadata(
    code: "SPF117", slug: "embedded-version", severity: .warning,
    summary: "v=spf1 again inside the record",
    rationale: "A second 'v=spf1' inside a record means two records were pasted together. Receivers read it as an "
      + "unknown modifier and ignore it, and nothing after the first 'all' is evaluated: the second record's "
      + "senders are not authorized. Merge the two properly ('spfkit merge').",
    reference: "RFC 7208 §4.5, §6",
    triggering: ["v=spf1 ip4:1.2.3.1 -all v=spf1 ip4:4.5.6.1 -all"],
    nonTriggering: ["v=spf1 ip4:1.2.3.1 ip4:4.5.6.1 -all"])

  func check(_ context: LintContext, into diagnostics: inout [Diagnostic]) {
    context.forEachSPFRecord(where: { $0.kinds.contains(.unknownModifier) }) { record in
      guard let spf = record.record else { return }
      let firstAll = record.tags.firstIndex { $0.mechanismKind == .all } ?? record.tags.count
      for (index, tag) in record.tags.enumerated() where tag == .unknownModifier {
        let term = spf.terms[index]
        guard case .modifier(.unknown(let name, _)) = term.kind, name.lowercased() == "v" else { continue }
        let consequence = firstAll < index ? ": nothing after the first 'all' is evaluated" : ": receivers ignore it"
        diagnostics.append(
          Diagnostic(
            Self.metadata,
            "'\(record.text(term.span))' appears inside the record, two records pasted together\(consequence)",
            record: record.index, span: term.span, notes: ["merge the records into one: spfkit merge RECORD RECORD"]))
      }
    }
  }
}
