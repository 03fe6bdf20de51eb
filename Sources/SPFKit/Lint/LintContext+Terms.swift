extension LintContext {
  /// Calls `body` for every term of every SPF record (selected and near misses) whose tag matches,
  /// in order. Only matching terms are read, so a rule that looks for one kind of term stays cheap.
  ///
  /// - Parameter kinds: the kinds of every tag that `matches`: a record with none of them is skipped
  ///   without reading its tags.
  func forEachTerm(of kinds: TermKinds, where matches: (TermTag) -> Bool, _ body: (LintedRecord, Term) -> Void) {
    forEachSPFRecord(where: { !$0.kinds.isDisjoint(with: kinds) }) { record in
      let tags = record.tags
      // The terms are read only for a record with a matching tag.
      guard let first = tags.firstIndex(where: matches), let spf = record.record else { return }
      // Through a buffer pointer the loop is inlined into each rule's check, where indexing the array
      // kept it a function of its own per rule (callgrind lintonce: 2,504M -> 2,463M instructions).
      // Each matching term is still copied to be passed to `body` (a memcpy and a retain of its
      // payload); a `borrowing` parameter did not change that.
      spf.terms.withUnsafeBufferPointer { terms in
        // The two have one entry a term; the bound keeps a mismatch from trapping.
        let end = min(tags.count, terms.count)
        guard first < end else { return }
        for index in first..<end where matches(tags[index]) { body(record, terms[index]) }
      }
    }
  }
}

extension LintContext {
  /// Calls `body` with each ip4 and ip6 network of every SPF record that has one, in order: the
  /// networks as `LintedRecord` read them once, so no term is copied.
  func forEachNetwork(_ body: (LintedRecord, RecordNetwork) -> Void) {
    forEachSPFRecord(where: { !$0.kinds.isDisjoint(with: [.ip4, .ip6]) }) { record in
      for network in record.networks { body(record, network) }
    }
  }
}

extension Fix {
  /// A fix that deletes a term and the space before it.
  static func removing(_ term: Term, in record: LintedRecord) -> Fix { removing(term.span, in: record) }

  /// A fix that deletes the term written at `span` and the space before it.
  static func removing(_ span: SourceSpan, in record: LintedRecord) -> Fix {
    let bytes = record.txt.joined
    var start = span.start
    while start > 0, start <= bytes.count, bytes[start - 1] == 0x20 { start -= 1 }
    var title = MessageText(capacity: 64)
    title.append("remove '")
    title.append(bytes[clamped: span])
    title.append("'")
    return Fix(title: title.string, edits: [TextEdit(span: SourceSpan(start: start, end: span.end), replacement: "")])
  }

  /// A fix that replaces a term's text.
  static func replacing(_ term: Term, in record: LintedRecord, with replacement: String) -> Fix {
    replacing(term.span, in: record, with: replacement)
  }

  /// A fix that replaces the term written at `span`.
  static func replacing(_ span: SourceSpan, in record: LintedRecord, with replacement: String) -> Fix {
    var title = MessageText(capacity: 64)
    title.append("replace '")
    title.append(record.txt.joined[clamped: span])
    title.append("' with '")
    title.append(string: replacement)
    title.append("'")
    return Fix(title: title.string, edits: [TextEdit(span: span, replacement: replacement)])
  }
}

extension LintedRecord {
  /// The span of the term at `index` of the parsed record, read where it lies: `terms[index].span`
  /// copies the whole term first. Nil when there is no such term.
  func termSpan(_ index: Int) -> SourceSpan? {
    record?.terms.withUnsafeBufferPointer { terms in terms.indices.contains(index) ? terms[index].span : nil }
  }

  /// The written text of a span of this record as quoted in a message (see `Excerpt`).
  func text(_ span: SourceSpan) -> String { Excerpt.of(txt.joined[clamped: span]) }

  /// A message that starts with the written text of a span in quotes, `'ip4:10.0.0.0/8'`, then `rest`.
  func message(quoting span: SourceSpan, _ rest: StaticString) -> String {
    var message = MessageText()
    message.append(quoting: txt.joined[clamped: span])
    message.append(rest)
    return message.string
  }
}
