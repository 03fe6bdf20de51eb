/// Invariants of the record parser (RFC 7208 §12) and the TXT presentation format (RFC 1035 §5.1).
enum RecordInvariants {
  /// Spans lie inside the text, terms come in order without overlapping, a term's parts lie inside
  /// it, and issues come in source order.
  static func checkSpans(_ parsed: ParsedRecord, count: Int) {
    FuzzCheck.require(FuzzCheck.isInside(parsed.record.versionSpan, count: max(count, 6)), "version span")
    var previousEnd = 0
    for term in parsed.record.terms {
      FuzzCheck.require(FuzzCheck.isInside(term.span, count: count), "term span \(term.span) of \(count)")
      FuzzCheck.require(
        term.span.length > 0 && term.span.start >= previousEnd, "term \(term.span) after \(previousEnd)")
      previousEnd = term.span.end
      for part in [term.qualifierSpan, term.nameSpan, term.argumentSpan, term.cidrSpan].compactMap({ $0 })
      where part != .none {
        FuzzCheck.require(term.span.start <= part.start && part.end <= term.span.end, "part \(part) of \(term.span)")
      }
    }
    for issue in parsed.issues {
      FuzzCheck.require(FuzzCheck.isInside(issue.span, count: count), "issue span \(issue.span) of \(count)")
    }
    let starts = parsed.issues.map(\.span.start)
    FuzzCheck.require(starts == starts.sorted(), "issues out of source order: \(starts)")
  }

  /// A record with no issue prints canonically: the print re-parses without issue to the same terms
  /// and prints the same again.
  static func checkRoundTrip(_ parsed: ParsedRecord) {
    guard parsed.isValid else { return }
    let printed = parsed.record.description
    let reparsed = SPFParser.parse(printed)
    FuzzCheck.require(reparsed.isValid, "the print '\(printed)' has issues: \(reparsed.issues.map(\.message))")
    FuzzCheck.require(
      reparsed.record.terms.map(\.kind) == parsed.record.terms.map(\.kind), "'\(printed)' re-parses differently")
    FuzzCheck.require(reparsed.record.description == printed, "printing '\(printed)' is not idempotent")
  }

  /// A record's presentation text parses back to the same strings.
  static func checkPresentation(_ record: TXTRecord) {
    let presentation = Array(record.presentation.utf8)
    do {
      let reread = try TXTRecord.parsePresentation(presentation)
      FuzzCheck.require(reread.strings.map(\.bytes) == record.strings.map(\.bytes), "presentation round trip")
    } catch {
      FuzzCheck.require(record.strings.isEmpty, "the presentation of a record does not parse: \(error)")
    }
  }
}
