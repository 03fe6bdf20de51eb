/// Aggregated blocks as an address list: the output of `spfkit aggregate`.
extension AggregatedNetworks {
  /// One block per line (IPv4 first, then IPv6, each in address order), `/32` and `/128` omitted,
  /// every line ending in a newline; readable again by `AddressListParser`.
  public var listText: [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(ipv4.count &* 19 &+ ipv6.count &* 44)
    for network in ipv4 { AggregatedNetworks.append(network, to: &out) }
    for network in ipv6 {
      out.append(contentsOf: network.description.utf8)
      out.append(0x0A)
    }
    return out
  }

  /// Appends `a.b.c.d[/n]` and a newline without building a string: a million blocks print in
  /// milliseconds.
  static func append(_ network: IPv4Network, to out: inout [UInt8]) {
    let value = network.address.value
    for shift in [24, 16, 8, 0] as [UInt32] {
      appendDecimal(UInt8(truncatingIfNeeded: value >> shift), to: &out)
      out.append(shift == 0 ? (network.prefixLength == 32 ? 0x0A : 0x2F) : 0x2E)
    }
    if network.prefixLength != 32 {
      appendDecimal(UInt8(truncatingIfNeeded: network.prefixLength), to: &out)
      out.append(0x0A)
    }
  }

  /// Appends 0...255 in decimal with no leading zero.
  private static func appendDecimal(_ number: UInt8, to out: inout [UInt8]) {
    if number >= 100 { out.append(0x30 &+ number / 100) }
    if number >= 10 { out.append(0x30 &+ number / 10 % 10) }
    out.append(0x30 &+ number % 10)
  }
}
