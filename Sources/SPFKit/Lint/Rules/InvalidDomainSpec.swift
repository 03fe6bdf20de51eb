/// SPF009: a bad domain: empty label, label over 63, name over 253, bad top label, missing argument
/// (RFC 7208 §7.1, §4.3; RFC 1035 §2.3.4).
struct InvalidDomainSpec: Rule {
  static let metadata = RuleMetadata(
    code: "SPF009", slug: "invalid-domain-spec", severity: .error,
    summary: "a malformed domain: empty or long label, long name, bad top label, missing domain",
    rationale: "A domain-spec must end in a top-level label (not all digits, no leading or trailing dash) or a "
      + "macro; include, exists, redirect and exp need one. Syntax errors make receivers return permerror; names "
      + "with empty labels, labels over 63 octets or over 253 octets in all can never be looked up.",
    reference: "RFC 7208 §7.1, §4.3; RFC 1035 §2.3.4",
    triggering: ["v=spf1 include:_spf..example.com -all"],
    nonTriggering: ["v=spf1 include:_spf.example.com -all"])

  func check(_ context: LintContext, into diagnostics: inout [Diagnostic]) {
    context.forEachSPFRecord(where: { $0.hasIssues || !$0.kinds.isDisjoint(with: Self.domainKinds) }) { record in
      if record.hasIssues, let parsed = record.parsed {
        for issue in parsed.issues where issue.kind == .invalidDomainSpec {
          diagnostics.append(Diagnostic(Self.metadata, issue.message, record: record.index, span: issue.span))
        }
      }
      guard let terms = record.record?.terms else { return }
      let tags = record.tags
      // Spans and the argument's bytes, read where they lie: copying a term (as `terms[index]` does
      // to read one field), or slicing the text, counts references for every domain of every record.
      record.txt.joined.withUnsafeBufferPointer { text in
        terms.withUnsafeBufferPointer { terms in
          for index in tags.indices where index < terms.count && Self.namesADomain(tags[index]) {
            guard let span = terms[index].argumentSpan else { continue }
            let argument = text[clamped: span]
            if let kind = tags[index].mechanismKind, Self.repeatsKeyword(of: kind, in: argument) {
              diagnostics.append(Self.doubledKeyword(terms[index].span, argument: span, kind: kind, in: record))
              continue
            }
            let hasMacro = argument.contains(0x25)
            let problem = hasMacro ? Self.nameProblem(of: terms[index]) : Self.nameProblem(literal: argument)
            guard let problem else { continue }
            diagnostics.append(
              Diagnostic(Self.metadata, "'\(record.text(span))' \(problem)", record: record.index, span: span))
          }
        }
      }
    }
  }

  /// The kinds of the terms that name a domain, from `namesADomain(_:)`: a record with none of them
  /// and no syntax issue has nothing for this rule.
  private static let domainKinds: TermKinds = {
    let otherTags: [TermTag] = [.redirect, .explanation, .unknownModifier, .invalid]
    let tags = MechanismKind.allCases.map { TermTag.directive($0, .pass) } + otherTags
    return TermKinds(tags.filter(namesADomain).map(TermKinds.init))
  }()

  /// `include:include:example.com`: the keyword typed twice, seen in published records. The grammar
  /// accepts the colon in a domain-spec, so receivers look up the name 'include:example.com', which
  /// no one can publish.
  /// `kind` is the term's mechanism, from its tag: `term.mechanism` would copy it.
  static func repeatsKeyword(of kind: MechanismKind, in argument: UnsafeBufferPointer<UInt8>) -> Bool {
    // Compared in place: this runs for every term that names a domain, and most repeat nothing.
    var name = kind.rawValue
    return name.withUTF8 { name in
      guard argument.count > name.count + 1, argument[name.count] == 0x3A else { return false }
      for offset in 0..<name.count where ZoneName.asciiLower(argument[offset]) != name[offset] { return false }
      return true
    }
  }

  /// The finding for a term whose argument `repeatsKeyword(of:in:)`.
  static func doubledKeyword(
    _ termSpan: SourceSpan, argument span: SourceSpan, kind: MechanismKind, in record: LintedRecord
  ) -> Diagnostic {
    let name = kind.rawValue.utf8
    let doubled = SourceSpan(start: span.start, end: span.start + name.count + 1)
    let fixed = record.text(SourceSpan(start: doubled.end, end: termSpan.end))
    return Diagnostic(
      metadata,
      "'\(record.text(termSpan))' repeats '\(kind.rawValue):': receivers look up the name "
        + "'\(record.text(span))': did you mean '\(kind.rawValue):\(fixed)'?",
      record: record.index, span: span,
      fix: Fix(title: "remove the second '\(kind.rawValue):'", edits: [TextEdit(span: doubled, replacement: "")]))
  }

  /// Whether a term of this tag can carry a domain-spec.
  static func namesADomain(_ tag: TermTag) -> Bool {
    switch tag {
    case .redirect, .explanation: true
    case .directive(let kind, _): kind != .all && kind != .ip4 && kind != .ip6
    default: false
    }
  }

  /// What makes a term's domain unusable in DNS, judged on its literal parts.
  static func nameProblem(of term: Term) -> String? {
    let spec: DomainSpec?
    switch term.kind {
    case .directive(let directive): spec = directive.mechanism.domainSpec
    case .modifier(.redirect(let target)), .modifier(.explanation(let target)): spec = target
    default: spec = nil
    }
    guard let spec else { return nil }
    var scan = LabelScan()
    if let literal = spec.literalName {
      scan.add(literal)
    } else {
      for part in spec.macroString.parts {
        // An expansion stands for at least one octet of some label.
        if case .literal(let literal) = part { scan.add(literal) } else { scan.addExpansion() }
      }
    }
    return scan.problem(isLiteral: spec.literalName != nil)
  }

  /// What makes a literal domain (an argument written without `%`, which is its own literal text)
  /// unusable in DNS: `nameProblem(of:)` on the written bytes, without the parsed term.
  static func nameProblem(literal bytes: UnsafeBufferPointer<UInt8>) -> String? {
    var scan = LabelScan()
    for byte in bytes { scan.add(byte) }
    return scan.problem(isLiteral: true)
  }

  /// Label lengths of a name read left to right, without building strings.
  private struct LabelScan {
    var current = 0
    var total = 0
    var empty = false
    var longest = 0
    var endsWithDot = false

    mutating func add(_ text: String) {
      for byte in text.utf8 { add(byte) }
    }

    mutating func addExpansion() { add(0x78) }

    mutating func add(_ byte: UInt8) {
      total += 1
      if byte == 0x2E {
        if current == 0 { empty = true }
        current = 0
        endsWithDot = true
      } else {
        current += 1
        longest = max(longest, current)
        endsWithDot = false
      }
    }

    func problem(isLiteral: Bool) -> String? {
      // One trailing dot is the root, not an empty label.
      let labelsEmpty = empty || (total == 0)
      if labelsEmpty { return "has an empty label" }
      if longest > 63 { return "has a label of \(longest) octets: DNS allows at most 63" }
      let length = endsWithDot ? total - 1 : total
      if isLiteral, length > 253 { return "is \(length) octets long: DNS names hold at most 253" }
      return nil
    }
  }
}
