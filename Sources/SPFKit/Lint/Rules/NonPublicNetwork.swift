/// SPF111: a private, loopback, link-local, documentation or other special-purpose network
/// (RFC 6890).
struct NonPublicNetwork: Rule {
  static let metadata = RuleMetadata(
    code: "SPF111", slug: "non-public-network", severity: .warning,
    summary: "a private or special-purpose network",
    rationale: "Receivers on the internet never see mail from private, loopback, link-local, documentation or "
      + "other special-purpose addresses (RFC 6890). Listing them does nothing for outside mail and reveals "
      + "internal addressing; internal relays should not be checked against public SPF.",
    reference: "RFC 7208 §5.6; RFC 6890",
    triggering: ["v=spf1 ip4:10.0.0.0/8 -all"],
    nonTriggering: ["v=spf1 ip4:8.8.8.8 -all"])

  func check(_ context: LintContext, into diagnostics: inout [Diagnostic]) {
    context.forEachNetwork { record, network in
      let purpose: String?
      switch network.mechanism {
      case .ip4(let network): purpose = SpecialPurposeNetworks.purpose(of: network)?.purpose
      case .ip6(let network): purpose = SpecialPurposeNetworks.purpose(of: network)?.purpose
      default: purpose = nil
      }
      guard let purpose, let span = record.termSpan(network.index) else { return }
      var message = MessageText()
      message.append(quoting: record.txt.joined[clamped: span])
      message.append(" is ")
      message.append(string: purpose)
      message.append(" address space: no mail from it reaches receivers on the internet")
      diagnostics.append(
        Diagnostic(Self.metadata, message.string, record: record.index, span: span, fix: .removing(span, in: record)))
    }
  }
}
