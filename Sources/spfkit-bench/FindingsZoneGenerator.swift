import Foundation

/// Writes the zone of `spfkit-bench cli`: a hosting provider's zone, where most TXT records are SPF
/// records with something to report. Per owner: an A record, an SPF TXT record (six in seven with a
/// warning or an error: ptr, ?all, +all, a private network, host bits, no all), on every fourth owner
/// a verification TXT record, on every third an MX record. `named-checkzone` accepts it.
enum FindingsZoneGenerator {
  /// The SPF records, one per owner in turn; all but the last have a finding at warning or above.
  static let records = [
    "v=spf1 a mx ptr -all",
    "v=spf1 ip4:198.51.100.0/24 ?all",
    "v=spf1 ip4:203.0.113.7 +all",
    "v=spf1 ip4:10.1.2.0/24 include:_spf.example.net ~all",
    "v=spf1 ip4:198.51.100.9/24 -all",
    "v=spf1 mx include:_spf.example.net",
    "v=spf1 ip4:198.51.100.0/24 include:_spf.example.net -all",
  ]

  /// Writes exactly `lines` lines to `path`.
  static func write(to path: String, lines target: Int) throws -> ZoneBenchGenerator.Summary {
    let file = try ZoneBenchGenerator.create(path)
    defer { try? file.close() }
    var summary = ZoneBenchGenerator.Summary()
    var buffer: [UInt8] = []
    func add(_ line: String, txt: Bool = false) {
      buffer.append(contentsOf: line.utf8)
      buffer.append(0x0A)
      summary.lines += 1
      if txt { summary.txt += 1 }
    }
    for line in [
      "$TTL 3600", "$ORIGIN \(ZoneBench.origin)", "@ IN SOA ns1 hostmaster 2024010101 7200 3600 1209600 300",
      "@ IN NS ns1", "ns1 IN A 192.0.2.53", "mx1 IN A 192.0.2.25",
    ] { add(line) }
    var owner = 0
    while summary.lines + 4 <= target {
      add("h\(owner) IN A 192.0.\(owner >> 8 & 255).\(owner & 255)")
      add("  IN TXT \"\(records[owner % records.count])\"", txt: true)
      if owner % 4 == 0 { add("  IN TXT \"site-verification=\(String(owner &* 7_919, radix: 16))\"", txt: true) }
      if owner % 3 == 0 { add("  IN MX 10 mx1") }
      owner += 1
      if buffer.count >= 1 << 20 {
        try file.write(contentsOf: buffer)
        summary.bytes += buffer.count
        buffer.removeAll(keepingCapacity: true)
      }
    }
    while summary.lines < target { add("; padding") }
    try file.write(contentsOf: buffer)
    summary.bytes += buffer.count
    return summary
  }
}
