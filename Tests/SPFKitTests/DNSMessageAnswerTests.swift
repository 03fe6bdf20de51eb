import SPFKit
import Testing

@testable import SPFKitDNS

struct DNSMessageAnswerTests {
  static func name(_ text: String) -> DNSName { try! DNSName(parsing: text) }

  static func record(_ owner: String, _ type: DNSType, _ data: DNSResourceData) -> DNSResourceRecord {
    DNSResourceRecord(name: name(owner), type: type, ttl: 60, data: data)
  }

  static func response(to question: DNSQuestion, code: UInt8 = 0, _ answers: [DNSResourceRecord]) -> DNSMessage {
    let query = DNSMessage.query(
      id: 1, question: .init(name: name(question.name), type: DNSType(question.type)), udpPayloadSize: nil)
    return query.response(answers: answers, responseCode: code)
  }

  enum Outcome: Equatable, Sendable {
    case records([DNSRecordData])
    case error(DNSError)
  }

  struct Case: Sendable, CustomStringConvertible {
    let why: String
    let question: DNSQuestion
    let code: UInt8
    let answers: [DNSResourceRecord]
    let expected: Outcome
    var description: String { why }
  }

  static let ip = DNSRecordData.a(IPv4Address(192, 0, 2, 1))
  static let aQuestion = DNSQuestion(name: "www.example.test", type: .a)

  static let cases: [Case] = [
    Case(
      why: "direct answer", question: aQuestion, code: 0,
      answers: [record("www.example.test", .a, .a(IPv4Address(192, 0, 2, 1)))], expected: .records([ip])),
    Case(
      why: "owner compares without case", question: aQuestion, code: 0,
      answers: [record("WWW.Example.TEST", .a, .a(IPv4Address(192, 0, 2, 1)))], expected: .records([ip])),
    Case(
      why: "CNAME chain of two", question: aQuestion, code: 0,
      answers: [
        record("www.example.test", .cname, .cname(name("a.example.test"))),
        record("a.example.test", .cname, .cname(name("b.example.test"))),
        record("b.example.test", .a, .a(IPv4Address(192, 0, 2, 1))),
      ], expected: .records([ip])),
    Case(
      why: "records of other types and owners ignored", question: aQuestion, code: 0,
      answers: [
        record("www.example.test", .txt, .txt([Array("x".utf8)])),
        record("other.example.test", .a, .a(IPv4Address(198, 51, 100, 1))),
      ], expected: .records([])),
    Case(
      why: "CNAME to a target without data is NODATA", question: aQuestion, code: 0,
      answers: [record("www.example.test", .cname, .cname(name("gone.example.test")))], expected: .records([])),
    Case(
      why: "CNAME loop", question: aQuestion, code: 0,
      answers: [
        record("www.example.test", .cname, .cname(name("a.example.test"))),
        record("a.example.test", .cname, .cname(name("www.example.test"))),
      ], expected: .error(.malformed("CNAME chain loops at 'www.example.test'"))),
    Case(
      why: "SPF type 99 reads as TXT data", question: DNSQuestion(name: "example.test", type: .spf), code: 0,
      answers: [record("example.test", .spf, .txt([Array("v=spf1 -all".utf8)]))],
      expected: .records([.txt(TXTRecord(strings: [CharacterString("v=spf1 -all")]))])),
    Case(
      why: "MX exchange and PTR target in lowercase", question: DNSQuestion(name: "example.test", type: .mx), code: 0,
      answers: [record("example.test", .mx, .mx(preference: 5, exchange: name("MX.Example.Test.")))],
      expected: .records([.mx(preference: 5, exchange: "mx.example.test")])),
    Case(why: "NXDOMAIN", question: aQuestion, code: 3, answers: [], expected: .error(.nameError)),
    Case(why: "SERVFAIL", question: aQuestion, code: 2, answers: [], expected: .error(.serverFailure)),
    Case(why: "REFUSED", question: aQuestion, code: 5, answers: [], expected: .error(.refused)),
    Case(why: "NOTIMP", question: aQuestion, code: 4, answers: [], expected: .error(.other("server answered NOTIMP"))),
  ]

  @Test(arguments: cases)
  func answer(_ c: Case) {
    let message = Self.response(to: c.question, code: c.code, c.answers)
    let outcome: Outcome
    do throws(DNSError) {
      outcome = .records(try message.answer(to: c.question))
    } catch {
      outcome = .error(error)
    }
    #expect(outcome == c.expected)
  }

  @Test func extendedResponseCodeComesFromOPT() {
    var message = Self.response(to: Self.aQuestion, [])
    message.additionals = [
      DNSResourceRecord(name: .root, type: .opt, recordClass: 1232, ttl: 1 << 24, data: .other([]))
    ]
    #expect(message.extendedResponseCode == 16)
    #expect(throws: DNSError.other("server answered BADVERS")) { try message.answer(to: Self.aQuestion) }
  }

  enum Verdict: Equatable {
    case drop, accept, reject
  }

  @Test func verdictOnResponses() throws {
    let question = DNSMessage.Question(name: Self.name("www.example.test"), type: .a)
    let query = DNSMessage.query(id: 0x4242, question: question, udpPayloadSize: 1232)
    func verdict(_ bytes: [UInt8]) -> Verdict {
      switch query.verdict(onResponse: bytes) {
      case .drop: .drop
      case .accept: .accept
      case .reject: .reject
      }
    }
    let good = query.response()
    #expect(verdict(good.bytes) == .accept)
    var wrongID = good
    wrongID.id = 0x4243
    #expect(verdict(wrongID.bytes) == .drop)
    var notResponse = good
    notResponse.isResponse = false
    #expect(verdict(notResponse.bytes) == .drop)
    var otherQuestion = good
    otherQuestion.questions = [.init(name: Self.name("evil.example.test"), type: .a)]
    #expect(verdict(otherQuestion.bytes) == .drop)
    var otherType = good
    otherType.questions = [.init(name: Self.name("www.example.test"), type: .aaaa)]
    #expect(verdict(otherType.bytes) == .drop)
    var upperCase = good
    upperCase.questions = [.init(name: Self.name("WWW.EXAMPLE.TEST"), type: .a)]
    #expect(verdict(upperCase.bytes) == .accept)
    var formatError = good.response(responseCode: 1)
    formatError.questions = []
    #expect(verdict(formatError.bytes) == .accept)
    #expect(verdict(Array(good.bytes.prefix(11))) == .drop)
    #expect(verdict(Array(good.bytes.prefix(14))) == .reject)
  }
}

struct DNSReferralTests {
  static let question = DNSQuestion(name: "child.example.test", type: .txt)

  static func response(authoritative: Bool, authority: [DNSType]) -> DNSMessage {
    var message = DNSMessageAnswerTests.response(to: question, [])
    message.isAuthoritative = authoritative
    message.authorities = authority.map { DNSMessageAnswerTests.record("child.example.test", $0, .other([])) }
    return message
  }

  @Test func aReferralIsAnErrorNotNoData() throws {
    let referral = Self.response(authoritative: false, authority: [.ns, .ns])
    #expect(throws: DNSError.other(DNSMessage.referralMessage(try DNSName(parsing: "child.example.test")))) {
      try referral.answer(to: Self.question)
    }
  }

  @Test(arguments: [
    (true, [DNSType.soa], "NODATA from the zone's own server"),
    (false, [DNSType.soa], "NODATA from a recursive resolver carries the SOA"),
    (true, [DNSType.ns], "an authoritative answer with NS in authority is still NODATA"),
    (false, [], "no authority section at all"),
  ])
  func noDataIsNoData(_ authoritative: Bool, _ authority: [DNSType], _ why: String) throws {
    let message = Self.response(authoritative: authoritative, authority: authority)
    #expect(try message.answer(to: Self.question) == [], "\(why)")
  }
}
