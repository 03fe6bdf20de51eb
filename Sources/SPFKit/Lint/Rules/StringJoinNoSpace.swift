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
    context.forEachSPFRecord(where: { $0.stringCount > 1 }) { record in
      let bytes = record.txt.joined
      for (boundary, term) in Self.joins(bytes, boundaries: record.txt.boundaries) {
        guard Self.isTerm(bytes[term.lowerBound..<boundary]), Self.isTerm(bytes[boundary..<term.upperBound]) else {
          continue
        }
        let fused = record.text(SourceSpan(start: term.lowerBound, end: term.upperBound))
        let left = record.text(SourceSpan(start: term.lowerBound, end: boundary))
        diagnostics.append(
          Diagnostic(
            Self.metadata, "'\(fused)' fuses two terms: the strings are joined with no space after '\(left)'",
            record: record.index, span: SourceSpan(start: term.lowerBound, end: term.upperBound),
            fix: Fix(
              title: "insert a space between the strings",
              edits: [TextEdit(span: SourceSpan(start: boundary, end: boundary), replacement: " ")])))
      }
    }
  }

  /// The joins worth checking, with the run of bytes between spaces around each: in every such run,
  /// the first and the last boundary between strings.
  ///
  /// Only those two: a fused pair at an inner boundary has both of its terms split across strings as
  /// well, and checking each of the k boundaries of a run would parse the run k times (quadratic in a
  /// record of many short strings). Each byte is scanned once.
  static func joins(_ bytes: [UInt8], boundaries: [Int]) -> [(boundary: Int, term: Range<Int>)] {
    var joins: [(boundary: Int, term: Range<Int>)] = []
    var index = 0
    while index < boundaries.count {
      let boundary = boundaries[index]
      index += 1
      guard boundary > 0, boundary < bytes.count, bytes[boundary - 1] != 0x20, bytes[boundary] != 0x20 else {
        continue
      }
      var start = boundary
      while start > 0, bytes[start - 1] != 0x20 { start -= 1 }
      var end = boundary
      while end < bytes.count, bytes[end] != 0x20 { end += 1 }
      var last = boundary
      while index < boundaries.count, boundaries[index] < end {
        last = boundaries[index]
        index += 1
      }
      joins.append((boundary, start..<end))
      // An empty string makes two boundaries at one offset: one join, reported once.
      if last != boundary { joins.append((last, start..<end)) }
    }
    return joins
  }

  /// Whether bytes parse as exactly one valid term.
  private static func isTerm(_ bytes: ArraySlice<UInt8>) -> Bool {
    guard !bytes.isEmpty else { return false }
    let parsed = SPFParser.parse(Array("v=spf1 ".utf8) + bytes)
    return parsed.isValid && parsed.record.terms.count == 1
  }
}
