import SPFKit

extension InMemoryResolver {
  /// A resolver holding the records of a small zone written one per line, `NAME TYPE DATA`:
  ///
  /// ```
  /// example.com TXT v=spf1 include:_spf.example.net -all
  /// example.com MX mail.example.com          (preferences 10, 20, ... in order)
  /// mail.example.com A 192.0.2.1
  /// nodata.example.com EMPTY                 (the name exists, with no records: NODATA)
  /// bad.example.net REFUSED                  (also SERVFAIL, TIMEOUT)
  /// ```
  ///
  /// TXT data is the rest of the line, one string; `|` splits it into several strings. Blank lines are
  /// skipped. Any other name is NXDOMAIN.
  init(zone: String) {
    self.init()
    var preferences: [String: UInt16] = [:]
    for line in zone.split(separator: "\n") {
      let fields = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true).map(String.init)
      guard fields.count >= 2 else { continue }
      let (name, type, data) = (fields[0], fields[1], fields.count > 2 ? fields[2] : "")
      switch type {
      case "TXT":
        let strings = data.split(separator: "|", omittingEmptySubsequences: false).map {
          CharacterString(bytes: Array($0.utf8))
        }
        add(name: name, type: .txt, data: .txt(TXTRecord(strings: strings)))
      case "A": add(name: name, type: .a, data: .a(IPv4Address(data)!))
      case "AAAA": add(name: name, type: .aaaa, data: .aaaa(IPv6Address(data)!))
      case "MX":
        preferences[name, default: 0] += 10
        add(name: name, type: .mx, data: .mx(preference: preferences[name]!, exchange: data))
      case "EMPTY": set(DNSQuestion(name: name, type: .txt), to: .success([]))
      case "REFUSED": fail(name: name, with: .refused)
      case "SERVFAIL": fail(name: name, with: .serverFailure)
      case "TIMEOUT": fail(name: name, with: .timeout)
      default: preconditionFailure("unknown fixture type '\(type)' in '\(line)'")
      }
    }
  }
}
