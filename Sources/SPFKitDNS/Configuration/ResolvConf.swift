import Foundation
import SPFKit

/// The name servers of a resolv.conf file (resolv.conf(5)): its `nameserver` lines, in order.
public struct ResolvConf: Hashable, Sendable {
  /// The servers of the `nameserver` lines that could be read, in file order.
  public var servers: [DNSServer]
  /// `nameserver` lines that could not be used, as `LINE: reason` (1-based line numbers).
  public var skipped: [String]

  /// The system configuration file.
  public static let defaultPath = "/etc/resolv.conf"

  /// Reads the `nameserver` lines of resolv.conf text; comments start with `#` or `;`.
  ///
  /// Addresses with a zone index (`fe80::1%eth0`) are skipped: link-local servers are not supported.
  public init(parsing text: String) {
    servers = []
    skipped = []
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let content = line.prefix { $0 != "#" && $0 != ";" }
      let fields = content.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
      guard fields.first == "nameserver" else { continue }
      guard fields.count >= 2 else {
        skipped.append("\(index + 1): nameserver without an address")
        continue
      }
      let text = String(fields[1])
      if let address = IPAddress(text) {
        servers.append(DNSServer(address: address))
      } else {
        skipped.append("\(index + 1): '\(text)' is not an IPv4 or IPv6 address without a zone index")
      }
    }
  }

  /// The servers to use: those listed, or the local machine (`127.0.0.1`) when none is, as the C
  /// library does (resolv.conf(5)).
  public var effectiveServers: [DNSServer] {
    servers.isEmpty ? [DNSServer(address: .v4(IPv4Address(127, 0, 0, 1)))] : servers
  }

  /// Reads and parses a resolv.conf file.
  /// - Throws: `DNSConfigurationError` when the file cannot be read.
  public static func load(path: String = ResolvConf.defaultPath) throws(DNSConfigurationError) -> ResolvConf {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw DNSConfigurationError("cannot read '\(path)'")
    }
    return ResolvConf(parsing: String(decoding: data, as: UTF8.self))
  }
}
