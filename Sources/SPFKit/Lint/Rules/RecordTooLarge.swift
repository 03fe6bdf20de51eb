/// SPF101: the owner name plus all TXT text at the name over 450 octets (RFC 7208 §3.4).
struct RecordTooLarge: Rule {
  static let metadata = RuleMetadata(
    code: "SPF101", slug: "record-too-large", severity: .warning,
    summary: "the TXT answer at the name may not fit in a UDP response",
    rationale: "RFC 7208 §3.4 advises keeping the owner name plus all TXT text at the name under 450 octets so "
      + "the answer fits in a 512-octet UDP response. Larger answers need TCP, which some receivers and middleboxes "
      + "mishandle: lookups then fail with temperror.",
    reference: "RFC 7208 §3.4",
    triggering: [
      "\"v=spf1 " + String(repeating: "ip4:192.0.2.1 ", count: 17) + "\" \""
        + String(repeating: "ip4:198.51.100.1 ", count: 13) + "-all\""
    ],
    nonTriggering: ["v=spf1 ip4:1.2.3.1 -all"],
    scope: .name)

  /// The advised maximum, in octets (RFC 7208 §3.4).
  static let limit = 450

  /// The octets a name takes on the wire: a length octet per label, the labels, the root's zero
  /// octet. A final dot (a fully qualified name) adds nothing.
  static func wireSize(of name: String) -> Int {
    let relative = name.hasSuffix(".") ? name.dropLast() : Substring(name)
    return relative.isEmpty ? 1 : relative.utf8.count + 2
  }

  /// Sums the TXT answer only: in a zone file, SPF (type 99) records are not part of it.
  func check(_ context: LintContext, into diagnostics: inout [Diagnostic]) {
    let nameSize = context.name.map(Self.wireSize) ?? 0
    let answer = context.txtRecords
    let textSize = answer.reduce(0) { total, record in
      record.txt.strings.reduce(total) { $0 + $1.bytes.count + 1 }
    }
    guard nameSize + textSize > Self.limit,
      let largest = answer.filter({ $0.parsed != nil }).max(by: { $0.txt.joined.count < $1.txt.joined.count })
    else { return }
    let owner = context.name.map { " at '\($0)'" } ?? ""
    diagnostics.append(
      Diagnostic(
        Self.metadata,
        "the TXT records\(owner) come to \(nameSize + textSize) octets: over 450, the answer may not fit in UDP",
        record: largest.index, span: largest.record?.versionSpan))
  }
}
