import Testing

@testable import SPFKit

struct LayeredResolverTests {
  static let draft = DNSRecordData.txt(TXTRecord(text: "v=spf1 mx -all"))
  static let live = DNSRecordData.txt(TXTRecord(text: "v=spf1 -all"))
  static let liveMX = DNSRecordData.mx(preference: 10, exchange: "mx.example.test")

  static var zone: InMemoryResolver {
    var zone = InMemoryResolver()
    zone.add(name: "example.test", type: .txt, data: draft)
    zone.add(name: "_spf.new.example.test", type: .txt, data: draft)
    zone.fail(name: "broken.example.test", with: .serverFailure)
    return zone
  }

  static var internet: InMemoryResolver {
    var internet = InMemoryResolver()
    internet.add(name: "example.test", type: .txt, data: live)
    internet.add(name: "example.test", type: .mx, data: liveMX)
    internet.add(name: "new.example.test", type: .txt, data: live)
    internet.add(name: "other.test", type: .txt, data: live)
    return internet
  }

  struct Case: Sendable, CustomStringConvertible {
    let scope: LayeredResolver.Scope
    let name: String
    let type: DNSRecordType
    let expected: ResolverOutcome
    let why: String
    var description: String { "\(name) \(type) by \(scope) (\(why))" }
  }

  static let cases: [Case] = [
    Case(scope: .name, name: "example.test", type: .txt, expected: .records([draft]), why: "the zone wins"),
    Case(
      scope: .name, name: "example.test", type: .mx, expected: .records([]),
      why: "the zone's name: NODATA from the zone"),
    Case(
      scope: .question, name: "example.test", type: .mx, expected: .records([liveMX]),
      why: "by question: MX from live DNS"),
    Case(scope: .name, name: "other.test", type: .txt, expected: .records([live]), why: "unknown to the zone: live"),
    Case(
      scope: .name, name: "new.example.test", type: .txt, expected: .records([live]),
      why: "empty non-terminal of the zone: live"),
    Case(
      scope: .name, name: "broken.example.test", type: .a, expected: .error(.serverFailure), why: "failure in the zone"),
    Case(
      scope: .question, name: "broken.example.test", type: .a, expected: .error(.serverFailure),
      why: "name failure by question"),
    Case(scope: .name, name: "nope.test", type: .a, expected: .error(.nameError), why: "NXDOMAIN from live"),
  ]

  @Test(arguments: cases)
  func answer(_ c: Case) async {
    let resolver = LayeredResolver(Self.zone, over: Self.internet, scope: c.scope)
    #expect(await ResolverOutcome(of: resolver, DNSQuestion(name: c.name, type: c.type)) == c.expected)
  }
}
