/// TTL values as BIND reads them: seconds, or units `w`, `d`, `h`, `m`, `s` in any case (`1h30m`).
enum ZoneTTL {
  /// What a TTL word holds.
  enum Value: Equatable {
    /// Seconds, already mapped to 0 when over 2^31 - 1 (RFC 2181 §8, as BIND does).
    case seconds(UInt32)
    /// Not a TTL: a letter other than a unit, a unit without digits, a bare number after units.
    case invalid
    /// More than 2^32 - 1 seconds.
    case outOfRange
  }

  /// The largest TTL kept as is (RFC 2181 §8); larger values read as 0.
  static let maximum: UInt32 = 0x7FFF_FFFF

  /// Parses `word` (ASCII digits and unit letters).
  static func parse(_ word: [UInt8]) -> Value { word.withUnsafeBufferPointer { parse($0) } }

  /// `parse` of bytes a zone lexer lends.
  static func parse(_ word: UnsafeBufferPointer<UInt8>) -> Value {
    var total: UInt64 = 0
    var index = 0
    var sawUnit = false
    while index < word.count {
      var number: UInt64 = 0
      let start = index
      while index < word.count, word[index] >= 0x30, word[index] <= 0x39 {
        number = number &* 10 &+ UInt64(word[index] - 0x30)
        if number > UInt64(UInt32.max) { return .outOfRange }
        index += 1
      }
      guard index > start else { return .invalid }
      let multiplier: UInt64
      if index == word.count {
        guard !sawUnit else { return .invalid }
        multiplier = 1
      } else {
        switch word[index] | 0x20 {
        case 0x77: multiplier = 604_800
        case 0x64: multiplier = 86_400
        case 0x68: multiplier = 3_600
        case 0x6D: multiplier = 60
        case 0x73: multiplier = 1
        default: return .invalid
        }
        index += 1
        sawUnit = true
      }
      total += number * multiplier
      if total > UInt64(UInt32.max) { return .outOfRange }
    }
    guard !word.isEmpty else { return .invalid }
    let seconds = UInt32(total)
    return .seconds(seconds > maximum ? 0 : seconds)
  }
}
