/// A generated policy as BIND master-file lines (RFC 1035 §5.1), written by `ZoneWriter`.
extension GeneratedPolicy {
  /// The usable TTL values, in seconds (RFC 2181 §8: 0 to 2^31 - 1).
  public static let ttlRange = 0...Int(Int32.max)

  /// One resource record per generated record: `NAME. TTL IN TXT "..."`, several strings as
  /// `( "..." "..." )` over several lines, owners absolute, escapes per RFC 1035 §5.1.
  ///
  /// - Returns: nil when a record has no owner name (no domain was given) or an owner is no valid name.
  public func zoneLines(ttl: Int) -> String? {
    let writer = ZoneWriter(layout: .stringPerLine)
    var text = ""
    for record in records {
      guard let owner = record.owner, let name = try? ZoneName(owner) else { return nil }
      text += writer.text(owner: name, ttl: UInt32(clamping: ttl), record: record.txt) + "\n"
    }
    return text
  }
}
