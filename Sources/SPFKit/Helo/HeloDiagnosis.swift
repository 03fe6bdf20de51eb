/// Why a receiver would accept, defer or reject a client that greets with a HELO name.
public struct HeloDiagnosis: Sendable {
  /// The HELO/EHLO argument.
  public var name: String
  /// Its syntax.
  public var syntax: HostnameSyntax
  /// The A, AAAA and MX lookups of the name (none when it is no host name).
  public var lookups: [HostLookup]
  /// The client part, when a client IP was given.
  public var client: ClientDiagnosis?
  /// The SPF result for the HELO identity (RFC 7208 §2.3), when a client IP was given.
  public var spf: CheckHostResult?
  /// The verdict of each Postfix restriction that was judged, in `smtpd_helo_restrictions` order.
  public var verdicts: [PostfixVerdict]
  /// A better name to greet with, and why, when there is one.
  public var suggestion: String?

  /// Whether every judged restriction accepts and SPF does not fail.
  public var isAccepted: Bool { verdicts.allSatisfy(\.accepts) && spf?.result != .fail }
}

/// The client address part of a diagnosis: reverse names and forward confirmation (FCrDNS).
public struct ClientDiagnosis: Sendable {
  /// The client IP.
  public var address: IPAddress
  /// The PTR lookup of the address.
  public var reverse: HostLookup
  /// Each PTR name with its forward check.
  public var names: [ReverseName]
  /// Whether the HELO name is one of the forward-confirmed PTR names (ASCII case-insensitive).
  public var heloIsConfirmedName: Bool

  /// The forward-confirmed PTR names.
  public var confirmedNames: [String] { names.filter(\.confirmsClient).map(\.name) }
}
