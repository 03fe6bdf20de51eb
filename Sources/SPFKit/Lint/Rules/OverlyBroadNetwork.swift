/// SPF115: an ip4 prefix shorter than /12 or an ip6 prefix shorter than /32 that passes
/// (RFC 7208 §5.6).
struct OverlyBroadNetwork: Rule {
  static let metadata = RuleMetadata(
    code: "SPF115", slug: "overly-broad-network", severity: .warning,
    summary: "a network wider than /12 (ip4) or /32 (ip6)",
    rationale: "A pass for a huge network authorizes millions of hosts you do not run: anyone there can send as "
      + "your domain. Large senders publish /15 and /16 blocks; wider ones are almost always mistakes.",
    reference: "RFC 7208 §5.6",
    triggering: ["v=spf1 ip4:64.0.0.0/8 -all"],
    nonTriggering: ["v=spf1 ip4:64.233.160.0/19 -all"])

  /// The shortest IPv4 prefix that does not warn.
  static let ip4Minimum = 12
  /// The shortest IPv6 prefix that does not warn.
  static let ip6Minimum = 32

  /// Passing ip4, ip6, a and mx terms: the ones that can authorize a network.
  static func mayBeBroad(_ tag: TermTag) -> Bool {
    guard case .directive(let kind, .pass) = tag else { return false }
    return kind == .ip4 || kind == .ip6 || kind == .a || kind == .mx
  }

  func check(_ context: LintContext, into diagnostics: inout [Diagnostic]) {
    context.forEachTerm(of: [.ip4, .ip6, .a, .mx], where: Self.mayBeBroad) { record, term in
      guard let directive = term.directive else { return }
      var v4: Int? = nil
      var v6: Int? = nil
      switch directive.mechanism {
      case .ip4(let network): v4 = network.prefixLength
      case .ip6(let network): v6 = network.prefixLength
      case .a(_, let cidr), .mx(_, let cidr): (v4, v6) = (cidr.ip4, cidr.ip6)
      default: return
      }
      let message: String
      if let v4, v4 < Self.ip4Minimum {
        message =
          "'\(record.text(term.span))' authorizes \(UInt64(1) << UInt64(32 - v4)) IPv4 addresses per network: wider than /\(Self.ip4Minimum)"
      } else if let v6, v6 < Self.ip6Minimum {
        message = "'\(record.text(term.span))' authorizes a /\(v6) IPv6 network: wider than /\(Self.ip6Minimum)"
      } else {
        return
      }
      diagnostics.append(Diagnostic(Self.metadata, message, record: record.index, span: term.span))
    }
  }
}
