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

  /// Passing a and mx terms: with a prefix, they authorize the networks around the hosts they name.
  static func isPassingHostLookup(_ tag: TermTag) -> Bool {
    guard case .directive(let kind, .pass) = tag else { return false }
    return kind == .a || kind == .mx
  }

  func check(_ context: LintContext, into diagnostics: inout [Diagnostic]) {
    // ip4 and ip6 from the record's networks, which copy no term.
    context.forEachNetwork { record, network in
      guard network.qualifier == .pass, let span = record.termSpan(network.index) else { return }
      let (v4, v6) = network.isIPv6 ? (nil, network.prefixLength) : (network.prefixLength, nil)
      guard let finding = Self.finding(v4: v4, v6: v6, span: span, in: record) else { return }
      diagnostics.append(finding)
    }
    context.forEachTerm(of: [.a, .mx], where: Self.isPassingHostLookup) { record, term in
      switch term.mechanism {
      case .a(_, let cidr)?, .mx(_, let cidr)?:
        guard let finding = Self.finding(v4: cidr.ip4, v6: cidr.ip6, span: term.span, in: record) else { return }
        diagnostics.append(finding)
      default: return
      }
    }
  }

  /// The finding for a passing term whose IPv4 or IPv6 prefix is wider than the minimum, if any.
  private static func finding(v4: Int?, v6: Int?, span: SourceSpan, in record: LintedRecord) -> Diagnostic? {
    let message: String
    if let v4, v4 < ip4Minimum {
      message =
        "'\(record.text(span))' authorizes \(UInt64(1) << UInt64(32 - v4)) IPv4 addresses per network: wider than /\(ip4Minimum)"
    } else if let v6, v6 < ip6Minimum {
      message = "'\(record.text(span))' authorizes a /\(v6) IPv6 network: wider than /\(ip6Minimum)"
    } else {
      return nil
    }
    return Diagnostic(metadata, message, record: record.index, span: span)
  }
}
