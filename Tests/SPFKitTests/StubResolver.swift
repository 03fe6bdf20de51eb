@testable import SPFKit

/// A tiny test-local resolver until the in-memory resolver of `DNS/` is available: names map to
/// records; a missing name is NXDOMAIN, `.timeout` makes every query of the name time out.
struct StubResolver: DNSResolver {
  enum Entry: Sendable {
    case txt(String)
    case a(String)
    case aaaa(String)
    case mx(UInt16, String)
    case ptr(String)
    case timeout
  }

  let zone: [String: [Entry]]

  init(_ zone: [String: [Entry]]) {
    self.zone = Dictionary(zone.map { (DNSQuestion.normalize($0.key), $0.value) }, uniquingKeysWith: +)
  }

  func resolve(_ question: DNSQuestion) async throws(DNSError) -> [DNSRecordData] {
    guard let entries = zone[question.name] else { throw .nameError }
    var records: [DNSRecordData] = []
    for entry in entries {
      switch (entry, question.type) {
      case (.timeout, _): throw .timeout
      case (.txt(let text), .txt): records.append(.txt(TXTRecord(text: text)))
      case (.a(let text), .a): records.append(.a(IPv4Address(text)!))
      case (.aaaa(let text), .aaaa): records.append(.aaaa(IPv6Address(text)!))
      case (.mx(let preference, let exchange), .mx): records.append(.mx(preference: preference, exchange: exchange))
      case (.ptr(let name), .ptr): records.append(.ptr(DNSQuestion.normalize(name)))
      default: break
      }
    }
    return records
  }
}
