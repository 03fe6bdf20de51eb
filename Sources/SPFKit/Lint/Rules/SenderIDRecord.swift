/// SPF118: a Sender ID record (`spf2.0/mfrom,pra …`): obsolete, and ignored by SPF receivers.
///
/// Sender ID (RFC 4406, historic since RFC 6686) published `spf2.0/` records for its PRA and mfrom
/// scopes. SPF receivers select only records that start with `v=spf1` (RFC 7208 §4.5), so such a
/// record is dead data. It is not a misspelt SPF record: turning it into `v=spf1` would give the name
/// a second SPF record (SPF001), so the fix is to delete it.
struct SenderIDRecord: Rule {
  static let metadata = RuleMetadata(
    code: "SPF118", slug: "sender-id-record", severity: .warning,
    summary: "a Sender ID (spf2.0) record: obsolete and ignored by SPF receivers",
    rationale: "Sender ID records ('spf2.0/mfrom,pra ...') belong to an experiment that ended: RFC 4406 is "
      + "historic (RFC 6686) and no receiver evaluates them. SPF receivers read only records that start with "
      + "'v=spf1', so the record does nothing for SPF. Delete it; do not rewrite it to 'v=spf1', which would "
      + "give the name a second SPF record. When it is the only policy-like record, the name has no SPF policy.",
    reference: "RFC 7208 §4.5; RFC 4406; RFC 6686",
    triggering: ["spf2.0/mfrom,pra ip4:1.2.3.1 -all", "v=spf1 ip4:1.2.3.1 -all"],
    nonTriggering: ["v=spf1 ip4:1.2.3.1 -all"],
    scope: .record)

  func check(_ context: LintContext, into diagnostics: inout [Diagnostic]) {
    context.forEachRecord(of: .all, where: { $0.role == .other }) { record in
      let bytes = record.txt.joined
      guard let tagEnd = Self.senderIDTagEnd(bytes) else { return }
      let span = SourceSpan(start: 0, end: tagEnd)
      let policy = context.selectedRecords.isEmpty ? ": the name has no SPF policy (no 'v=spf1' record)" : ""
      diagnostics.append(
        Diagnostic(
          Self.metadata,
          "'\(record.text(span))' is a Sender ID record: obsolete (RFC 4406 is historic) and ignored by SPF "
            + "receivers\(policy)",
          record: record.index, span: span,
          notes: ["delete this TXT record: rewriting it to 'v=spf1' would publish a second SPF record"]))
    }
  }

  /// Where the version tag of a Sender ID record ends (`spf2.0/mfrom,pra`, or `v=spf2.0/pra` as some
  /// write it), or nil when the text is no Sender ID record (RFC 4406 §3).
  static func senderIDTagEnd(_ bytes: [UInt8]) -> Int? {
    func starts(with prefix: StaticString) -> Bool {
      prefix.withUTF8Buffer { expected in
        bytes.count > expected.count
          && zip(bytes, expected).allSatisfy({ ($0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0) == $1 })
      }
    }
    guard starts(with: "spf2.0/") || starts(with: "v=spf2.0/") else { return nil }
    return bytes.firstIndex(of: 0x20) ?? bytes.count
  }
}
