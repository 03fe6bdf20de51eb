import SPFKit

/// A resource record type code (RFC 1035 §3.2.2), including the ones SPF never asks for.
public struct DNSType: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
  /// The 16-bit code on the wire.
  public var rawValue: UInt16

  /// Creates a type from its code.
  public init(rawValue: UInt16) { self.rawValue = rawValue }

  /// The wire type of a question type.
  public init(_ type: DNSRecordType) { rawValue = type.code }

  /// IPv4 address (RFC 1035 §3.4.1).
  public static let a = DNSType(rawValue: 1)
  /// Name server (RFC 1035 §3.3.11).
  public static let ns = DNSType(rawValue: 2)
  /// Canonical name (RFC 1035 §3.3.1).
  public static let cname = DNSType(rawValue: 5)
  /// Start of authority (RFC 1035 §3.3.13).
  public static let soa = DNSType(rawValue: 6)
  /// Domain name pointer (RFC 1035 §3.3.12).
  public static let ptr = DNSType(rawValue: 12)
  /// Mail exchange (RFC 1035 §3.3.9).
  public static let mx = DNSType(rawValue: 15)
  /// Text strings (RFC 1035 §3.3.14).
  public static let txt = DNSType(rawValue: 16)
  /// IPv6 address (RFC 3596 §2.1).
  public static let aaaa = DNSType(rawValue: 28)
  /// The EDNS(0) pseudo-record (RFC 6891 §6.1.1).
  public static let opt = DNSType(rawValue: 41)
  /// The obsolete SPF record (RFC 7208 §3.1): TXT data under its own code.
  public static let spf = DNSType(rawValue: 99)

  /// The Internet class (RFC 1035 §3.2.4).
  public static let classIN: UInt16 = 1

  public var description: String {
    switch self {
    case .a: "A"
    case .ns: "NS"
    case .cname: "CNAME"
    case .soa: "SOA"
    case .ptr: "PTR"
    case .mx: "MX"
    case .txt: "TXT"
    case .aaaa: "AAAA"
    case .opt: "OPT"
    case .spf: "SPF"
    default: "TYPE\(rawValue)"
    }
  }
}
