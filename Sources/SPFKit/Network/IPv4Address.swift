/// An IPv4 address as a 32-bit number in host byte order.
public struct IPv4Address: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// The address as a 32-bit number (`192.0.2.1` is `0xC000_0201`).
  public var value: UInt32

  /// Creates an address from its 32-bit value.
  public init(_ value: UInt32) { self.value = value }

  /// Creates an address from its four octets, most significant first.
  public init(_ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8) {
    value = UInt32(a) << 24 | UInt32(b) << 16 | UInt32(c) << 8 | UInt32(d)
  }

  /// Parses dotted-quad text strictly: four decimal octets, no leading zeros, no spaces
  /// (RFC 7208 §12 `qnum`).
  public init?(_ text: some StringProtocol) {
    guard let parsed = try? IPv4Address.parse(Array(text.utf8)[...]) else { return nil }
    self = parsed
  }

  /// Parses dotted-quad bytes strictly; the error says what is wrong and where.
  public static func parse(_ bytes: ArraySlice<UInt8>) throws(AddressSyntaxError) -> IPv4Address {
    var value: UInt32 = 0
    var octets = 0
    var index = bytes.startIndex
    while true {
      let octetStart = index
      var octet = 0
      while index < bytes.endIndex, bytes[index] >= 0x30, bytes[index] <= 0x39 {
        if index - octetStart == 3 {
          throw .init("octet has more than three digits", at: octetStart - bytes.startIndex)
        }
        octet = octet * 10 + Int(bytes[index] - 0x30)
        index += 1
      }
      let offset = octetStart - bytes.startIndex
      if index == octetStart {
        throw .init(index == bytes.endIndex ? "missing octet" : "unexpected character in IPv4 address", at: offset)
      }
      if index - octetStart > 1, bytes[octetStart] == 0x30 { throw .init("octet has a leading zero", at: offset) }
      if octet > 255 { throw .init("octet is greater than 255", at: offset) }
      value = value << 8 | UInt32(octet)
      octets += 1
      if octets == 4 { break }
      guard index < bytes.endIndex, bytes[index] == 0x2E else {
        throw .init("IPv4 address needs four octets", at: index - bytes.startIndex)
      }
      index += 1
    }
    if index != bytes.endIndex { throw .init("unexpected character after IPv4 address", at: index - bytes.startIndex) }
    return IPv4Address(value)
  }

  public static func < (lhs: IPv4Address, rhs: IPv4Address) -> Bool { lhs.value < rhs.value }

  /// Dotted-quad text.
  public var description: String {
    // Written as bytes: string interpolation of four integers took ~1,900 instructions, and lint
    // messages and fixes print addresses for every finding about a network.
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.longestText) { buffer in
      let count = write(into: buffer, at: 0)
      return String(decoding: UnsafeMutableBufferPointer(rebasing: buffer[..<count]), as: UTF8.self)
    }
  }

  /// The most bytes of dotted-quad text: `255.255.255.255`.
  static let longestText = 15

  /// Writes the dotted quad at `start`, which leaves `longestText` bytes of room; returns its end.
  func write(into buffer: UnsafeMutableBufferPointer<UInt8>, at start: Int) -> Int {
    var end = start
    for shift in [24, 16, 8, 0] as [UInt32] {
      if shift != 24 {
        buffer[end] = 0x2E
        end += 1
      }
      end = DecimalText.write(Int(value >> shift & 0xFF), into: buffer, at: end)
    }
    return end
  }

  /// The four octets, most significant first.
  public var octets: [UInt8] {
    [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
  }
}

/// Why an address or network text is malformed, and the UTF-8 byte offset where the problem starts.
public struct AddressSyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What is wrong, lowercase, no trailing period.
  public var message: String
  /// UTF-8 byte offset into the parsed text.
  public var offset: Int

  /// Creates an error at a byte offset.
  public init(_ message: String, at offset: Int) {
    self.message = message
    self.offset = offset
  }

  public var description: String { message }
}

/// Decimal digits of integers, written as bytes.
enum DecimalText {
  /// The most bytes an `Int` takes: a sign and 19 digits.
  static let longestText = 20

  /// Writes `value` in decimal at `start`, which leaves `longestText` bytes of room; returns its end.
  static func write(_ value: Int, into buffer: UnsafeMutableBufferPointer<UInt8>, at start: Int) -> Int {
    var end = start
    if value < 0 {
      buffer[end] = 0x2D
      end += 1
    }
    var magnitude = value.magnitude
    var divisor: UInt = 1
    while magnitude / divisor >= 10 { divisor *= 10 }
    repeat {
      buffer[end] = UInt8(truncatingIfNeeded: 0x30 &+ magnitude / divisor)
      magnitude %= divisor
      divisor /= 10
      end += 1
    } while divisor > 0
    return end
  }
}
