import Foundation
import SPFKit
import SPFKitTestSupport
import Testing

@testable import SPFKitDNS

/// The socket resolver against a real BIND `named` on loopback.
@Suite(.enabled(if: NamedServer.testsEnabled, Comment(rawValue: NamedServer.skipNote)))
struct SocketResolverTests {
  /// Eight strings of 255 octets: a 2 KB answer, more than the 1232 octets EDNS allows over UDP.
  static let largeStrings = (0..<8).map { index in String(repeating: Character(String(index)), count: 255) }

  static let named = NamedFixture(zones: [
    NamedZone(
      origin: "example.test",
      records: """
        @ TXT "v=spf1 ip4:192.0.2.0/24 mx -all"
        @ A 192.0.2.1
        @ AAAA 2001:db8::1
        @ MX 10 mail
        @ MX 20 mail2.example.test.
        mail A 192.0.2.10
        multi TXT "v=spf1 ip4:192.0.2.1 " "include:_spf.example.test -all"
        alias CNAME @
        txtonly TXT "hello"
        _spf.deep TXT "v=spf1 -all"
        legacy SPF "v=spf1 -all"
        large TXT ( \(largeStrings.map { "\"\($0)\"" }.joined(separator: " ")) )
        """),
    NamedZone(origin: "2.0.192.in-addr.arpa", records: "1 PTR example.test.\n10 PTR mail.example.test."),
    NamedZone(origin: "refused.test", records: "@ TXT \"v=spf1 -all\"", refusesQueries: true),
  ])

  static func resolver(_ server: NamedServer, ipv6: Bool = false) -> SocketResolver {
    let address: IPAddress = ipv6 ? .v6(IPv6Address("::1")!) : .v4(IPv4Address(127, 0, 0, 1))
    return SocketResolver(servers: [DNSServer(address: address, port: server.port)], timeout: .seconds(5))
  }

  static func txt(_ strings: String...) -> DNSRecordData { .txt(TXTRecord(strings: strings.map(CharacterString.init))) }

  struct Case: Sendable, CustomStringConvertible {
    let name: String
    let type: DNSRecordType
    let expected: ResolverOutcome
    let why: String
    var description: String { "\(name) \(type) (\(why))" }
  }

  static let cases: [Case] = [
    Case(name: "example.test", type: .txt, expected: .records([txt("v=spf1 ip4:192.0.2.0/24 mx -all")]), why: "TXT"),
    Case(name: "example.test", type: .a, expected: .records([.a(IPv4Address(192, 0, 2, 1))]), why: "A"),
    Case(name: "example.test", type: .aaaa, expected: .records([.aaaa(IPv6Address("2001:db8::1")!)]), why: "AAAA"),
    Case(
      name: "example.test", type: .mx,
      expected: .records([
        .mx(preference: 10, exchange: "mail.example.test"), .mx(preference: 20, exchange: "mail2.example.test"),
      ]),
      why: "MX, compressed exchange names"),
    Case(
      name: "multi.example.test", type: .txt,
      expected: .records([txt("v=spf1 ip4:192.0.2.1 ", "include:_spf.example.test -all")]),
      why: "two strings kept apart"),
    Case(name: "1.2.0.192.in-addr.arpa", type: .ptr, expected: .records([.ptr("example.test")]), why: "PTR"),
    Case(
      name: "alias.example.test", type: .a, expected: .records([.a(IPv4Address(192, 0, 2, 1))]), why: "through a CNAME"),
    Case(
      name: "EXAMPLE.Test.", type: .a, expected: .records([.a(IPv4Address(192, 0, 2, 1))]), why: "case and trailing dot"
    ),
    Case(name: "legacy.example.test", type: .spf, expected: .records([txt("v=spf1 -all")]), why: "SPF type 99"),
    Case(name: "nope.example.test", type: .txt, expected: .error(.nameError), why: "NXDOMAIN"),
    Case(name: "txtonly.example.test", type: .a, expected: .records([]), why: "NODATA"),
    Case(name: "deep.example.test", type: .txt, expected: .records([]), why: "empty non-terminal is NODATA"),
    Case(name: "refused.test", type: .txt, expected: .error(.refused), why: "allow-query { none; }"),
    Case(name: "x.refused.test", type: .a, expected: .error(.refused), why: "refused below the apex too"),
    Case(name: "outside.invalid", type: .a, expected: .error(.refused), why: "no recursion: refused"),
  ]

  @Test(arguments: cases)
  func answer(_ c: Case) async throws {
    let server = try await Self.named.server()
    var outcome = await ResolverOutcome(of: Self.resolver(server), DNSQuestion(name: c.name, type: c.type))
    if case .records(let records) = outcome { outcome = .records(records.sorted { "\($0)" < "\($1)" }) }
    #expect(outcome == c.expected)
  }

  @Test func overIPv6() async throws {
    let server = try await Self.named.server()
    let records = try await Self.resolver(server, ipv6: true).resolve(DNSQuestion(name: "example.test", type: .a))
    #expect(records == [.a(IPv4Address(192, 0, 2, 1))])
  }

  @Test func largeAnswerComesBackWholeOverTCP() async throws {
    let server = try await Self.named.server()
    let resolver = Self.resolver(server)
    let question = DNSQuestion(name: "large.example.test", type: .txt)
    let strings = Self.largeStrings.map { CharacterString($0) }
    #expect(try await resolver.resolve(question) == [.txt(TXTRecord(strings: strings))])
    // Over UDP alone the same question comes back truncated.
    let wire = try DNSMessage.wireQuestion(for: question)
    let udp = try await PollLoop.shared.get().perform(
      UDPExchange(
        query: .query(id: 7, question: wire, udpPayloadSize: 1232), to: resolver.configuration.servers[0],
        deadline: .now + .seconds(5))
    ).get()
    #expect(udp.isTruncated)
  }

  @Test func manyConcurrentQueries() async throws {
    let server = try await Self.named.server()
    let resolver = Self.resolver(server)
    let answers = try await withThrowingTaskGroup(of: [DNSRecordData].self) { group in
      for index in 0..<200 {
        let name = index % 2 == 0 ? "example.test" : "mail.example.test"
        group.addTask { try await resolver.resolve(DNSQuestion(name: name, type: .a)) }
      }
      return try await group.reduce(into: 0) { count, records in count += records.count }
    }
    #expect(answers == 200)
  }

  @Test func nextServerAfterATimeout() async throws {
    let server = try await Self.named.server()
    let silent = try FakeDNSServer.silent()
    // The timeout bounds the second server's attempt too: under ThreadSanitizer, beside the suite's
    // other tests on two cores, a loopback answer once took longer than 300 ms and the test failed.
    let resolver = SocketResolver(
      servers: [silent.server, DNSServer(address: .v4(IPv4Address(127, 0, 0, 1)), port: server.port)],
      timeout: .seconds(2))
    #expect(try await resolver.resolve(DNSQuestion(name: "example.test", type: .a)) == [.a(IPv4Address(192, 0, 2, 1))])
    #expect(silent.receivedQueries.count == 1)
  }

  @Test func namedServerRejectsABrokenZone() async {
    await #expect {
      try await NamedServer(zones: [NamedZone(origin: "broken.test", records: "@ NOTATYPE 1")])
    } throws: { error in
      (error as? NamedServerError)?.message.hasPrefix("named did not load a zone") == true
    }
  }
}
