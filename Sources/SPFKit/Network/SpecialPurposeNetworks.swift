/// The special-purpose address blocks that never send mail on the public internet (RFC 6890 and the
/// IANA special-purpose registries), for SPF111 `non-public-network`.
public enum SpecialPurposeNetworks {
  /// An IPv4 block and what it is.
  public struct IPv4Entry: Sendable {
    /// The block.
    public let network: IPv4Network
    /// What the block is for, lowercase ("private use").
    public let purpose: String
  }

  /// An IPv6 block and what it is.
  public struct IPv6Entry: Sendable {
    /// The block.
    public let network: IPv6Network
    /// What the block is for, lowercase.
    public let purpose: String
  }

  /// IPv4 special-purpose blocks (RFC 6890 §2.2.2, RFC 5737, RFC 6598).
  public static let ipv4: [IPv4Entry] = [
    ("0.0.0.0/8", "this network"), ("10.0.0.0/8", "private use"), ("100.64.0.0/10", "shared address space"),
    ("127.0.0.0/8", "loopback"), ("169.254.0.0/16", "link-local"), ("172.16.0.0/12", "private use"),
    ("192.0.0.0/24", "IETF protocol assignments"), ("192.0.2.0/24", "documentation (TEST-NET-1)"),
    ("192.88.99.0/24", "6to4 relay anycast"), ("192.168.0.0/16", "private use"),
    ("198.18.0.0/15", "benchmarking"), ("198.51.100.0/24", "documentation (TEST-NET-2)"),
    ("203.0.113.0/24", "documentation (TEST-NET-3)"), ("224.0.0.0/4", "multicast"), ("240.0.0.0/4", "reserved"),
  ].map { IPv4Entry(network: IPv4Network($0.0)!, purpose: $0.1) }

  /// IPv6 special-purpose blocks (RFC 6890 §2.2.3, RFC 3849, RFC 4193).
  public static let ipv6: [IPv6Entry] = [
    ("::/128", "unspecified"), ("::1/128", "loopback"), ("::ffff:0:0/96", "IPv4-mapped"),
    ("64:ff9b:1::/48", "local-use IPv4/IPv6 translation"), ("100::/64", "discard-only"),
    ("2001:db8::/32", "documentation"), ("2001::/23", "IETF protocol assignments"), ("fc00::/7", "unique local"),
    ("fe80::/10", "link-local"), ("ff00::/8", "multicast"), ("3fff::/20", "documentation"),
  ].map { IPv6Entry(network: IPv6Network($0.0)!, purpose: $0.1) }

  /// Bit `o` (of 256) is set when some IPv4 block covers addresses whose first octet is `o`.
  private static let ipv4FirstOctets: [UInt64] = {
    var bits = [UInt64](repeating: 0, count: 4)
    for entry in ipv4 {
      let low = Int(entry.network.first.value >> 24)
      let high = Int((entry.network.first.value | ~entry.network.mask) >> 24)
      for octet in low...high { bits[octet >> 6] |= 1 << UInt64(octet & 63) }
    }
    return bits
  }()

  /// The special-purpose block that holds all of `network`, if any.
  public static func purpose(of network: IPv4Network) -> IPv4Entry? {
    // A block that holds the network holds its first address, so that address's first octet is one
    // the block covers. Most published networks start with an octet no block covers: one bit test
    // instead of comparing with every block.
    let masked = network.masked
    let octet = Int(masked.first.value >> 24)
    guard ipv4FirstOctets[octet >> 6] >> UInt64(octet & 63) & 1 != 0 else { return nil }
    // By index: `first(where:)` hands each entry to its closure as a copy, a reference count on its
    // purpose, for every ip4 term of every record.
    for index in ipv4.indices where ipv4[index].network.contains(masked) { return ipv4[index] }
    return nil
  }

  /// The special-purpose block that holds all of `network`, if any.
  public static func purpose(of network: IPv6Network) -> IPv6Entry? {
    let masked = network.masked
    for index in ipv6.indices where ipv6[index].network.contains(masked) { return ipv6[index] }
    return nil
  }
}
