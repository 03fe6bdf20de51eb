/// Checks and shapes the names `check_host()` queries (RFC 7208 §4.3, §7.3; RFC 1035 §2.3.4).
enum DomainName {
  /// The longest name in dotted form without the trailing dot (RFC 7208 §7.3, RFC 1035 §2.3.4).
  static let maximumLength = 253
  /// The longest label (RFC 1035 §2.3.4).
  static let maximumLabelLength = 63

  /// The name to query for an expanded domain-spec: one trailing dot dropped, then labels removed
  /// from the left until it is at most 253 octets (RFC 7208 §7.3).
  static func queryName(_ expanded: String) -> String {
    let bytes = Array(withoutTrailingDot(expanded).utf8)
    var start = 0
    while bytes.count - start > maximumLength {
      guard let dot = bytes[start...].firstIndex(of: 0x2E) else { break }
      start = dot + 1
    }
    return String(decoding: bytes[start...], as: UTF8.self)
  }

  /// The name without one trailing dot (`example.com.` is `example.com`).
  static func withoutTrailingDot(_ name: String) -> String {
    guard name.utf8.count > 1, name.utf8.last == 0x2E else { return name }
    return String(decoding: name.utf8.dropLast(), as: UTF8.self)
  }

  /// Why a name cannot be queried (an empty label, a label over 63 octets, a name over 253), or nil.
  ///
  /// Only lengths are checked: any other octet may appear in a DNS label (RFC 2181 §11).
  static func problem(_ name: String) -> String? {
    let bytes = Array(name.utf8)
    guard !bytes.isEmpty else { return "the name is empty" }
    guard bytes.count <= maximumLength else { return "'\(name)' is longer than \(maximumLength) octets" }
    var labelLength = 0
    for byte in bytes {
      if byte == 0x2E {
        guard labelLength > 0 else { return "'\(name)' has an empty label" }
        labelLength = 0
      } else {
        labelLength += 1
        guard labelLength <= maximumLabelLength else {
          return "'\(name)' has a label longer than \(maximumLabelLength) octets"
        }
      }
    }
    return nil
  }

  /// Why `<domain>` is not a domain `check_host()` can check (RFC 7208 §4.3): malformed, a single
  /// label, or a top label that is no `toplabel` (`[192.0.2.1]`, `192.0.2.1`); nil when it is fine.
  static func initialProblem(_ domain: String) -> String? {
    let name = withoutTrailingDot(domain)
    if let problem = problem(name) { return problem }
    guard name.utf8.contains(0x2E) else { return "'\(name)' is not a multi-label domain name" }
    if let problem = TermParser.domainEndProblem(Array(name.utf8)[...]) { return "'\(name)' \(problem)" }
    return nil
  }

  /// Whether `name` is `domain` or a subdomain of it, ignoring ASCII case and trailing dots.
  static func isSubdomain(_ name: String, of domain: String) -> Bool {
    let name = DNSQuestion.normalize(name)
    let domain = DNSQuestion.normalize(domain)
    return name == domain || name.hasSuffix("." + domain)
  }
}
