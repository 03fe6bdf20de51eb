/// What one Postfix restriction would do with a session, and why (Postfix `smtpd_check.c`).
public struct PostfixVerdict: Hashable, Sendable {
  /// What the receiver does.
  public enum Action: String, Hashable, Sendable, Codable {
    /// The restriction does not object.
    case accept
    /// A rejection with the reply code (`unknown_hostname_reject_code`, default 450, and the like).
    case reject
    /// A temporary failure: `defer_if_permit`, the default `*_tempfail_action`.
    case deferIfPermit = "defer_if_permit"
  }

  /// The restriction, as written in `main.cf` (`reject_unknown_helo_hostname`).
  public var restriction: String
  /// What it does.
  public var action: Action
  /// The SMTP reply a client would see, when it objects.
  public var reply: String?
  /// Why, in a sentence an admin can act on.
  public var reason: String

  /// Creates a verdict.
  public init(restriction: String, action: Action, reply: String? = nil, reason: String) {
    self.restriction = restriction
    self.action = action
    self.reply = reply
    self.reason = reason
  }

  /// Whether the restriction lets the mail through.
  public var accepts: Bool { action == .accept }
}

/// One DNS question of a diagnosis and its outcome.
public struct HostLookup: Hashable, Sendable {
  /// The name asked for.
  public var name: String
  /// The type asked for.
  public var type: DNSRecordType
  /// What came back.
  public var outcome: LookupOutcome

  /// Creates a lookup record.
  public init(name: String, type: DNSRecordType, outcome: LookupOutcome) {
    self.name = name
    self.type = type
    self.outcome = outcome
  }
}

/// A reverse name of the client and whether it resolves back to the client (forward-confirmed).
public struct ReverseName: Hashable, Sendable {
  /// The PTR name.
  public var name: String
  /// The forward lookups of the name (A or AAAA, by the client's family).
  public var forward: HostLookup
  /// Whether the forward lookup returned the client address.
  public var confirmsClient: Bool
}
