import Foundation
import SPFKit
import SPFKitTestSupport
import Testing

@testable import SPFKitDNS

/// The socket resolver against test-owned loopback servers that stay silent or answer badly.
struct SocketResolverTimeoutTests {
  static let question = DNSQuestion(name: "www.example.test", type: .a)
  static let address = IPv4Address(192, 0, 2, 80)
  static let answer = DNSRecordData.a(address)

  static func elapsed(_ body: () async -> Void) async -> Duration {
    let start = ContinuousClock.now
    await body()
    return ContinuousClock.now - start
  }

  @Test func silentServerTimesOutWithinTheTimeout() async throws {
    let silent = try FakeDNSServer.silent()
    let resolver = SocketResolver(servers: [silent.server], timeout: .milliseconds(300))
    let time = await Self.elapsed {
      #expect(await ResolverOutcome(of: resolver, Self.question) == .error(.timeout))
    }
    #expect(time >= .milliseconds(290))
    #expect(time < .seconds(5), "bounded far below the 10 s a hung query would take, with room for a loaded CI machine")
    #expect(silent.receivedQueries.count == 1)
  }

  @Test func retriesOnceOnTheNextServer() async throws {
    let (first, second, third) = (try FakeDNSServer.silent(), try FakeDNSServer.silent(), try FakeDNSServer.silent())
    let resolver = SocketResolver(servers: [first.server, second.server, third.server], timeout: .milliseconds(200))
    let time = await Self.elapsed {
      #expect(await ResolverOutcome(of: resolver, Self.question) == .error(.timeout))
    }
    #expect(time >= .milliseconds(390))
    #expect(time < .seconds(5), "bounded, with room for a loaded CI machine")
    #expect(first.receivedQueries.count == 1)
    #expect(second.receivedQueries.count == 1)
    #expect(third.receivedQueries.isEmpty)
  }

  @Test func globalDeadlineBoundsTheWholeRun() async throws {
    let silent = try FakeDNSServer.silent()
    let resolver = SocketResolver(servers: [silent.server], timeout: .seconds(10), deadline: .now + .milliseconds(400))
    let time = await Self.elapsed {
      await withTaskGroup(of: ResolverOutcome.self) { group in
        for index in 0..<20 {
          group.addTask { await ResolverOutcome(of: resolver, DNSQuestion(name: "n\(index).example.test", type: .txt)) }
        }
        for await outcome in group { #expect(outcome == .error(.timeout)) }
      }
    }
    #expect(time < .seconds(5), "bounded, with room for a loaded CI machine")
    let sent = silent.receivedQueries.count
    let late = await Self.elapsed {
      #expect(await ResolverOutcome(of: resolver, Self.question) == .error(.timeout))
    }
    #expect(late < .seconds(3), "after the deadline no query is sent or awaited (one would wait 10 s)")
    #expect(silent.receivedQueries.count == sent)
  }

  @Test func answersThatDoNotMatchAreIgnored() async throws {
    let fake = try FakeDNSServer { query in
      var wrongID = query.response(a: IPv4Address(6, 6, 6, 1))
      wrongID.id &+= 1
      var otherQuestion = query.response(answers: [])
      otherQuestion.questions[0].name = try! DNSName(parsing: "evil.test")
      let spoof = query.response(a: IPv4Address(6, 6, 6, 2))
      let good = query.response(a: Self.address)
      return [
        .datagram(wrongID.bytes), .datagram(otherQuestion.bytes), .fromOtherPort(spoof.bytes), .datagram([1, 2, 3]),
        .datagram(good.bytes),
      ]
    }
    let resolver = SocketResolver(servers: [fake.server], timeout: .seconds(2))
    #expect(await ResolverOutcome(of: resolver, Self.question) == .records([Self.answer]))
  }

  @Test func onlyWrongAnswersEndInATimeout() async throws {
    let fake = try FakeDNSServer { query in
      var wrongID = query.response(a: Self.address)
      wrongID.id &+= 1
      return [.datagram(wrongID.bytes), .fromOtherPort(query.response(answers: []).bytes)]
    }
    let resolver = SocketResolver(servers: [fake.server], timeout: .milliseconds(300))
    #expect(await ResolverOutcome(of: resolver, Self.question) == .error(.timeout))
  }

  @Test func malformedAnswerWithTheRightIDIsAnError() async throws {
    let fake = try FakeDNSServer { query in
      var bytes = query.response().bytes
      bytes[7] = 0xFF  // 255 answers promised, none present
      return [.datagram(bytes)]
    }
    let resolver = SocketResolver(servers: [fake.server], timeout: .seconds(2))
    let outcome = await ResolverOutcome(of: resolver, Self.question)
    #expect(outcome == .error(.malformed("section count larger than the message at byte 4")))
  }

  @Test func formatErrorToEDNSIsAskedAgainWithout() async throws {
    let fake = try FakeDNSServer { query in
      if query.optRecord != nil { return [.datagram(query.response(responseCode: 1).bytes)] }
      return [.datagram(query.response(a: Self.address).bytes)]
    }
    let resolver = SocketResolver(servers: [fake.server], timeout: .seconds(2))
    #expect(await ResolverOutcome(of: resolver, Self.question) == .records([Self.answer]))
    #expect(fake.receivedQueries.map { $0.optRecord != nil } == [true, false])
  }

  /// Fast against the timeout, with room for a loaded test run (2.5 s was seen with a 5 s timeout and a 2 s bound).
  @Test func closedPortFailsFast() async throws {
    let port = try LoopbackSocket(.ipv4).port  // bound, then closed at once
    let resolver = SocketResolver(
      servers: [DNSServer(address: .v4(IPv4Address(127, 0, 0, 1)), port: port)], timeout: .seconds(30))
    let time = await Self.elapsed {
      let outcome = await ResolverOutcome(of: resolver, Self.question)
      #expect(outcome == .error(.other("no DNS server at 127.0.0.1:\(port) (connection refused)")))
    }
    #expect(time < .seconds(10))
  }

  /// The bound is a third of the timeout, not a tight figure: under a loaded test run the cancelled task
  /// may wait seconds for a thread of the cooperative pool (3.2 s was seen with a bound of 2 s).
  @Test func cancellationEndsTheWait() async throws {
    let silent = try FakeDNSServer.silent()
    let resolver = SocketResolver(servers: [silent.server], timeout: .seconds(30))
    let start = ContinuousClock.now
    let task = Task { await ResolverOutcome(of: resolver, Self.question) }
    try await Task.sleep(for: .milliseconds(100))
    task.cancel()
    #expect(await task.value == .error(.other("query cancelled")))
    #expect(ContinuousClock.now - start < .seconds(10))
  }

  @Test func invalidNameIsRefusedBeforeSending() async {
    let resolver = SocketResolver(servers: [], timeout: .seconds(1))
    let outcome = await ResolverOutcome(of: resolver, DNSQuestion(name: "a..test", type: .a))
    #expect(outcome == .error(.other("cannot ask about 'a..test': empty label at byte 2")))
    #expect(await ResolverOutcome(of: resolver, Self.question) == .error(.other("no DNS server configured")))
  }
}
