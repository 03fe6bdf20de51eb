import Foundation

/// Writes the deterministic zone `spfkit-bench zone` reads: mixed record types, comments, blank
/// owners, records in parentheses, SPF TXT records at about 20 % of owners (a few with two).
/// `named-checkzone` accepts it; every MX, SRV and NS target is in the zone, so it makes no DNS query.
enum ZoneBenchGenerator {
  /// What was written.
  struct Summary {
    var lines = 0
    var bytes = 0
    var txt = 0
    var spf = 0
  }

  /// Writes exactly `lines` lines to `path`.
  static func write(to path: String, lines target: Int) throws -> Summary {
    let file = try create(path)
    defer { try? file.close() }
    var summary = Summary()
    var buffer: [UInt8] = []
    buffer.reserveCapacity(1 << 20)
    var group: [String] = [
      "$TTL 3600", "$ORIGIN \(ZoneBench.origin)",
      "@ IN SOA ns1 hostmaster ( 2024010101 ; serial", "      7200 3600 1209600 300 )", "@ IN NS ns1",
      "  IN NS ns2", "ns1 IN A 192.0.2.53", "ns2 IN A 192.0.2.54", "mx1 IN A 192.0.2.25", "sip IN A 192.0.2.60",
    ]
    var counts = (txt: 0, spf: 0)
    var owner = 0
    while true {
      guard summary.lines + group.count <= target else { break }
      summary.txt += counts.txt
      summary.spf += counts.spf
      for line in group {
        buffer.append(contentsOf: line.utf8)
        buffer.append(0x0A)
      }
      summary.lines += group.count
      if buffer.count >= 1 << 20 {
        try file.write(contentsOf: buffer)
        summary.bytes += buffer.count
        buffer.removeAll(keepingCapacity: true)
      }
      (group, counts) = ownerLines(owner)
      owner += 1
    }
    while summary.lines < target {
      buffer.append(contentsOf: "; padding\n".utf8)
      summary.lines += 1
    }
    try file.write(contentsOf: buffer)
    summary.bytes += buffer.count
    return summary
  }

  /// An empty file at `path`, open for writing.
  static func create(_ path: String) throws -> FileHandle {
    guard FileManager.default.createFile(atPath: path, contents: nil), let file = FileHandle(forWritingAtPath: path)
    else { throw CocoaError(.fileWriteNoPermission) }
    return file
  }

  /// The lines of owner number `n`, and how many TXT and SPF records they hold.
  private static func ownerLines(_ n: Int) -> ([String], (txt: Int, spf: Int)) {
    let kind = (n &* 2_654_435_761) % 100
    let name = "h\(n)"
    var lines: [String] = []
    if n % 10 == 0 { lines.append("; hosts \(n) to \(n + 9)") }
    lines.append("\(name) 3600 IN A 192.0.\(n >> 8 & 255).\(n & 255)")
    lines.append("    IN AAAA 2001:db8::\(String(n >> 16, radix: 16)):\(String(n & 0xFFFF, radix: 16))")
    lines.append("    IN MX 10 mx1")
    var txt = 0
    var spf = 0
    switch kind {
    case 0..<12:
      lines.append("    IN TXT \"v=spf1 ip4:198.51.100.\(n & 255)/32 include:_spf.example.net ~all\"")
      spf += 1
    case 12..<17:
      lines.append("    IN TXT ( \"v=spf1 ip4:198.51.100.0/24 ip4:203.0.113.0/24\" ; split over lines")
      lines.append("             \" include:_spf.example.net\"")
      lines.append("             \" -all\" )")
      spf += 1
    case 17..<20:
      lines.append("    300 IN TXT \"v=spf1 a mx ptr -all\" ; spfkit-disable SPF102")
      spf += 1
    case 20..<45:
      lines.append("    IN TXT \"google-site-verification=\(String(n &* 7_919, radix: 16))\"")
      txt += 1
    case 45..<55: lines.append("    IN CAA 0 issue \"letsencrypt.org\"")
    case 55..<65: lines.append("_sip._tcp.\(name) IN SRV 10 5 5060 sip")
    case 65..<75: lines.append("www\(n) IN CNAME \(name)")
    case 75..<80:
      lines.append("    IN SSHFP ( 1 1 ; fingerprint on the next line")
      lines.append("               dd465c09cfa51fb45020cc83316fff21b9ec74ac )")
    case 80..<83: lines += ["sub\(n) IN NS ns1", "  IN NS ns2"]
    default: lines.append("    IN A 192.0.2.\(n % 250 + 1)")
    }
    if kind == 0 || kind == 12 {
      lines.append("    IN TXT \"v=spf1 -all\" ; a second SPF record at this name")
      spf += 1
    }
    return (lines, (txt + spf, spf))
  }
}
