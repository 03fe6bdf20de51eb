/// An IPv6 address as a 128-bit number.
public struct IPv6Address: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// The address as a 128-bit number.
  public var value: UInt128

  /// Creates an address from its 128-bit value.
  public init(_ value: UInt128) { self.value = value }

  /// Parses RFC 4291 §2.2 text: eight groups of up to four hex digits, one `::`, an optional
  /// embedded dotted-quad in the last 32 bits.
  public init?(_ text: some StringProtocol) {
    guard let parsed = try? IPv6Address.parse(Array(text.utf8)[...]) else { return nil }
    self = parsed
  }

  /// The IPv4-mapped address `::ffff:a.b.c.d` (RFC 4291 §2.5.5.2).
  public init(mapping ipv4: IPv4Address) { value = UInt128(0xFFFF) << 32 | UInt128(ipv4.value) }

  /// The IPv4 address this one maps, if it is `::ffff:a.b.c.d`.
  public var mappedIPv4: IPv4Address? {
    value >> 32 == 0xFFFF ? IPv4Address(UInt32(truncatingIfNeeded: value)) : nil
  }

  /// Parses IPv6 text bytes; the error says what is wrong and where.
  public static func parse(_ bytes: ArraySlice<UInt8>) throws(AddressSyntaxError) -> IPv6Address {
    var groups: [UInt16] = []
    groups.reserveCapacity(8)
    var gapAt: Int? = nil
    var index = bytes.startIndex
    let base = bytes.startIndex
    if bytes.count >= 2, bytes[index] == 0x3A, bytes[index + 1] == 0x3A {
      gapAt = 0
      index += 2
    } else if index < bytes.endIndex, bytes[index] == 0x3A {
      throw .init("IPv6 address starts with a single ':'", at: 0)
    }
    while index < bytes.endIndex {
      let groupStart = index
      var group = 0
      while index < bytes.endIndex, let digit = hexValue(bytes[index]) {
        if index - groupStart == 4 { throw .init("group has more than four hex digits", at: groupStart - base) }
        group = group << 4 | digit
        index += 1
      }
      if index < bytes.endIndex, bytes[index] == 0x2E {
        // An embedded IPv4 address takes the last two groups.
        let v4 = try parseEmbeddedIPv4(bytes[groupStart...], base: base)
        groups.append(UInt16(v4.value >> 16))
        groups.append(UInt16(v4.value & 0xFFFF))
        index = bytes.endIndex
        break
      }
      if index == groupStart { throw .init("expected a hex group", at: index - base) }
      groups.append(UInt16(group))
      if groups.count > 8 { throw .init("IPv6 address has more than eight groups", at: groupStart - base) }
      guard index < bytes.endIndex else { break }
      guard bytes[index] == 0x3A else { throw .init("unexpected character in IPv6 address", at: index - base) }
      index += 1
      if index < bytes.endIndex, bytes[index] == 0x3A {
        if gapAt != nil { throw .init("IPv6 address has more than one '::'", at: index - 1 - base) }
        gapAt = groups.count
        index += 1
      } else if index == bytes.endIndex {
        throw .init("IPv6 address ends with a single ':'", at: index - 1 - base)
      }
    }
    return try assemble(groups, gapAt: gapAt, length: bytes.count)
  }

  private static func parseEmbeddedIPv4(_ bytes: ArraySlice<UInt8>, base: Int) throws(AddressSyntaxError) -> IPv4Address
  {
    do {
      return try IPv4Address.parse(bytes)
    } catch {
      throw .init("embedded IPv4 address: \(error.message)", at: bytes.startIndex - base + error.offset)
    }
  }

  private static func assemble(_ groups: [UInt16], gapAt: Int?, length: Int) throws(AddressSyntaxError) -> IPv6Address {
    var value: UInt128 = 0
    if let gapAt {
      if groups.count > 7 { throw .init("'::' stands for no group in a full IPv6 address", at: 0) }
      for group in groups[..<gapAt] { value = value << 16 | UInt128(group) }
      value <<= 16 * UInt128(8 - groups.count)
      for group in groups[gapAt...] { value = value << 16 | UInt128(group) }
    } else {
      if groups.count != 8 { throw .init("IPv6 address needs eight groups or '::'", at: length) }
      for group in groups { value = value << 16 | UInt128(group) }
    }
    return IPv6Address(value)
  }

  private static func hexValue(_ byte: UInt8) -> Int? {
    switch byte {
    case 0x30...0x39: Int(byte - 0x30)
    case 0x41...0x46: Int(byte - 0x41 + 10)
    case 0x61...0x66: Int(byte - 0x61 + 10)
    default: nil
    }
  }

  public static func < (lhs: IPv6Address, rhs: IPv6Address) -> Bool { lhs.value < rhs.value }

  /// The eight 16-bit groups, most significant first.
  public var groups: [UInt16] { (0..<8).map { UInt16(truncatingIfNeeded: value >> (112 - 16 * UInt128($0))) } }

  /// RFC 5952 text: lowercase, no leading zeros, the longest run (two or more) of zero groups as `::`,
  /// mapped IPv4 addresses in dotted-quad form.
  public var description: String {
    if let v4 = mappedIPv4 { return "::ffff:\(v4)" }
    let groups = self.groups
    var bestStart = -1
    var bestLength = 1
    var runStart = -1
    for i in 0...8 {
      if i < 8, groups[i] == 0 {
        if runStart < 0 { runStart = i }
      } else if runStart >= 0 {
        if i - runStart > bestLength { (bestStart, bestLength) = (runStart, i - runStart) }
        runStart = -1
      }
    }
    func hex(_ range: Range<Int>) -> String { groups[range].map { String($0, radix: 16) }.joined(separator: ":") }
    if bestStart < 0 { return hex(0..<8) }
    return hex(0..<bestStart) + "::" + hex((bestStart + bestLength)..<8)
  }

  /// The nibbles, most significant first (for `ip6.arpa` names and the `%{i}` macro, RFC 7208 §7.3).
  public var nibbles: [UInt8] { (0..<32).map { UInt8(truncatingIfNeeded: value >> (124 - 4 * UInt128($0))) & 0xF } }
}
