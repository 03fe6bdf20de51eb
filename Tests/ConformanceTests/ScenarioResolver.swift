import SPFKit

/// Serves one scenario's zone data as the suite's README describes: SPF entries copied to TXT when a
/// name has no TXT entry, `TXT: NONE`, `TIMEOUT` after the records that still answer, CNAME chains.
///
/// Test-local until the in-memory resolver of `Sources/SPFKit/DNS/` is available.
struct ScenarioResolver: DNSResolver {
  struct Name: Sendable {
    var records: [DNSRecordType: [DNSRecordData]] = [:]
    /// Types with no record before `TIMEOUT` time out.
    var timesOut = false
    var alias: String? = nil
  }

  private(set) var names: [String: Name] = [:]

  init(_ zone: [String: [OpenSPFSuite.ZoneEntry]]) throws {
    for (owner, entries) in zone {
      names[DNSQuestion.normalize(owner), default: Name()] = try Self.name(entries)
    }
  }

  private static func name(_ entries: [OpenSPFSuite.ZoneEntry]) throws -> Name {
    var name = Name()
    let hasTXT = entries.contains { if case .record("TXT", _) = $0 { true } else { false } }
    for entry in entries {
      guard case .record(let type, let value) = entry else {
        name.timesOut = true
        break
      }
      switch type {
      case "SPF" where !hasTXT, "TXT":
        if value.string == "NONE" { continue }
        name.records[.txt, default: []].append(.txt(try txt(value)))
      case "SPF": continue
      case "A": name.records[.a, default: []].append(.a(try parse(value, IPv4Address.init)))
      case "AAAA": name.records[.aaaa, default: []].append(.aaaa(try parse(value, IPv6Address.init)))
      case "MX":
        guard case .array(let pair) = value, pair.count == 2, case .number(let preference) = pair[0],
          let exchange = pair[1].string, let preference16 = UInt16(exactly: preference)
        else { throw SuiteError("bad MX value") }
        name.records[.mx, default: []].append(.mx(preference: preference16, exchange: DNSQuestion.normalize(exchange)))
      case "PTR": name.records[.ptr, default: []].append(.ptr(DNSQuestion.normalize(value.string ?? "")))
      case "CNAME": name.alias = DNSQuestion.normalize(value.string ?? "")
      default: throw SuiteError("unknown record type '\(type)'")
      }
    }
    return name
  }

  /// A TXT record from a string or a list of strings, each code point one octet (Latin-1).
  private static func txt(_ value: JSONValue) throws -> TXTRecord {
    guard let strings = value.strings else { throw SuiteError("a TXT value that is not a string or a list") }
    return TXTRecord(strings: strings.map { CharacterString(bytes: latin1($0)) })
  }

  static func latin1(_ text: String) -> [UInt8] {
    text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
  }

  private static func parse<T>(_ value: JSONValue, _ make: (String) -> T?) throws -> T {
    guard let text = value.string, let parsed = make(text) else { throw SuiteError("bad address \(value.text)") }
    return parsed
  }

  func resolve(_ question: DNSQuestion) async throws(DNSError) -> [DNSRecordData] {
    var current = question.name
    var visited: Set<String> = []
    while true {
      guard Self.isQueryable(current), let name = names[current] else { throw .nameError }
      if let alias = name.alias {
        guard visited.insert(current).inserted, visited.count < 16 else { throw .serverFailure }
        current = alias
        continue
      }
      if let records = name.records[question.type] { return records }
      if name.timesOut { throw .timeout }
      return []
    }
  }

  /// A malformed name (empty label, label over 63 octets) is answered as a name that does not exist.
  private static func isQueryable(_ name: String) -> Bool {
    let labels = name.utf8.split(separator: 0x2E, omittingEmptySubsequences: false)
    return !name.isEmpty && labels.allSatisfy { !$0.isEmpty && $0.count <= 63 }
  }
}
