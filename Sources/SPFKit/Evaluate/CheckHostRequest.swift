/// The inputs of `check_host()` (RFC 7208 §4.1) and the receiver-side values explanation macros
/// read (§7.2: `%{r}`, `%{t}`).
///
/// SPFKit reads no clock and knows no host name: the timestamp and the receiver name are inputs.
public struct CheckHostRequest: Hashable, Sendable {
  /// The IP address of the SMTP client (`<ip>`). An IPv4-mapped IPv6 address is checked as the
  /// IPv4 address it maps (§5).
  public var clientIP: IPAddress
  /// The domain whose policy is checked (`<domain>`): the sender's domain, or the HELO name.
  public var domain: String
  /// The sender (`<sender>`): the MAIL FROM address, or `postmaster@` and the HELO name.
  public var sender: String
  /// The HELO/EHLO name the client gave (`%{h}`).
  public var helo: String
  /// The receiving host's domain name (`%{r}`, explanation only); `unknown` when not known (§7.2).
  public var receiver: String
  /// Seconds since 1970-01-01 UTC (`%{t}`, explanation only).
  public var timestamp: Int64

  /// Creates a request with every input given.
  public init(
    clientIP: IPAddress, domain: String, sender: String, helo: String, receiver: String = "unknown",
    timestamp: Int64 = 0
  ) {
    self.clientIP = clientIP
    self.domain = domain
    self.sender = sender
    self.helo = helo
    self.receiver = receiver
    self.timestamp = timestamp
  }

  /// The request for the MAIL FROM identity (RFC 7208 §2.4): the domain is the sender's; an empty
  /// MAIL FROM checks `postmaster@` the HELO name instead.
  public static func mailFrom(
    _ sender: String, clientIP: IPAddress, helo: String, receiver: String = "unknown",
    timestamp: Int64 = 0
  ) -> CheckHostRequest {
    let effective = sender.isEmpty ? "postmaster@" + helo : sender
    return CheckHostRequest(
      clientIP: clientIP, domain: SenderAddress(effective).domain, sender: effective,
      helo: helo, receiver: receiver, timestamp: timestamp)
  }

  /// The request for the HELO identity (RFC 7208 §2.3): the domain is the HELO name and the sender
  /// `postmaster@` it.
  public static func helo(_ helo: String, clientIP: IPAddress, receiver: String = "unknown", timestamp: Int64 = 0)
    -> CheckHostRequest
  {
    CheckHostRequest(
      clientIP: clientIP, domain: helo, sender: "postmaster@" + helo, helo: helo,
      receiver: receiver, timestamp: timestamp)
  }
}

/// A sender split into local-part and domain at the last `@` (RFC 7208 §4.3, §7.2).
struct SenderAddress: Hashable, Sendable {
  /// The local-part; `postmaster` when the sender has none (§4.3).
  var localPart: String
  /// The domain after the last `@`; the whole text when there is no `@`.
  var domain: String

  init(_ sender: String) {
    if let at = sender.lastIndex(of: "@") {
      let local = sender[..<at]
      localPart = local.isEmpty ? "postmaster" : String(local)
      domain = String(sender[sender.index(after: at)...])
    } else {
      localPart = "postmaster"
      domain = sender
    }
  }

  /// `local-part@domain`, with `postmaster` substituted for an empty local-part.
  var address: String { localPart + "@" + domain }
}
