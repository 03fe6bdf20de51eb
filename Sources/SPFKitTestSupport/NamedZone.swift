/// One zone a `NamedServer` serves as primary: its origin and master-file text.
public struct NamedZone: Hashable, Sendable {
  /// The zone's origin, without the trailing dot (`example.com`).
  public var origin: String
  /// The master file (RFC 1035 §5) as written to disk, SOA and NS records included.
  public var zoneFile: String
  /// Whether every query to the zone is refused (`allow-query { none; };`): answers are REFUSED.
  public var refusesQueries: Bool

  /// Creates a zone from a complete master file.
  public init(origin: String, zoneFile: String, refusesQueries: Bool = false) {
    self.origin = origin.hasSuffix(".") ? String(origin.dropLast()) : origin
    self.zoneFile = zoneFile
    self.refusesQueries = refusesQueries
  }

  /// Creates a zone from records only: `$ORIGIN`, `$TTL 300`, an SOA and an NS record (pointing
  /// outside the zone, so it needs no address) come first, then `records` as written.
  public init(origin: String, records: String, refusesQueries: Bool = false) {
    let origin = origin.hasSuffix(".") ? String(origin.dropLast()) : origin
    let header = """
      $ORIGIN \(origin).
      $TTL 300
      @ IN SOA ns.invalid. hostmaster.invalid. 1 3600 600 86400 300
      @ IN NS ns.invalid.

      """
    self.init(origin: origin, zoneFile: header + records + "\n", refusesQueries: refusesQueries)
  }
}

/// Why a `NamedServer` could not start, or a loopback socket could not be used.
public struct NamedServerError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What went wrong, lowercase, without a trailing period; may end with lines of named's log.
  public var message: String

  /// Creates an error.
  public init(_ message: String) { self.message = message }

  public var description: String { message }
}
