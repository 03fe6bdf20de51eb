/// The Postfix restrictions a HELO diagnosis judges, with their default reply codes (postconf(5)).
enum PostfixRules {
  /// `reject_invalid_helo_hostname`, `reject_non_fqdn_helo_hostname` and
  /// `reject_unknown_helo_hostname`, in that order.
  static func heloVerdicts(name: String, syntax: HostnameSyntax, lookups: [HostLookup]) -> [PostfixVerdict] {
    var verdicts: [PostfixVerdict] = []
    switch syntax {
    case .invalid(let reason):
      verdicts.append(
        PostfixVerdict(
          restriction: "reject_invalid_helo_hostname", action: .reject,
          reply: "501 5.5.2 <\(name)>: Helo command rejected: Invalid name", reason: reason))
    default:
      verdicts.append(
        PostfixVerdict(
          restriction: "reject_invalid_helo_hostname", action: .accept,
          reason: "the name is well formed"))
    }
    switch syntax {
    case .fullyQualified, .addressLiteral:
      verdicts.append(
        PostfixVerdict(
          restriction: "reject_non_fqdn_helo_hostname", action: .accept,
          reason: "the name is fully qualified or an address literal"))
    default:
      verdicts.append(
        PostfixVerdict(
          restriction: "reject_non_fqdn_helo_hostname", action: .reject,
          reply: "504 5.5.2 <\(name)>: Helo command rejected: need fully-qualified hostname",
          reason: "the name is \(syntax)"))
    }
    verdicts.append(unknownHelo(name: name, syntax: syntax, lookups: lookups))
    return verdicts
  }

  /// `reject_unknown_helo_hostname`: the name needs an A, AAAA or MX record. A name with none is
  /// rejected with `unknown_hostname_reject_code` (default 450); a lookup that fails temporarily
  /// follows `unknown_helo_hostname_tempfail_action` (default `defer_if_permit`).
  static func unknownHelo(name: String, syntax: HostnameSyntax, lookups: [HostLookup]) -> PostfixVerdict {
    let restriction = "reject_unknown_helo_hostname"
    guard syntax.isHostName else {
      return PostfixVerdict(restriction: restriction, action: .accept, reason: notLookedUp(syntax))
    }
    if let found = lookups.first(where: { $0.outcome.hasAnswers }) {
      return PostfixVerdict(
        restriction: restriction, action: .accept, reason: "the name has \(found.type.rawValue) records")
    }
    let reply = "450 4.7.1 <\(name)>: Helo command rejected: Host not found"
    if let failed = lookups.first(where: { $0.outcome.isTemporary }) {
      return PostfixVerdict(
        restriction: restriction, action: .deferIfPermit, reply: reply,
        reason: "the \(failed.type.rawValue) lookup failed temporarily (\(failed.outcome)), so "
          + "unknown_helo_hostname_tempfail_action applies (default defer_if_permit): the mail is deferred")
    }
    return PostfixVerdict(
      restriction: restriction, action: .reject, reply: reply,
      reason: "the name has no A, AAAA or MX record, so unknown_hostname_reject_code applies (default 450)")
  }

  /// Why `reject_unknown_helo_hostname` does not look a name up: Postfix looks up host names only.
  static func notLookedUp(_ syntax: HostnameSyntax) -> String {
    switch syntax {
    case .addressLiteral: "Postfix looks up only host names; an address literal is not checked"
    case .bareAddress: "Postfix looks up only host names; a bare IP address is not checked"
    default: "Postfix looks up only host names; a name that is not a valid host name is not checked"
    }
  }

  /// `reject_unknown_client_hostname`: the client IP needs a PTR name that resolves back to it.
  /// Postfix checks the name the reverse lookup gives first.
  static func clientVerdict(_ client: ClientDiagnosis) -> PostfixVerdict {
    let restriction = "reject_unknown_client_hostname"
    let reply = "450 4.7.25 Client host rejected: cannot find your hostname, [\(client.address)]"
    guard let first = client.names.first else {
      let temporary = client.reverse.outcome.isTemporary
      return PostfixVerdict(
        restriction: restriction, action: temporary ? .deferIfPermit : .reject, reply: reply,
        reason: temporary
          ? "the PTR lookup failed temporarily (\(client.reverse.outcome))"
          : "the address has no PTR record, so unknown_client_reject_code applies (default 450)")
    }
    if first.confirmsClient {
      return PostfixVerdict(
        restriction: restriction, action: .accept,
        reason: "'\(first.name)' resolves back to \(client.address)")
    }
    let temporary = first.forward.outcome.isTemporary
    return PostfixVerdict(
      restriction: restriction, action: temporary ? .deferIfPermit : .reject, reply: reply,
      reason: temporary
        ? "the forward lookup of '\(first.name)' failed temporarily (\(first.forward.outcome))"
        : "'\(first.name)' does not resolve back to \(client.address)")
  }
}
