/// A generated policy as BIND master-file lines (RFC 1035 §5.1).
///
/// Interim: the generator's own small writer until the `Zone/` writer lands; the two are to be
/// reconciled then.
extension GeneratedPolicy {
  /// The usable TTL values, in seconds (RFC 2181 §8: 0 to 2^31 - 1).
  public static let ttlRange = 0...Int(Int32.max)

  /// One resource record per generated record: `NAME. TTL IN TXT "..."`, several strings as
  /// `( "..." "..." )` over several lines, owners absolute, escapes per RFC 1035 §5.1.
  ///
  /// - Returns: nil when a record has no owner name (no domain was given).
  public func zoneLines(ttl: Int) -> String? {
    var text = ""
    for record in records {
      guard let owner = record.owner else { return nil }
      text += GeneratedPolicy.zoneName(owner) + " \(ttl) IN TXT "
      let strings = record.txt.strings.map { TXTRecord.quote($0.bytes) }
      text += strings.count == 1 ? strings[0] : "(\n" + strings.map { "  " + $0 }.joined(separator: "\n") + " )"
      text += "\n"
    }
    return text
  }

  /// An owner name in master-file form: absolute (trailing dot), with every character that a zone
  /// file reads specially escaped as `\X` (RFC 1035 §5.1).
  static func zoneName(_ name: String) -> String {
    var out = ""
    for byte in name.utf8 {
      switch byte {
      case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2D, 0x2E, 0x5F: out.unicodeScalars.append(Unicode.Scalar(byte))
      case 0x21...0x7E: out += "\\" + String(Unicode.Scalar(byte))
      default: out += "\\" + String(byte / 100) + String(byte / 10 % 10) + String(byte % 10)
      }
    }
    return out + "."
  }
}
