/// An IPv4 network: an address as written and a prefix length (0...32).
///
/// The address keeps any host bits as written (`192.0.2.5/24`), so lint can report them
/// (SPF110); `first` and `masked` give the network proper.
public struct IPv4Network: Hashable, Sendable, CustomStringConvertible {
  /// The address as written; may have host bits set.
  public var address: IPv4Address
  /// The prefix length in bits, 0...32.
  public var prefixLength: Int

  /// Creates a network; the prefix length is clamped to 0...32.
  public init(address: IPv4Address, prefixLength: Int = 32) {
    self.address = address
    self.prefixLength = min(max(prefixLength, 0), 32)
  }

  /// Parses `a.b.c.d` or `a.b.c.d/n` strictly (no leading zeros, prefix 0...32).
  public init?(_ text: some StringProtocol) {
    guard let parsed = try? IPv4Network.parse(Array(text.utf8)[...]) else { return nil }
    self = parsed
  }

  /// Parses network bytes; the error says what is wrong and where.
  public static func parse(_ bytes: ArraySlice<UInt8>) throws(AddressSyntaxError) -> IPv4Network {
    let slash = bytes.firstIndex(of: 0x2F) ?? bytes.endIndex
    let address = try IPv4Address.parse(bytes[..<slash])
    guard slash < bytes.endIndex else { return IPv4Network(address: address) }
    let length = try PrefixLength.parse(bytes[(slash + 1)...], maximum: 32, base: bytes.startIndex)
    return IPv4Network(address: address, prefixLength: length)
  }

  /// The mask of the prefix (`/24` is `0xFFFF_FF00`).
  public var mask: UInt32 { prefixLength == 0 ? 0 : UInt32.max << UInt32(32 - prefixLength) }
  /// The first address of the network.
  public var first: IPv4Address { IPv4Address(address.value & mask) }
  /// The last address of the network.
  public var last: IPv4Address { IPv4Address(address.value | ~mask) }
  /// Whether the written address has bits set beyond the prefix.
  public var hasHostBits: Bool { address.value & ~mask != 0 }
  /// The network with host bits cleared.
  public var masked: IPv4Network { IPv4Network(address: first, prefixLength: prefixLength) }
  /// How many addresses the network holds (2^(32 - prefix)).
  public var size: UInt64 { UInt64(1) << UInt64(32 - prefixLength) }

  /// Whether the network holds the address.
  public func contains(_ other: IPv4Address) -> Bool { other.value & mask == address.value & mask }
  /// Whether the network holds every address of another.
  public func contains(_ other: IPv4Network) -> Bool {
    other.prefixLength >= prefixLength && contains(other.address)
  }

  /// `a.b.c.d/n`, without `/32` for a single host.
  public var description: String {
    guard prefixLength != 32 else { return address.description }
    return withUnsafeTemporaryAllocation(
      of: UInt8.self, capacity: IPv4Address.longestText + 1 + DecimalText.longestText
    ) { buffer in
      var end = address.write(into: buffer, at: 0)
      buffer[end] = 0x2F
      end = DecimalText.write(prefixLength, into: buffer, at: end + 1)
      return String(decoding: UnsafeMutableBufferPointer(rebasing: buffer[..<end]), as: UTF8.self)
    }
  }
}

/// Parsing of a CIDR prefix length: decimal, no leading zero, at most `maximum`
/// (RFC 7208 §12 `ip4-cidr-length`, `ip6-cidr-length`).
enum PrefixLength {
  /// Parses the digits after the slash; `base` turns offsets into offsets of the whole text.
  static func parse(_ bytes: ArraySlice<UInt8>, maximum: Int, base: Int) throws(AddressSyntaxError) -> Int {
    let offset = bytes.startIndex - base
    guard !bytes.isEmpty else { throw .init("prefix length is empty", at: offset) }
    var value = 0
    for byte in bytes {
      guard byte >= 0x30, byte <= 0x39 else { throw .init("prefix length is not a number", at: offset) }
      value = value * 10 + Int(byte - 0x30)
      if value > 999 { break }
    }
    if bytes.count > 1, bytes.first == 0x30 { throw .init("prefix length has a leading zero", at: offset) }
    if value > maximum { throw .init("prefix length is greater than \(maximum)", at: offset) }
    return value
  }
}
