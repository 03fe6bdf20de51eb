/// SPF014: the strings of one TXT record joined without a space break a term (RFC 7208 §3.3).
struct StringJoinNoSpace: Rule {
  static let metadata = RuleMetadata(
    code: "SPF014", slug: "string-join-no-space", severity: .error,
    summary: "strings of one TXT record joined without a space break a term",
    rationale: "Receivers concatenate the strings of a TXT record with no space in between. When one string ends "
      + "a term and the next starts another, the two fuse into one term ('...1.2.3.4ip4:...'), which is a syntax "
      + "error or a different term. End the string with a space or start the next with one. A split inside a term "
      + "('\"include:_spf.exam\" \"ple.com\"') is fine: the joined text is what counts.",
    reference: "RFC 7208 §3.3",
    triggering: ["\"v=spf1 ip4:1.2.3.1\" \"ip4:4.5.6.1 -all\""],
    nonTriggering: ["\"v=spf1 ip4:1.2.3.1 \" \"ip4:4.5.6.1 -all\""])

  func check(_ context: LintContext, into diagnostics: inout [Diagnostic]) {
    for record in context.spfRecords {
      let bytes = record.txt.joined
      // An empty string makes two boundaries at one offset: one join, reported once.
      for boundary in Set(record.txt.boundaries).sorted() where boundary > 0 && boundary < bytes.count {
        guard bytes[boundary - 1] != 0x20, bytes[boundary] != 0x20 else { continue }
        var start = boundary
        while start > 0, bytes[start - 1] != 0x20 { start -= 1 }
        var end = boundary
        while end < bytes.count, bytes[end] != 0x20 { end += 1 }
        let left = Array(bytes[start..<boundary])
        let right = Array(bytes[boundary..<end])
        guard Self.isTerm(left), Self.isTerm(right) else { continue }
        let fused = record.text(SourceSpan(start: start, end: end))
        diagnostics.append(
          Diagnostic(
            Self.metadata,
            "'\(fused)' fuses two terms: the strings are joined with no space after '\(String(decoding: left, as: UTF8.self))'",
            record: record.index, span: SourceSpan(start: start, end: end),
            fix: Fix(
              title: "insert a space between the strings",
              edits: [TextEdit(span: SourceSpan(start: boundary, end: boundary), replacement: " ")])))
      }
    }
  }

  /// Whether bytes parse as exactly one valid term.
  private static func isTerm(_ bytes: [UInt8]) -> Bool {
    guard !bytes.isEmpty else { return false }
    let parsed = SPFParser.parse(Array("v=spf1 ".utf8) + bytes)
    return parsed.isValid && parsed.record.terms.count == 1
  }
}
