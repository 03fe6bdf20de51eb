/// The forms of the client IP that evaluation uses (RFC 7208 §5, §5.5, §7.3).
extension IPAddress {
  /// The address SPF checks: an IPv4-mapped IPv6 address is its IPv4 address (RFC 7208 §5).
  public var unmapped: IPAddress {
    if case .v6(let address) = self, let v4 = address.mappedIPv4 { return .v4(v4) }
    return self
  }

  /// The `%{i}` form (RFC 7208 §7.3): the dotted quad, or 32 dot-separated lowercase nibbles.
  var dotFormat: String {
    switch self {
    case .v4(let address): return address.description
    case .v6(let address):
      let digits = Array("0123456789abcdef".utf8)
      var bytes: [UInt8] = []
      bytes.reserveCapacity(63)
      for nibble in address.nibbles {
        if !bytes.isEmpty { bytes.append(0x2E) }
        bytes.append(digits[Int(nibble & 0xF)])
      }
      return String(decoding: bytes, as: UTF8.self)
    }
  }

  /// The `%{v}` value: `in-addr` or `ip6` (RFC 7208 §7.3).
  var macroVersion: String {
    switch self {
    case .v4: "in-addr"
    case .v6: "ip6"
    }
  }

  /// The reverse-mapping name the `ptr` mechanism and `%{p}` query (RFC 7208 §5.5; RFC 1035 §3.5,
  /// RFC 3596 §2.5): `4.3.2.1.in-addr.arpa`, or the reversed nibbles and `ip6.arpa`.
  var reverseName: String {
    let parts = dotFormat.split(separator: ".", omittingEmptySubsequences: false)
    return parts.reversed().joined(separator: ".") + (isV4 ? ".in-addr.arpa" : ".ip6.arpa")
  }

  /// Whether the address is IPv4.
  var isV4: Bool { if case .v4 = self { true } else { false } }

  /// The record type whose answers hold addresses of this family: A or AAAA.
  var addressRecordType: DNSRecordType { isV4 ? .a : .aaaa }

  /// Whether an answer record is an address equal to this one.
  func equals(_ record: DNSRecordData) -> Bool {
    switch (self, record) {
    case (.v4(let mine), .a(let theirs)): mine == theirs
    case (.v6(let mine), .aaaa(let theirs)): mine == theirs
    default: false
    }
  }

  /// Whether an answer record is an address in the same network as this one, at the family's
  /// prefix length from `cidr` (RFC 7208 §5.3, §5.6).
  func isInNetwork(of record: DNSRecordData, cidr: DualCIDR) -> Bool {
    switch (self, record) {
    case (.v4(let mine), .a(let theirs)):
      IPv4Network(address: theirs, prefixLength: cidr.ip4 ?? 32).contains(mine)
    case (.v6(let mine), .aaaa(let theirs)):
      IPv6Network(address: theirs, prefixLength: cidr.ip6 ?? 128).contains(mine)
    default: false
    }
  }
}
