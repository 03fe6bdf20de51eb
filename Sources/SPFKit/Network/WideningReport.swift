/// What lossy widening cost: each block that authorizes addresses nobody listed, and how many.
public struct WideningReport: Hashable, Sendable {
  /// One widened block and the addresses it authorizes that were not listed.
  public struct Entry<Network: Hashable & Sendable>: Hashable, Sendable {
    /// The block as published.
    public var network: Network
    /// How many addresses in the block were not in the input (at least 1).
    public var unlistedAddresses: UInt128

    /// Creates an entry.
    public init(network: Network, unlistedAddresses: UInt128) {
      self.network = network
      self.unlistedAddresses = unlistedAddresses
    }
  }

  /// The widened IPv4 blocks in address order.
  public var ipv4: [Entry<IPv4Network>]
  /// The widened IPv6 blocks in address order.
  public var ipv6: [Entry<IPv6Network>]

  /// Creates a report.
  public init(ipv4: [Entry<IPv4Network>] = [], ipv6: [Entry<IPv6Network>] = []) {
    self.ipv4 = ipv4
    self.ipv6 = ipv6
  }

  /// Whether nothing was widened: the result is exact.
  public var isEmpty: Bool { ipv4.isEmpty && ipv6.isEmpty }

  /// The unlisted IPv4 addresses authorized in total (at most 2^32).
  public var ipv4UnlistedTotal: UInt128 { WideningReport.sum(ipv4.map(\.unlistedAddresses)) }

  /// The unlisted IPv6 addresses authorized in total (saturates at `UInt128.max`).
  public var ipv6UnlistedTotal: UInt128 { WideningReport.sum(ipv6.map(\.unlistedAddresses)) }

  private static func sum(_ values: [UInt128]) -> UInt128 {
    values.reduce(0) { total, value in
      let (sum, overflow) = total.addingReportingOverflow(value)
      return overflow ? UInt128.max : sum
    }
  }
}
