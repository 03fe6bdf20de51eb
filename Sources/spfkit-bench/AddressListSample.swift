import SPFKit
import SPFKitTestSupport

/// A deterministic IPv4 address list shaped like real mail infrastructure: runs of consecutive
/// hosts and /24–/28 blocks inside a few hundred provider /16s, hosts scattered over the whole
/// space, and about 10 % duplicate lines, shuffled.
enum AddressListSample {
  /// The list text, `lines` lines, each ending in a newline.
  static func generate(lines: Int, seed: UInt64) -> [UInt8] {
    var random = SplitMix64(seed: seed)
    let providers = (0..<400).map { _ in publicAddress(&random) & 0xFFFF_0000 }
    var entries: [UInt64] = []  // address << 8 | prefix length
    entries.reserveCapacity(lines)
    while entries.count < lines {
      let kind = random.next() % 100
      let provider = providers[Int(random.next() % UInt64(providers.count))]
      switch kind {
      case 0..<45:
        let start = provider | UInt32(truncatingIfNeeded: random.next() & 0xFFFF)
        let length = 1 + Int(random.next() % 32)
        for offset in 0..<min(length, lines - entries.count) {
          entries.append(UInt64(start &+ UInt32(offset)) << 8 | 32)
        }
      case 45..<70:
        entries.append(UInt64(publicAddress(&random)) << 8 | 32)
      case 70..<90:
        let prefix = 24 + Int(random.next() % 5)
        let mask = UInt32.max << UInt32(32 - prefix)
        let address = (provider | UInt32(truncatingIfNeeded: random.next() & 0xFFFF)) & mask
        entries.append(UInt64(address) << 8 | UInt64(prefix))
      default:
        if let earlier = entries.isEmpty ? nil : entries[Int(random.next() % UInt64(entries.count))] {
          entries.append(earlier)
        }
      }
    }
    for index in stride(from: entries.count - 1, to: 0, by: -1) {
      entries.swapAt(index, Int(random.next() % UInt64(index + 1)))
    }
    return text(of: entries)
  }

  /// A unicast address outside 0/8, 10/8, 127/8 and 224/3.
  private static func publicAddress(_ random: inout SplitMix64) -> UInt32 {
    while true {
      let address = UInt32(truncatingIfNeeded: random.next())
      let first = address >> 24
      if first != 0, first != 10, first != 127, first < 224 { return address }
    }
  }

  private static func text(of entries: [UInt64]) -> [UInt8] {
    var networks = AggregatedNetworks()
    networks.ipv4 = entries.map {
      IPv4Network(address: IPv4Address(UInt32(truncatingIfNeeded: $0 >> 8)), prefixLength: Int($0 & 0xFF))
    }
    return networks.listText
  }
}
