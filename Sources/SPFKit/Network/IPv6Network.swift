/// An IPv6 network: an address as written and a prefix length (0...128).
public struct IPv6Network: Hashable, Sendable, CustomStringConvertible {
  /// The address as written; may have host bits set.
  public var address: IPv6Address
  /// The prefix length in bits, 0...128.
  public var prefixLength: Int

  /// Creates a network; the prefix length is clamped to 0...128.
  public init(address: IPv6Address, prefixLength: Int = 128) {
    self.address = address
    self.prefixLength = min(max(prefixLength, 0), 128)
  }

  /// Parses `addr` or `addr/n` (prefix 0...128, no leading zero).
  public init?(_ text: some StringProtocol) {
    guard let parsed = try? IPv6Network.parse(Array(text.utf8)[...]) else { return nil }
    self = parsed
  }

  /// Parses network bytes; the error says what is wrong and where.
  public static func parse(_ bytes: ArraySlice<UInt8>) throws(AddressSyntaxError) -> IPv6Network {
    let slash = bytes.firstIndex(of: 0x2F) ?? bytes.endIndex
    let address = try IPv6Address.parse(bytes[..<slash])
    guard slash < bytes.endIndex else { return IPv6Network(address: address) }
    let length = try PrefixLength.parse(bytes[(slash + 1)...], maximum: 128, base: bytes.startIndex)
    return IPv6Network(address: address, prefixLength: length)
  }

  /// The mask of the prefix.
  public var mask: UInt128 { prefixLength == 0 ? 0 : UInt128.max << UInt128(128 - prefixLength) }
  /// The first address of the network.
  public var first: IPv6Address { IPv6Address(address.value & mask) }
  /// The last address of the network.
  public var last: IPv6Address { IPv6Address(address.value | ~mask) }
  /// Whether the written address has bits set beyond the prefix.
  public var hasHostBits: Bool { address.value & ~mask != 0 }
  /// The network with host bits cleared.
  public var masked: IPv6Network { IPv6Network(address: first, prefixLength: prefixLength) }

  /// Whether the network holds the address.
  public func contains(_ other: IPv6Address) -> Bool { other.value & mask == address.value & mask }
  /// Whether the network holds every address of another.
  public func contains(_ other: IPv6Network) -> Bool {
    other.prefixLength >= prefixLength && contains(other.address)
  }

  /// RFC 5952 address and `/n`, without `/128` for a single host.
  public var description: String { prefixLength == 128 ? "\(address)" : "\(address)/\(prefixLength)" }
}
