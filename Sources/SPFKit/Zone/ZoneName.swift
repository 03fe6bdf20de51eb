/// An absolute domain name read from or written to a zone file (RFC 1035 §3.1, §5.1).
///
/// It keeps two forms: `text`, the name as written with the origin applied (for messages), and
/// the wire labels (for comparison and length). Equality and hashing follow DNS: labels compared
/// octet by octet with ASCII case folded (RFC 4343), so `a\066c.example.` equals `ABC.example.`.
public struct ZoneName: Hashable, Sendable, CustomStringConvertible {
  /// The name in wire format: length-prefixed labels ending with the empty root label.
  let wire: [UInt8]
  /// The name as written in the source, absolute, with a trailing dot (`.` for the root).
  public let text: String

  init(wire: [UInt8], text: String) {
    self.wire = wire
    self.text = text
  }

  /// The root name `.`.
  public static let root = ZoneName(wire: [0], text: ".")

  /// The longest label, in octets (RFC 1035 §2.3.4).
  public static let maximumLabelLength = 63
  /// The longest name in wire format, in octets, root label included (RFC 1035 §2.3.4).
  public static let maximumWireLength = 255

  /// Parses a name in presentation format, with `\X` and `\DDD` escapes (RFC 1035 §5.1).
  ///
  /// A name without a trailing dot is relative to `origin`; `@` alone is the origin.
  /// - Throws: `ZoneNameError` for an empty label, a label over 63 octets, a name over 255
  ///   octets or a malformed escape, with the 1-based column in `text`.
  public init(_ text: String, origin: ZoneName = .root) throws(ZoneNameError) {
    let raw = Array(text.utf8)
    var wire: [UInt8] = []
    let form = try ZoneName.parse(raw, origin: origin, into: &wire)
    self.init(wire: wire, text: ZoneName.absoluteText(raw, form: form, origin: origin))
  }

  /// Creates a name from raw label octets, most specific first (`[[0x77, 0x77, 0x77], ...]`).
  ///
  /// Labels may hold any octet; `text` is their escaped presentation.
  /// - Throws: `ZoneNameError` for an empty label, a label over 63 octets or a name over 255 octets.
  public init(labels: [[UInt8]]) throws(ZoneNameError) {
    var wire: [UInt8] = []
    for (index, label) in labels.enumerated() {
      guard !label.isEmpty else { throw ZoneNameError("empty label at position \(index + 1)", column: 1) }
      guard label.count <= ZoneName.maximumLabelLength else {
        throw ZoneNameError("label at position \(index + 1) is longer than 63 octets", column: 1)
      }
      wire.append(UInt8(label.count))
      wire.append(contentsOf: label)
    }
    wire.append(0)
    guard wire.count <= ZoneName.maximumWireLength else {
      throw ZoneNameError("name is longer than 255 octets", column: 1)
    }
    let placeholder = ZoneName(wire: wire, text: "")
    self.init(wire: wire, text: placeholder.presentation)
  }

  /// The labels' octets, most specific first; empty for the root.
  public var labels: [[UInt8]] {
    var labels: [[UInt8]] = []
    var index = 0
    while index < wire.count, wire[index] != 0 {
      let end = min(index + 1 + Int(wire[index]), wire.count)
      labels.append(Array(wire[(index + 1)..<end]))
      index = end
    }
    return labels
  }

  /// Length of the name in wire format, in octets, root label included (RFC 1035 §3.1).
  public var wireLength: Int { wire.count }

  /// The name in canonical presentation format: absolute, special characters escaped the way
  /// BIND prints them (`\.`, `\"`, `\;`, `\(`, `\)`, `\\`, `\@`, `\$`; other bytes outside
  /// printable ASCII as `\DDD`).
  public var presentation: String {
    guard wire.count > 1 else { return "." }
    var out: [UInt8] = []
    for label in labels {
      for byte in label {
        switch byte {
        case 0x22, 0x24, 0x28, 0x29, 0x2E, 0x3B, 0x40, 0x5C: out += [0x5C, byte]
        case 0x21...0x7E: out.append(byte)
        default: out += [0x5C, byte / 100 + 0x30, byte / 10 % 10 + 0x30, byte % 10 + 0x30]
        }
      }
      out.append(0x2E)
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// The name as written.
  public var description: String { text }

  /// Whether two names are the same DNS name: octets equal with ASCII case folded.
  public static func == (lhs: ZoneName, rhs: ZoneName) -> Bool {
    lhs.wire.count == rhs.wire.count && zip(lhs.wire, rhs.wire).allSatisfy { asciiLower($0) == asciiLower($1) }
  }

  /// Hashes the case-folded wire form, consistent with `==`.
  public func hash(into hasher: inout Hasher) { ZoneName.hashFolded(wire, into: &hasher) }

  /// Feeds the case-folded `wire` to `hasher` in one call: one `combine` per byte cost a tenth of
  /// a zone lint. The wire form delimits itself (length-prefixed labels), so no length is added.
  static func hashFolded(_ wire: [UInt8], into hasher: inout Hasher) {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: wire.count) { folded in
      for index in wire.indices { folded[index] = asciiLower(wire[index]) }
      hasher.combine(bytes: UnsafeRawBufferPointer(folded))
    }
  }

  static func asciiLower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
}

/// Why a domain name is malformed, with the 1-based column of the problem in the name's text.
public struct ZoneNameError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What is wrong, lowercase, no trailing period.
  public var message: String
  /// 1-based UTF-8 byte column in the name's text.
  public var column: Int

  /// Creates an error.
  public init(_ message: String, column: Int) {
    self.message = message
    self.column = column
  }

  public var description: String { message }
}
