/// SPF110: an ip4/ip6 network with host bits set (RFC 7208 §5.6).
struct HostBitsSet: Rule {
  static let metadata = RuleMetadata(
    code: "SPF110", slug: "host-bits-set", severity: .warning,
    summary: "an ip4/ip6 network with host bits set",
    rationale: "'ip4:1.2.3.5/24' matches all of 1.2.3.0/24: receivers ignore the bits past the prefix. The "
      + "author usually meant either the single host or the network; write the one meant.",
    reference: "RFC 7208 §5.6",
    triggering: ["v=spf1 ip4:1.2.3.5/24 -all"],
    nonTriggering: ["v=spf1 ip4:1.2.3.0/24 -all"])

  func check(_ context: LintContext, into diagnostics: inout [Diagnostic]) {
    context.forEachNetwork { record, network in
      guard network.hasHostBits, let span = record.termSpan(network.index) else { return }
      let masked = network.mechanism
      let replacement = Directive(network.qualifier, masked).description
      var message = MessageText()
      message.append(quoting: record.txt.joined[clamped: span])
      message.append(" has host bits set: receivers match '")
      message.append(string: masked.description)
      message.append("'")
      diagnostics.append(
        Diagnostic(
          Self.metadata, message.string, record: record.index, span: span,
          fix: .replacing(span, in: record, with: replacement)))
    }
  }
}
