/// Modifiers (RFC 7208 §6), domain-specs (§7.1) and terms that are neither.
extension TermParser {
  /// Parses `name=value`: `redirect`, `exp`, or an unknown modifier.
  func parseModifier(nameSpan: SourceSpan, _ issues: inout [SyntaxIssue]) -> Term {
    let name = String(decoding: bytes[nameSpan.start..<nameSpan.end], as: UTF8.self)
    let valueSpan = SourceSpan(start: nameSpan.end + 1, end: range.upperBound)
    if let qualifierSpan {
      return invalid(
        SyntaxIssue(
          .invalidQualifier, qualifierSpan, "'\(rawText)' is a modifier: it takes no qualifier",
          suggestion: ""), &issues)
    }
    let lowered = name.lowercased()
    if lowered == "redirect" || lowered == "exp" {
      guard let spec = parseDomainSpec(valueSpan, owner: lowered, separator: "=", &issues) else {
        return invalid(&issues)
      }
      let modifier: Modifier = lowered == "redirect" ? .redirect(spec) : .explanation(spec)
      return term(.modifier(modifier), nameSpan: nameSpan, argumentSpan: valueSpan)
    }
    guard
      let value = MacroParser.parse(
        bytes, valueSpan.start..<valueSpan.end, allowExplanationLetters: false,
        issues: &issues)
    else { return invalid(&issues) }
    return term(.modifier(.unknown(name: name, value: value)), nameSpan: nameSpan, argumentSpan: valueSpan)
  }

  /// Parses `domain-spec = macro-string domain-end` (RFC 7208 §7.1) in `span`.
  ///
  /// Only the grammar is checked here; label and name lengths are lint's concern (SPF009), since a
  /// receiver treats an over-long name as non-existent rather than as a syntax error.
  func parseDomainSpec(_ span: SourceSpan, owner: String, separator: String = ":", _ issues: inout [SyntaxIssue])
    -> DomainSpec?
  {
    guard span.length > 0 else {
      issues.append(SyntaxIssue(.invalidDomainSpec, self.span, "'\(owner)\(separator)' has an empty domain"))
      return nil
    }
    let range = span.start..<span.end
    if !bytes[range].contains(0x25) {
      // The common case, a plain name: no macro parsing, one string, the end checked on the bytes in place.
      if let problem = TermParser.domainEndProblem(bytes[range]) {
        issues.append(SyntaxIssue(.invalidDomainSpec, span, "'\(Excerpt.of(bytes[range]))' \(problem)"))
        return nil
      }
      if knownPrintable { return DomainSpec(MacroString(writtenASCII: bytes, range)) }
      return DomainSpec(MacroString(literal: String(decoding: bytes[range], as: UTF8.self)))
    }
    guard let macro = MacroParser.parse(bytes, range, allowExplanationLetters: false, issues: &issues)
    else { return nil }
    guard case .literal(let tail)? = macro.lastPart else { return DomainSpec(macro) }
    if let problem = TermParser.domainEndProblem(Array(tail.utf8)[...]) {
      let text = Excerpt.of(bytes[span.start..<span.end])
      issues.append(SyntaxIssue(.invalidDomainSpec, span, "'\(text)' \(problem)"))
      return nil
    }
    return DomainSpec(macro)
  }

  /// Why a literal tail is no `domain-end = "." toplabel ["."]`, or nil when it is one.
  static func domainEndProblem(_ tail: ArraySlice<UInt8>) -> String? {
    var end = tail.endIndex
    if end > tail.startIndex, tail[end - 1] == 0x2E { end -= 1 }
    guard let dot = tail[..<end].lastIndex(of: 0x2E) else {
      return "is not a domain: it needs a dot and a top-level label ('example.com')"
    }
    let label = tail[(dot + 1)..<end]
    var shown: String { Excerpt.of(label) }
    guard let first = label.first, let last = label.last else { return "ends with an empty label" }
    func isAlphanumeric(_ byte: UInt8) -> Bool { isLetter(byte) || (byte >= 0x30 && byte <= 0x39) }
    func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    guard label.allSatisfy({ isAlphanumeric($0) || $0 == 0x2D }) else {
      return "has an invalid top-level label '\(shown)'"
    }
    guard isAlphanumeric(first), isAlphanumeric(last) else {
      return "has a top-level label '\(shown)' that starts or ends with '-'"
    }
    guard label.contains(where: isLetter) || label.contains(0x2D) else {
      return "has an all-numeric top-level label '\(shown)'"
    }
    return nil
  }

  /// The issue for a term that is no mechanism and no modifier, with the likely meant term.
  func unknownTerm(nameSpan: SourceSpan, separator: UInt8?) -> SyntaxIssue {
    let name = String(decoding: bytes[nameSpan.start..<nameSpan.end], as: UTF8.self).lowercased()
    let rest = String(decoding: bytes[nameSpan.end..<range.upperBound], as: UTF8.self)
    let qualifier = String(decoding: bytes[range.lowerBound..<nameStart], as: UTF8.self)
    // The term after any qualifier: a bare IPv6 address may start with a letter (`fe80::1`), so with a name.
    let unqualified = String(decoding: bytes[nameStart..<range.upperBound], as: UTF8.self)
    var suggestion: String? = nil
    if nameSpan.length == 0, IPv4Network(rest) != nil {
      suggestion = qualifier + "ip4:" + rest
    } else if IPv6Network(unqualified) != nil {
      suggestion = qualifier + "ip6:" + unqualified
    } else if (name == "redirect" || name == "exp"), separator == 0x3A {
      suggestion = name + "=" + rest.dropFirst()
    } else if name == "all", separator != nil {
      suggestion = qualifier + name  // `-all;`, `~all"`: `all` takes nothing after it
    } else if MechanismKind(rawValue: name) != nil, let separator, separator != 0x3D {
      suggestion = qualifier + name + ":" + rest.dropFirst()
    } else if let dot = name.firstIndex(of: "."), let kind = MechanismKind(rawValue: String(name[..<dot])) {
      // `include.example.com`: a dot typed for the colon; `-all.`: a stray dot (`all` takes no argument).
      let raw = String(decoding: bytes[nameSpan.start..<range.upperBound], as: UTF8.self)
      let argument = raw.dropFirst(name.distance(from: name.startIndex, to: dot) + 1)
      if argument.isEmpty {
        suggestion = qualifier + kind.rawValue
      } else if kind != .all {
        suggestion = qualifier + kind.rawValue + ":" + argument
      }
    } else if let likely = TermParser.likelyMechanism(name) {
      suggestion = qualifier + likely + rest
    }
    // A suggestion must itself be a valid term (`+mx.com` is no `+mx:com`, whose domain has no dot).
    if let candidate = suggestion, !suggests || !SPFParser.isTerm(Array(candidate.utf8)) { suggestion = nil }
    let detail = suggestion.map { ": did you mean '\($0)'?" } ?? ""
    return SyntaxIssue(
      .unknownMechanism, span, "'\(rawText)' is not a mechanism or modifier\(detail)",
      suggestion: suggestion)
  }

  /// The mechanism a misspelt name most likely means: known aliases, then the nearest name within an
  /// edit distance of a third of the name's length (at least 1).
  static func likelyMechanism(_ name: String) -> String? {
    let aliases = [
      "ipv4": "ip4", "ip4v": "ip4", "inet": "ip4", "inet4": "ip4", "ip": "ip4", "ipv6": "ip6",
      "inet6": "ip6", "ip6v": "ip6", "includes": "include", "inc": "include", "exist": "exists",
      "a4": "a", "aaaa": "a", "mx4": "mx",
    ]
    if let alias = aliases[name] { return alias }
    guard name.count >= 3 else { return nil }
    return Spelling.nearest(to: name, among: MechanismKind.allCases.map(\.rawValue).filter { $0.count >= 3 })
  }
}
