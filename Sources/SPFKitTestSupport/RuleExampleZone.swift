/// The records the DNS rules' metadata examples name (`spfkit explain SPF015`...): with these
/// published, every triggering example triggers its rule and no other example does. Shared by the
/// in-memory example test and the CLI's, which serves them from a real `named` (`masterFile`).
public enum RuleExampleZone {
  /// The records, in `InMemoryResolver(zone:)` form: `NAME TYPE DATA` lines.
  public static let zone = """
    example.com MX mail.example.com
    mail.example.com A 192.0.2.10
    mail.example.com AAAA 2001:db8::10
    _spf.example.com TXT v=spf1 ip4:192.0.2.0/24 -all
    _broken.example.com TXT v=spf1 ipv4:192.0.2.0/24 -all
    loop1.example.com TXT v=spf1 include:loop2.example.com -all
    loop2.example.com TXT v=spf1 include:loop1.example.com -all
    """ + "\n" + (1...11).map { "bulk.example.com MX mx\($0).example.com" }.joined(separator: "\n")

  /// The records as a root zone's master file: names fully qualified, MX with preference 10, TXT quoted.
  /// Every other name is NXDOMAIN, as the examples that name `example.invalid` expect.
  public static var masterFile: String {
    let header = [
      "$ORIGIN .", "$TTL 300", "@ IN SOA ns.invalid. hostmaster.invalid. 1 3600 600 86400 300", "@ IN NS ns.invalid.",
      "ns.invalid. IN A 127.0.0.1",
    ]
    let records = zone.split(separator: "\n").map { line -> String in
      let fields = line.split(separator: " ", maxSplits: 2).map(String.init)
      let (name, type, data) = (fields[0] + ".", fields[1], fields[2])
      switch type {
      case "MX": return "\(name) IN MX 10 \(data)."
      case "TXT": return "\(name) IN TXT \"\(data)\""
      default: return "\(name) IN \(type) \(data)"
      }
    }
    return (header + records).joined(separator: "\n") + "\n"
  }
}
