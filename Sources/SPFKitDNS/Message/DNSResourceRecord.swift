import SPFKit

/// One resource record of a message section (RFC 1035 §4.1.3).
public struct DNSResourceRecord: Hashable, Sendable {
  /// The owner name.
  public var name: DNSName
  /// The type code; `data` is decoded according to it.
  public var type: DNSType
  /// The class (`DNSType.classIN`); for OPT, the requester's UDP payload size (RFC 6891 §6.1.2).
  public var recordClass: UInt16
  /// Time to live, in seconds; for OPT, the extended RCODE, version and flags (RFC 6891 §6.1.3).
  public var ttl: UInt32
  /// The record data.
  public var data: DNSResourceData

  /// Creates a record.
  public init(
    name: DNSName, type: DNSType, recordClass: UInt16 = DNSType.classIN, ttl: UInt32 = 0, data: DNSResourceData
  ) {
    self.name = name
    self.type = type
    self.recordClass = recordClass
    self.ttl = ttl
    self.data = data
  }

  /// An EDNS(0) OPT pseudo-record advertising `udpPayloadSize` octets (RFC 6891 §6.1.2), version 0,
  /// no options.
  public static func opt(udpPayloadSize: UInt16) -> DNSResourceRecord {
    DNSResourceRecord(name: .root, type: .opt, recordClass: udpPayloadSize, ttl: 0, data: .other([]))
  }
}

/// The data of one resource record, decoded for the types a stub resolver for SPF reads.
public enum DNSResourceData: Hashable, Sendable {
  /// An IPv4 address (RFC 1035 §3.4.1).
  case a(IPv4Address)
  /// An IPv6 address (RFC 3596 §2.2).
  case aaaa(IPv6Address)
  /// A mail exchange and its preference (RFC 1035 §3.3.9).
  case mx(preference: UInt16, exchange: DNSName)
  /// Character-strings of a TXT or SPF record (RFC 1035 §3.3.14), each at most 255 octets.
  case txt([[UInt8]])
  /// A PTR target (RFC 1035 §3.3.12).
  case ptr(DNSName)
  /// A CNAME target (RFC 1035 §3.3.1).
  case cname(DNSName)
  /// Data of any other type (OPT, SOA, NS, ...), as raw octets.
  case other([UInt8])
}
