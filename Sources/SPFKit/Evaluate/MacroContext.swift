/// The values the macro letters expand to during one `check_host()` (RFC 7208 §7.2).
public struct MacroContext: Hashable, Sendable {
  /// `%{s}`: the sender, with `postmaster` for a missing local-part (§4.3).
  public var sender: String
  /// `%{l}`: the sender's local-part.
  public var localPart: String
  /// `%{o}`: the sender's domain.
  public var senderDomain: String
  /// `%{d}`: the domain being checked; changes with `include` and `redirect`.
  public var domain: String
  /// `%{i}`, `%{c}`, `%{v}`: the client IP, IPv4-mapped addresses unmapped (§5).
  public var clientIP: IPAddress
  /// `%{p}`: the validated domain name of the client IP, or `unknown` (§7.3).
  public var validatedDomain: String
  /// `%{h}`: the HELO/EHLO name.
  public var helo: String
  /// `%{r}`: the receiving host's domain (explanation only).
  public var receiver: String
  /// `%{t}`: seconds since 1970-01-01 UTC (explanation only).
  public var timestamp: Int64

  /// Creates a context with every value given.
  public init(
    sender: String, localPart: String, senderDomain: String, domain: String, clientIP: IPAddress,
    validatedDomain: String = "unknown", helo: String, receiver: String = "unknown", timestamp: Int64 = 0
  ) {
    self.sender = sender
    self.localPart = localPart
    self.senderDomain = senderDomain
    self.domain = domain
    self.clientIP = clientIP.unmapped
    self.validatedDomain = validatedDomain
    self.helo = helo
    self.receiver = receiver
    self.timestamp = timestamp
  }

  /// The context of a request at its initial domain: the sender split at its last `@`, with
  /// `postmaster` for a missing local-part (RFC 7208 §4.3).
  public init(request: CheckHostRequest) {
    let address = SenderAddress(request.sender)
    self.init(
      sender: address.address, localPart: address.localPart, senderDomain: address.domain,
      domain: request.domain, clientIP: request.clientIP, helo: request.helo, receiver: request.receiver,
      timestamp: request.timestamp)
  }

  /// The value of a macro letter before transformers (RFC 7208 §7.3).
  public func value(of letter: MacroLetter) -> String {
    switch letter {
    case .sender: sender
    case .localPart: localPart
    case .senderDomain: senderDomain
    case .domain: domain
    case .ip: clientIP.dotFormat
    case .validatedDomain: validatedDomain
    case .ipVersion: clientIP.macroVersion
    case .helo: helo
    case .clientIP: clientIP.description
    case .receiver: receiver
    case .timestamp: String(timestamp)
    }
  }
}
