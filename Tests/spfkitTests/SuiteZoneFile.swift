import SPFKitTestSupport

/// One OpenSPF scenario's zone data as a root zone for a real `named`, following the suite's README:
/// `SPF` entries are type 99 records, and TXT records too when the name has no `TXT` entry; `TXT: NONE`
/// is no record; string values are octets (each code point one byte).
///
/// A root zone holds every name the scenario uses, so a name it does not list is NXDOMAIN, as in the
/// suite. What a zone cannot serve — a `TIMEOUT`, a TXT record of no strings — is left out, and
/// `unservable` names the names concerned so the tests that reach them are not run.
struct SuiteZoneFile {
  /// The master file, `$ORIGIN .`.
  let text: String
  /// Lowercased names whose data a zone cannot serve (a `TIMEOUT`, an empty TXT record).
  let unservable: Set<String>
  /// Every name of the zone data (lowercased) to the names its record values mention.
  let mentions: [String: Set<String>]

  init(_ zone: [String: [OpenSPFSuite.ZoneEntry]]) {
    var lines = [
      "$ORIGIN .", "$TTL 300", "@ IN SOA ns.invalid. hostmaster.invalid. 1 3600 600 86400 300",
      "@ IN NS ns.invalid.", "ns.invalid. IN A 127.0.0.1",
    ]
    var unservable: Set<String> = []
    var mentions: [String: Set<String>] = [:]
    for (owner, entries) in zone.sorted(by: { $0.key < $1.key }) {
      let name = owner.lowercased()
      let hasTXT = entries.contains { if case .record("TXT", _) = $0 { true } else { false } }
      for entry in entries {
        guard case .record(let type, let value) = entry else {
          unservable.insert(name)
          break
        }
        mentions[name, default: []].formUnion(Self.names(in: value))
        guard let data = Self.data(type, value) else {
          unservable.insert(name)
          continue
        }
        for recordType in type == "SPF" && !hasTXT ? ["SPF", "TXT"] : [type] where !data.isEmpty {
          lines.append("\(Self.escapedName(owner)) IN \(recordType) \(data)")
        }
      }
    }
    text = lines.joined(separator: "\n") + "\n"
    self.unservable = unservable
    self.mentions = mentions
  }

  /// Whether evaluating from these names can reach a name the zone cannot serve, following the names
  /// record values mention (names built by macros are not followed: the suite's timeouts are reached
  /// by literal names).
  func reachesUnservable(from start: [String]) -> Bool {
    var seen: Set<String> = []
    var pending = start.map { $0.lowercased() }
    while let name = pending.popLast() {
      guard seen.insert(name).inserted else { continue }
      if unservable.contains(name) { return true }
      pending += mentions[name] ?? []
    }
    return false
  }

  /// A record's data in master-file form; nil when no record can hold it (a TXT of no strings); empty
  /// for `TXT: NONE`, which is no record.
  static func data(_ type: String, _ value: JSONValue) -> String? {
    switch type {
    case "TXT", "SPF":
      if type == "TXT", value.string == "NONE" { return "" }
      guard let strings = value.strings, !strings.isEmpty else { return nil }
      return strings.flatMap { chunks(latin1($0)) }.map(quoted).joined(separator: " ")
    case "MX":
      guard case .array(let pair) = value, pair.count == 2, let exchange = pair[1].string else { return nil }
      return "\(pair[0].text) \(escapedName(exchange))"
    case "CNAME", "PTR": return value.string.map(escapedName)
    default: return value.string
    }
  }

  /// A TXT string cut into character-strings of at most 255 octets: receivers join them again.
  static func chunks(_ bytes: [UInt8]) -> [[UInt8]] {
    guard bytes.count > 255 else { return [bytes] }
    return stride(from: 0, to: bytes.count, by: 255).map { Array(bytes[$0..<min($0 + 255, bytes.count)]) }
  }

  /// A character-string in quotes, with `"` and `\` escaped and other octets outside printable ASCII as `\DDD`.
  static func quoted(_ bytes: [UInt8]) -> String {
    "\""
      + bytes.map { byte in
        if byte == 0x22 || byte == 0x5C { return "\\" + String(UnicodeScalar(byte)) }
        if byte >= 0x20 && byte < 0x7F { return String(UnicodeScalar(byte)) }
        return decimalEscape(byte)
      }.joined() + "\""
  }

  /// A name, fully qualified, with octets other than letters, digits, `-`, `_` and `*` as `\DDD`.
  static func escapedName(_ name: String) -> String {
    let bytes = latin1(name)
    let labels = bytes.split(separator: 0x2E, omittingEmptySubsequences: false)
    let escaped = labels.map { label in
      label.map { byte in
        let isPlain =
          (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D
          || byte == 0x5F || byte == 0x2A
        return isPlain ? String(UnicodeScalar(byte)) : decimalEscape(byte)
      }.joined()
    }.joined(separator: ".")
    return escaped.hasSuffix(".") ? escaped : escaped + "."
  }

  static func decimalEscape(_ byte: UInt8) -> String {
    let digits = String(byte)
    return "\\" + String(repeating: "0", count: 3 - digits.count) + digits
  }

  /// The octets the suite means: each code point one byte.
  static func latin1(_ text: String) -> [UInt8] { text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) } }

  /// The names a record value mentions: its words made of name characters, lowercased, without a final dot.
  static func names(in value: JSONValue) -> Set<String> {
    let text: String
    switch value {
    case .array(let values): text = values.map(\.text).joined(separator: " ")
    default: text = value.text
    }
    let words = text.lowercased().split { !($0.isLetter || $0.isNumber || "-_.".contains($0)) }
    return Set(words.map { $0.hasSuffix(".") ? String($0.dropLast()) : String($0) }.filter { $0.contains(".") })
  }
}
