/// Mechanisms (RFC 7208 §5, §12) and modifiers (§6).
extension TermParser {
  /// Parses the arguments of a mechanism whose name ends at `nameSpan.end`.
  func parseMechanism(
    _ kind: MechanismKind, qualifier: Qualifier, nameSpan: SourceSpan,
    _ issues: inout [SyntaxIssue]
  ) -> Term {
    let afterName = nameSpan.end
    let hasColon = afterName < range.upperBound && bytes[afterName] == 0x3A
    let name = kind.rawValue
    let head = DirectiveHead(qualifier: qualifier, nameSpan: nameSpan)
    switch kind {
    case .all:
      guard afterName == range.upperBound else {
        let extra = SourceSpan(start: afterName, end: range.upperBound)
        return invalid(
          SyntaxIssue(
            .unknownMechanism, extra, "'all' takes no argument or prefix length",
            suggestion: ""), &issues)
      }
      return directive(.all, head)
    case .include, .exists:
      guard hasColon else {
        return invalid(
          SyntaxIssue(.invalidDomainSpec, span, "'\(name)' needs a domain: write '\(name):example.com'"),
          &issues)
      }
      let argument = SourceSpan(start: afterName + 1, end: range.upperBound)
      guard let spec = parseDomainSpec(argument, owner: name, &issues) else { return invalid(&issues) }
      return directive(kind == .include ? .include(spec) : .exists(spec), head, argument: argument)
    case .a, .mx, .ptr:
      return parseHostMechanism(kind, hasColon: hasColon, head, &issues)
    case .ip4, .ip6:
      guard hasColon, afterName + 1 < range.upperBound else {
        return invalid(
          SyntaxIssue(.invalidIPAddress, span, "'\(name)' needs a network: write '\(name):address[/prefix]'"),
          &issues)
      }
      let argument = SourceSpan(start: afterName + 1, end: range.upperBound)
      return parseNetwork(kind, argument: argument, head, &issues)
    }
  }

  /// What a directive term has before its mechanism's arguments.
  private struct DirectiveHead {
    let qualifier: Qualifier
    let nameSpan: SourceSpan
  }

  /// A valid directive term. A method, not a closure over `self`: a closure's context would copy the
  /// parser (and retain its bytes) for every term.
  private func directive(
    _ mechanism: Mechanism, _ head: DirectiveHead, argument: SourceSpan? = nil, cidr: SourceSpan? = nil
  ) -> Term {
    term(
      .directive(Directive(head.qualifier, mechanism)), nameSpan: head.nameSpan, argumentSpan: argument,
      cidrSpan: cidr)
  }

  /// `a`, `mx` and `ptr`: an optional domain-spec, then a dual CIDR length (not for `ptr`).
  private func parseHostMechanism(
    _ kind: MechanismKind, hasColon: Bool, _ head: DirectiveHead, _ issues: inout [SyntaxIssue]
  ) -> Term {
    let nameSpan = head.nameSpan
    // Without a domain, everything after the name must be the prefix length (`a/24`, not `a/x`).
    let cidrStart = hasColon ? TermParser.cidrStart(bytes, from: nameSpan.end, to: range.upperBound) : nameSpan.end
    var spec: DomainSpec? = nil
    var argument: SourceSpan? = nil
    if hasColon {
      let argumentSpan = SourceSpan(start: nameSpan.end + 1, end: cidrStart)
      guard let parsed = parseDomainSpec(argumentSpan, owner: kind.rawValue, &issues) else { return invalid(&issues) }
      spec = parsed
      argument = argumentSpan
    }
    guard cidrStart < range.upperBound else {
      let mechanism: Mechanism = kind == .a ? .a(spec, .none) : kind == .mx ? .mx(spec, .none) : .ptr(spec)
      return directive(mechanism, head, argument: argument)
    }
    let cidrSpan = SourceSpan(start: cidrStart, end: range.upperBound)
    if kind == .ptr {
      return invalid(
        SyntaxIssue(.invalidCIDRLength, cidrSpan, "'ptr' takes no prefix length", suggestion: ""),
        &issues)
    }
    guard let cidr = parseDualCIDR(cidrSpan, &issues) else { return invalid(&issues) }
    return directive(kind == .a ? .a(spec, cidr) : .mx(spec, cidr), head, argument: argument, cidr: cidrSpan)
  }

  /// `ip4:` and `ip6:` networks with an optional prefix length (RFC 7208 §5.6).
  private func parseNetwork(
    _ kind: MechanismKind, argument: SourceSpan, _ head: DirectiveHead, _ issues: inout [SyntaxIssue]
  ) -> Term {
    if kind == .ip4,
      let (network, slash) = bytes.withUnsafeBufferPointer({
        IPv4Network.written(in: $0, from: argument.start, to: argument.end)
      })
    {
      let cidrSpan = slash < argument.end ? SourceSpan(start: slash, end: argument.end) : nil
      return directive(.ip4(network), head, argument: SourceSpan(start: argument.start, end: slash), cidr: cidrSpan)
    }
    let slice = bytes[argument.start..<argument.end]
    let slash = slice.firstIndex(of: 0x2F) ?? argument.end
    let cidrSpan = slash < argument.end ? SourceSpan(start: slash, end: argument.end) : nil
    let addressSpan = SourceSpan(start: argument.start, end: slash)
    let maximum = kind == .ip4 ? 32 : 128
    let mechanism: Mechanism
    if kind == .ip4 {
      guard let address = parseAddress(addressSpan, kind: kind, &issues, IPv4Address.parse) else {
        return invalid(&issues)
      }
      guard let length = parsePrefix(cidrSpan, maximum: maximum, &issues) else { return invalid(&issues) }
      mechanism = .ip4(IPv4Network(address: address, prefixLength: length ?? 32))
    } else {
      guard let address = parseAddress(addressSpan, kind: kind, &issues, IPv6Address.parse) else {
        return invalid(&issues)
      }
      guard let length = parsePrefix(cidrSpan, maximum: maximum, &issues) else { return invalid(&issues) }
      mechanism = .ip6(IPv6Network(address: address, prefixLength: length ?? 128))
    }
    return directive(mechanism, head, argument: addressSpan, cidr: cidrSpan)
  }

  /// Parses an address, suggesting the other mechanism when the family is wrong.
  private func parseAddress<Address>(
    _ span: SourceSpan, kind: MechanismKind, _ issues: inout [SyntaxIssue],
    _ parse: (ArraySlice<UInt8>) throws(AddressSyntaxError) -> Address
  ) -> Address? {
    let slice = bytes[span.start..<span.end]
    do {
      return try parse(slice)
    } catch {
      let text = Excerpt.of(slice)
      let rest = String(decoding: bytes[span.start..<range.upperBound], as: UTF8.self)
      if kind == .ip4, (try? IPv6Address.parse(slice)) != nil {
        issues.append(
          SyntaxIssue(
            .invalidIPAddress, SourceSpan(start: range.lowerBound, end: range.upperBound),
            "'\(text)' is an IPv6 address: use 'ip6:'", suggestion: prefix + "ip6:" + rest))
      } else if kind == .ip6, (try? IPv4Address.parse(slice)) != nil {
        issues.append(
          SyntaxIssue(
            .invalidIPAddress, SourceSpan(start: range.lowerBound, end: range.upperBound),
            "'\(text)' is an IPv4 address: use 'ip4:'", suggestion: prefix + "ip4:" + rest))
      } else if text.isEmpty {
        issues.append(SyntaxIssue(.invalidIPAddress, span, "'\(kind.rawValue):' has no address"))
      } else {
        issues.append(
          SyntaxIssue(
            .invalidIPAddress, span,
            "'\(text)' is not a valid \(kind == .ip4 ? "IPv4" : "IPv6") address: \(error.message)"))
      }
      return nil
    }
  }

  /// The written qualifier, if any, for suggestions that rewrite the whole term.
  private var prefix: String {
    nameStart > range.lowerBound ? String(decoding: bytes[range.lowerBound..<nameStart], as: UTF8.self) : ""
  }

  /// Parses `/n` after an ip4/ip6 address; `.some(nil)` when there is none, nil on error.
  private func parsePrefix(_ span: SourceSpan?, maximum: Int, _ issues: inout [SyntaxIssue]) -> Int?? {
    guard let span else { return .some(nil) }
    do {
      return try PrefixLength.parse(bytes[(span.start + 1)..<span.end], maximum: maximum, base: 0)
    } catch {
      let text = Excerpt.of(bytes[span.start..<span.end])
      issues.append(SyntaxIssue(.invalidCIDRLength, span, "'\(text)' is not a valid prefix length: \(error.message)"))
      return nil
    }
  }

  /// Parses a dual CIDR length `/n`, `//m` or `/n//m` (RFC 7208 §5.6).
  func parseDualCIDR(_ span: SourceSpan, _ issues: inout [SyntaxIssue]) -> DualCIDR? {
    let text = bytes[span.start..<span.end]
    var cidr = DualCIDR()
    var index = span.start
    if !(text.count >= 2 && bytes[index + 1] == 0x2F) {
      var end = index + 1
      while end < span.end, bytes[end] != 0x2F { end += 1 }
      guard let length = parsePrefix(SourceSpan(start: index, end: end), maximum: 32, &issues) else { return nil }
      cidr.ip4 = length
      index = end
    }
    if index < span.end {
      guard index + 1 < span.end, bytes[index + 1] == 0x2F else {
        let shown = Excerpt.of(text)
        issues.append(SyntaxIssue(.invalidCIDRLength, span, "'\(shown)' is not a valid prefix length: write '/n//m'"))
        return nil
      }
      guard let length = parsePrefix(SourceSpan(start: index + 1, end: span.end), maximum: 128, &issues) else {
        return nil
      }
      cidr.ip6 = length
    }
    return cidr
  }

  /// Where a dual CIDR length starts: the first `/` of the run of `/` and digits that ends the term, else `end`.
  ///
  /// A `/` elsewhere is a macro-literal of the domain-spec (`a:foo/24.example.com`, `a:%{d}/24%{d}`), since a
  /// domain-spec ends in a top label or a macro (RFC 7208 §12).
  static func cidrStart(_ bytes: [UInt8], from start: Int, to end: Int) -> Int {
    var cidrStart = end
    var index = end
    while index > start, bytes[index - 1] == 0x2F || (bytes[index - 1] >= 0x30 && bytes[index - 1] <= 0x39) {
      index -= 1
      if bytes[index] == 0x2F { cidrStart = index }
    }
    return cidrStart
  }

  /// Returns the term as invalid when the issue was already recorded.
  func invalid(_ issues: inout [SyntaxIssue]) -> Term {
    Term(
      .invalid(Array(bytes[range])), span: span, qualifierSpan: qualifierSpan,
      nameSpan: SourceSpan(start: nameStart, end: nameStart))
  }
}
