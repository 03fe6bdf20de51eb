extension IPv4Network {
  /// The network of `bytes[start..<end]` when it is written the common way, a dotted quad and an
  /// optional `/n` (RFC 7208 §5.6, `ip4-network [ip4-cidr-length]`), with where its `/` is (`end`
  /// without one); nil for anything else.
  ///
  /// Nil is not an error: the caller then parses with `IPv4Address.parse` and `PrefixLength.parse`,
  /// which say what is wrong. This accepts only what those accept, with the same value, in one pass
  /// over the bytes: most records are lists of `ip4:` terms, and the general path (slices, typed
  /// throws, a separate prefix parse) cost about 500 instructions a term.
  static func written(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int)
    -> (network: IPv4Network, slash: Int)?
  {
    guard start >= 0, start < end, end <= bytes.count else { return nil }
    var index = start
    var value: UInt32 = 0
    for octet in 0..<4 {
      if octet > 0 {
        guard index < end, bytes[index] == 0x2E else { return nil }
        index += 1
      }
      guard let (number, next) = decimal(in: bytes, from: index, to: end, maximum: 255) else { return nil }
      value = value << 8 | UInt32(number)
      index = next
    }
    guard index < end else { return (IPv4Network(address: IPv4Address(value)), end) }
    guard bytes[index] == 0x2F, let (length, next) = decimal(in: bytes, from: index + 1, to: end, maximum: 32),
      next == end
    else { return nil }
    return (IPv4Network(address: IPv4Address(value), prefixLength: length), index)
  }

  /// One to three digits at `start`, without a leading zero, at most `maximum`; and the index after them.
  private static func decimal(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, maximum: Int)
    -> (Int, Int)?
  {
    var index = start
    var number = 0
    while index < end, index - start < 3, bytes[index] >= 0x30, bytes[index] <= 0x39 {
      number = number * 10 + Int(bytes[index] &- 0x30)
      index += 1
    }
    let digits = index - start
    // A fourth digit, or a leading zero, is for the general path to report.
    guard digits > 0, index == end || bytes[index] < 0x30 || bytes[index] > 0x39,
      digits == 1 || bytes[start] != 0x30, number <= maximum
    else { return nil }
    return (number, index)
  }
}
