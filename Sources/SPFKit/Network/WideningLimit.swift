/// How far lossy widening may go: the shortest prefix a widened block may have, per family
/// (rule 4 of generation: lossy widening only on request, with the cost stated).
///
/// Written like an SPF `dual-cidr-length` (RFC 7208 §5.6): `/24` limits IPv4 blocks, `//48` IPv6
/// blocks, `/24//48` both; a bare `24` is taken as `/24`.
public struct WideningLimit: Hashable, Sendable, CustomStringConvertible {
  /// The shortest IPv4 prefix a widened block may have (0...32); nil leaves IPv4 exact.
  public var ipv4: Int?
  /// The shortest IPv6 prefix a widened block may have (0...128); nil leaves IPv6 exact.
  public var ipv6: Int?

  /// Creates a limit; lengths are clamped to their family's range.
  public init(ipv4: Int? = nil, ipv6: Int? = nil) {
    self.ipv4 = ipv4.map { min(max($0, 0), 32) }
    self.ipv6 = ipv6.map { min(max($0, 0), 128) }
  }

  /// Parses `/24`, `24`, `//48` or `/24//48`.
  ///
  /// - Throws: `AddressSyntaxError` with the UTF-8 byte offset of the problem.
  public static func parse(_ text: String) throws(AddressSyntaxError) -> WideningLimit {
    let bytes = Array(text.utf8)[...]
    guard !bytes.isEmpty else { throw .init("prefix length is empty", at: 0) }
    var ipv4Part = bytes
    var ipv6: Int? = nil
    if let double = doubleSlash(in: bytes) {
      ipv6 = try PrefixLength.parse(bytes[(double + 2)...], maximum: 128, base: 0)
      ipv4Part = bytes[..<double]
    }
    var ipv4: Int? = nil
    if !ipv4Part.isEmpty {
      let digits = ipv4Part.first == 0x2F ? ipv4Part.dropFirst() : ipv4Part
      ipv4 = try PrefixLength.parse(digits, maximum: 32, base: 0)
    }
    return WideningLimit(ipv4: ipv4, ipv6: ipv6)
  }

  /// The index of the first `//`, if any.
  private static func doubleSlash(in bytes: ArraySlice<UInt8>) -> Int? {
    var index = bytes.startIndex
    while index + 1 < bytes.endIndex {
      if bytes[index] == 0x2F, bytes[index + 1] == 0x2F { return index }
      index += 1
    }
    return nil
  }

  /// `/24`, `//48` or `/24//48`; empty when neither family widens.
  public var description: String { (ipv4.map { "/\($0)" } ?? "") + (ipv6.map { "//\($0)" } ?? "") }
}
