import SPFKit
import SPFKitTestSupport

/// Builds the in-memory resolver of one scenario's zone data, as the suite's README describes:
/// - `SPF` entries are type 99 records, and also TXT records when the name has no `TXT` entry at all;
/// - `TXT: NONE` is no record, only a TXT entry that stops the copy;
/// - `TIMEOUT`: types with a record listed before it answer, every other type times out;
/// - `CNAME`: the alias answers what its target answers; a loop is a server failure;
/// - string values are octets: each code point one byte (Latin-1).
enum ScenarioZone {
  static func resolver(_ zone: [String: [OpenSPFSuite.ZoneEntry]]) throws -> InMemoryResolver {
    var resolver = InMemoryResolver()
    var aliases: [String: String] = [:]
    for (owner, entries) in zone {
      if let target = try add(owner, entries, to: &resolver) { aliases[DNSQuestion.normalize(owner)] = target }
    }
    for (alias, _) in aliases { resolveAlias(alias, aliases: aliases, in: &resolver) }
    return resolver
  }

  /// Adds one name's records; returns its CNAME target, if it has one.
  private static func add(_ owner: String, _ entries: [OpenSPFSuite.ZoneEntry], to resolver: inout InMemoryResolver)
    throws -> String?
  {
    let hasTXT = entries.contains { if case .record("TXT", _) = $0 { true } else { false } }
    var answered: Set<DNSRecordType> = []
    for entry in entries {
      guard case .record(let type, let value) = entry else {
        for type in DNSRecordType.allCases where !answered.contains(type) {
          resolver.set(DNSQuestion(name: owner, type: type), to: .failure(.timeout))
        }
        break
      }
      if type == "CNAME" { return DNSQuestion.normalize(value.string ?? "") }
      if type == "TXT", value.string == "NONE" { continue }
      for (recordType, data) in try records(type, value, copySPFToTXT: !hasTXT) {
        resolver.add(name: owner, type: recordType, data: data)
        answered.insert(recordType)
      }
    }
    return nil
  }

  /// The records one entry stands for.
  private static func records(_ type: String, _ value: JSONValue, copySPFToTXT: Bool) throws
    -> [(DNSRecordType, DNSRecordData)]
  {
    switch type {
    case "SPF":
      let data = DNSRecordData.txt(try txt(value))
      return copySPFToTXT ? [(.spf, data), (.txt, data)] : [(.spf, data)]
    case "TXT": return [(.txt, .txt(try txt(value)))]
    case "A": return [(.a, .a(try parse(value, IPv4Address.init)))]
    case "AAAA": return [(.aaaa, .aaaa(try parse(value, IPv6Address.init)))]
    case "PTR": return [(.ptr, .ptr(DNSQuestion.normalize(value.string ?? "")))]
    case "MX":
      guard case .array(let pair) = value, pair.count == 2, case .number(let number) = pair[0],
        let preference = UInt16(exactly: number), let exchange = pair[1].string
      else { throw SuiteError("bad MX value \(value.text)") }
      return [(.mx, .mx(preference: preference, exchange: DNSQuestion.normalize(exchange)))]
    default: throw SuiteError("unknown record type '\(type)'")
    }
  }

  /// Gives an alias its target's answers (following chains), or a server failure for a loop.
  private static func resolveAlias(_ alias: String, aliases: [String: String], in resolver: inout InMemoryResolver) {
    var target = alias
    var seen: Set<String> = [alias]
    while let next = aliases[target] {
      guard seen.insert(next).inserted else {
        resolver.fail(name: alias, with: .serverFailure)
        return
      }
      target = next
    }
    for type in DNSRecordType.allCases {
      let answer: Result<[DNSRecordData], DNSError>
      do {
        answer = .success(try resolver.answer(DNSQuestion(name: target, type: type)))
      } catch {
        answer = .failure(error)
      }
      resolver.set(DNSQuestion(name: alias, type: type), to: answer)
    }
  }

  /// A TXT record from a string or a list of strings (possibly empty), each code point one octet.
  private static func txt(_ value: JSONValue) throws -> TXTRecord {
    guard let strings = value.strings else { throw SuiteError("a TXT value that is not a string or a list") }
    return TXTRecord(strings: strings.map { CharacterString(bytes: latin1($0)) })
  }

  /// The octets the suite means: each code point as one byte.
  static func latin1(_ text: String) -> [UInt8] {
    text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
  }

  private static func parse<T>(_ value: JSONValue, _ make: (String) -> T?) throws -> T {
    guard let text = value.string, let parsed = make(text) else { throw SuiteError("bad address \(value.text)") }
    return parsed
  }
}
