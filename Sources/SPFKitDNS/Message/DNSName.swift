import SPFKit

/// A domain name as labels of octets (RFC 1035 §3.1), the form names take on the wire.
///
/// Equality and hashing ignore ASCII case (RFC 4343 §3); the labels keep the case they were read with.
public struct DNSName: Hashable, Sendable, CustomStringConvertible {
  /// The labels, most specific first, without the empty root label.
  public private(set) var labels: [[UInt8]]

  /// The longest label, in octets (RFC 1035 §2.3.4).
  public static let maximumLabelLength = 63
  /// The longest name on the wire, length octets and root included (RFC 1035 §2.3.4).
  public static let maximumWireLength = 255

  /// The root name.
  public static let root = DNSName(uncheckedLabels: [])

  /// Creates a name from labels already checked against the limits.
  init(uncheckedLabels labels: [[UInt8]]) { self.labels = labels }

  /// Creates a name from labels; throws when a label is empty or too long, or the name too long.
  public init(labels: [[UInt8]]) throws(DNSWireError) {
    var wireLength = 1
    for label in labels {
      if label.isEmpty { throw DNSWireError(.emptyLabel, at: wireLength - 1) }
      if label.count > DNSName.maximumLabelLength { throw DNSWireError(.labelTooLong, at: wireLength - 1) }
      wireLength += 1 + label.count
    }
    if wireLength > DNSName.maximumWireLength { throw DNSWireError(.nameTooLong, at: 0) }
    self.labels = labels
  }

  /// Parses dotted text (`example.com`, `example.com.`, `.` for the root); a dot always separates
  /// labels (no `\.` escapes), and every other octet is taken as it is.
  public init(parsing text: String) throws(DNSWireError) {
    var bytes = Array(text.utf8)
    if bytes.last == 0x2E { bytes.removeLast() }
    if bytes.isEmpty {
      self = .root
      return
    }
    try self.init(labels: bytes.split(separator: 0x2E, omittingEmptySubsequences: false).map(Array.init))
  }

  /// The length on the wire without compression, in octets.
  public var wireLength: Int { labels.reduce(1) { $0 + 1 + $1.count } }

  /// Presentation text (RFC 1035 §5.1) in lowercase ASCII without the trailing dot, `.` for the root:
  /// `.` and `\` inside a label are escaped with `\`, octets outside printable ASCII as `\DDD`.
  public var description: String {
    if labels.isEmpty { return "." }
    var text: [UInt8] = []
    text.reserveCapacity(wireLength)
    for (index, label) in labels.enumerated() {
      if index > 0 { text.append(0x2E) }
      for byte in label { DNSName.appendPresentation(of: byte, to: &text) }
    }
    return String(decoding: text, as: UTF8.self)
  }

  private static func appendPresentation(of byte: UInt8, to text: inout [UInt8]) {
    switch byte {
    case 0x2E, 0x5C:
      text.append(0x5C)
      text.append(byte)
    case 0x41...0x5A:
      text.append(byte | 0x20)
    case 0x21...0x7E:
      text.append(byte)
    default:
      text.append(0x5C)
      text.append(contentsOf: [byte / 100, byte / 10 % 10, byte % 10].map { 0x30 + $0 })
    }
  }

  public static func == (lhs: DNSName, rhs: DNSName) -> Bool {
    guard lhs.labels.count == rhs.labels.count else { return false }
    for (left, right) in zip(lhs.labels, rhs.labels) {
      guard left.count == right.count else { return false }
      for (a, b) in zip(left, right) where fold(a) != fold(b) { return false }
    }
    return true
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(labels.count)
    for label in labels {
      hasher.combine(label.count)
      for byte in label { hasher.combine(DNSName.fold(byte)) }
    }
  }

  /// ASCII lowercase of one octet (RFC 4343 §3).
  static func fold(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
}
