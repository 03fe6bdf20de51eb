import SPFKit

/// A DNS server to send queries to: an IPv4 or IPv6 address and a port.
public struct DNSServer: Hashable, Sendable, CustomStringConvertible {
  /// The server's address.
  public var address: IPAddress
  /// The UDP and TCP port, 53 unless configured.
  public var port: UInt16

  /// The DNS port (RFC 1035 §4.2).
  public static let defaultPort: UInt16 = 53

  /// Creates a server address.
  public init(address: IPAddress, port: UInt16 = DNSServer.defaultPort) {
    self.address = address
    self.port = port
  }

  /// Parses `IP`, `IPv4:PORT`, `IPv6`, `[IPv6]` or `[IPv6]:PORT` (the `--server` option).
  ///
  /// Host names are refused: resolving them would need a server first.
  /// - Throws: `DNSConfigurationError` saying what is wrong with the text.
  public init(parsing text: String) throws(DNSConfigurationError) {
    if text.hasPrefix("[") {
      guard let close = text.firstIndex(of: "]") else {
        throw DNSConfigurationError("missing ']' after the IPv6 address in '\(text)'")
      }
      let host = text[text.index(after: text.startIndex)..<close]
      guard let address = IPv6Address(host) else {
        throw DNSConfigurationError("'\(host)' is not an IPv6 address")
      }
      let rest = text[text.index(after: close)...]
      if rest.isEmpty {
        self.init(address: .v6(address))
      } else if rest.hasPrefix(":") {
        self.init(address: .v6(address), port: try DNSServer.parsePort(rest.dropFirst()))
      } else {
        throw DNSConfigurationError("expected ':PORT' after ']' in '\(text)'")
      }
      return
    }
    let colons = text.count { $0 == ":" }
    if colons >= 2 {
      guard let address = IPv6Address(text) else { throw DNSConfigurationError("'\(text)' is not an IPv6 address") }
      self.init(address: .v6(address))
      return
    }
    let host = colons == 1 ? text[..<text.firstIndex(of: ":")!] : text[...]
    guard let address = IPv4Address(host) else {
      throw DNSConfigurationError("'\(host)' is not an IPv4 or IPv6 address (host names are not accepted)")
    }
    let port = colons == 1 ? try DNSServer.parsePort(text[text.index(after: host.endIndex)...]) : DNSServer.defaultPort
    self.init(address: .v4(address), port: port)
  }

  /// A port: decimal digits for a number from 1 to 65535.
  private static func parsePort(_ text: Substring) throws(DNSConfigurationError) -> UInt16 {
    guard !text.isEmpty, text.utf8.count <= 5, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
      let port = UInt16(text), port > 0
    else {
      throw DNSConfigurationError("port '\(text)' is not a number from 1 to 65535")
    }
    return port
  }

  /// `192.0.2.1:53` or `[2001:db8::1]:53`.
  public var description: String {
    switch address {
    case .v4(let address): "\(address):\(port)"
    case .v6(let address): "[\(address)]:\(port)"
    }
  }
}

/// A DNS configuration that cannot be used: a bad `--server` value, an unreadable resolv.conf.
public struct DNSConfigurationError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What is wrong, lowercase, without a trailing period.
  public var message: String

  /// Creates an error.
  public init(_ message: String) { self.message = message }

  public var description: String { message }
}
