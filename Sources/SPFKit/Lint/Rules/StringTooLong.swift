/// SPF002: a TXT character-string over 255 octets (RFC 7208 §3.3, RFC 1035 §3.3).
struct StringTooLong: Rule {
  static let metadata = RuleMetadata(
    code: "SPF002", slug: "string-too-long", severity: .error,
    summary: "a TXT character-string over 255 octets",
    rationale: "One DNS character-string holds at most 255 octets: a longer record cannot be published as one "
      + "string. Split it into several strings of one TXT record; receivers join them with no space.",
    reference: "RFC 7208 §3.3; RFC 1035 §3.3",
    triggering: ["v=spf1 " + Array(repeating: "ip4:192.0.2.1", count: 20).joined(separator: " ") + " -all"],
    nonTriggering: ["v=spf1 ip4:1.2.3.1 -all"])

  func check(_ context: LintContext, into diagnostics: inout [Diagnostic]) {
    // A record of 255 octets or fewer has no string over 255: most records are skipped at once.
    let longest = CharacterString.maximumLength
    context.forEachRecord(of: .all, where: { $0.role != .other && $0.length > longest }) { record in
      var offset = 0
      for string in record.txt.strings {
        defer { offset += string.bytes.count }
        guard string.bytes.count > CharacterString.maximumLength else { continue }
        let span = SourceSpan(start: offset + CharacterString.maximumLength, end: offset + string.bytes.count)
        let split = StringTooLong.split(record.txt)
        diagnostics.append(
          Diagnostic(
            Self.metadata, "character-string is \(string.bytes.count) octets: DNS allows at most 255 in one string",
            record: record.index, span: span,
            fix: Fix(title: "split the record into \(split.strings.count) strings of at most 255 octets", record: split)
          ))
      }
    }
  }

  /// The record's text in strings of at most 255 octets, each break after a space where possible
  /// so every string holds whole terms.
  static func split(_ txt: TXTRecord) -> TXTRecord {
    let bytes = txt.joined
    var strings: [CharacterString] = []
    var start = 0
    while start < bytes.count {
      var end = min(start + CharacterString.maximumLength, bytes.count)
      if end < bytes.count, let space = bytes[start..<end].lastIndex(of: 0x20), space > start {
        end = space + 1
      }
      strings.append(CharacterString(bytes: Array(bytes[start..<end])))
      start = end
    }
    return TXTRecord(strings: strings.isEmpty ? [CharacterString(bytes: [])] : strings)
  }
}
