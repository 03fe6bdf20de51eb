/// A generated population of domains for `spfkit scan` tests and benchmarks: one zone of `count`
/// domains under `scan.test` and one of 50 shared provider includes under `providers.test`.
///
/// Domain `i` (`d000123.scan.test`) is in the category `Category(i)`: most publish a valid record
/// with an `mx` and one to three provider includes (and an MX record); every twentieth of each other
/// kind publishes two `v=spf1` records, or eleven includes (over the lookup limit), or a TXT record
/// that is not SPF, or is missing from the zone (NXDOMAIN).
public struct ScanZone: Sendable {
  /// What a generated domain publishes.
  public enum Category: String, CaseIterable, Sendable {
    case valid
    case twoRecords
    case elevenIncludes
    case notSPF
    case missing

    /// The category of domain `index`.
    public init(_ index: Int) {
      switch index % 20 {
      case 0: self = .twoRecords
      case 1: self = .elevenIncludes
      case 2: self = .notSPF
      case 3: self = .missing
      default: self = .valid
      }
    }
  }

  /// The number of shared provider includes.
  public static let providerCount = 50
  /// How many domains the zone holds or lists.
  public let count: Int

  /// Creates the description of `count` domains.
  public init(count: Int) { self.count = count }

  /// The name of domain `index`.
  public static func domain(_ index: Int) -> String {
    let digits = String(index)
    return "d" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits + ".scan.test"
  }

  /// The include target of provider `index` (0-based).
  public static func provider(_ index: Int) -> String { "_spf.p\(index).providers.test" }

  /// The providers domain `index` includes: one to three, the same on every run.
  public static func providers(of index: Int) -> [Int] {
    let first = (index * 7) % providerCount
    return (0...(index % 3)).map { (first + $0 * 11) % providerCount }
  }

  /// Every listed domain, in order, one per line: what `spfkit scan` reads.
  public var domainList: String {
    (0..<count).map { ScanZone.domain($0) + "\n" }.joined()
  }

  /// The zones to serve: the domains and the providers.
  public var zones: [NamedZone] { [domainZone, ScanZone.providerZone] }

  /// The providers: each an ip4 block and `-all`, no lookups of its own.
  public static var providerZone: NamedZone {
    let lines = (0..<providerCount).map { "_spf.p\($0) TXT \"v=spf1 ip4:198.18.\($0).0/24 -all\"" }
    return NamedZone(origin: "providers.test", records: lines.joined(separator: "\n"))
  }

  /// The domains' zone.
  public var domainZone: NamedZone {
    var lines = ["mx A 192.0.2.25"]
    lines.reserveCapacity(count * 2)
    for index in 0..<count {
      let owner = String(ScanZone.domain(index).dropLast(".scan.test".count))
      switch Category(index) {
      case .valid:
        let includes = ScanZone.providers(of: index).map { "include:" + ScanZone.provider($0) }.joined(separator: " ")
        lines.append("\(owner) TXT \"v=spf1 mx \(includes) -all\"")
        lines.append("\(owner) MX 10 mx.scan.test.")
      case .twoRecords:
        lines.append("\(owner) TXT \"v=spf1 include:\(ScanZone.provider(index % ScanZone.providerCount)) -all\"")
        lines.append("\(owner) TXT \"v=spf1 ip4:192.0.2.\(index % 250)/32 -all\"")
      case .elevenIncludes:
        let includes = (0..<11).map { "include:" + ScanZone.provider(($0 * 3 + index) % ScanZone.providerCount) }
        // Two character-strings: the record is over 255 octets (RFC 7208 §3.3).
        let head = includes.prefix(6).joined(separator: " ")
        let tail = includes.dropFirst(6).joined(separator: " ")
        lines.append("\(owner) TXT ( \"v=spf1 \(head) \" \"\(tail) -all\" )")
      case .notSPF:
        lines.append("\(owner) TXT \"site-verification=\(index)\"")
      case .missing:
        break
      }
    }
    return NamedZone(origin: "scan.test", records: lines.joined(separator: "\n"))
  }
}
