import Testing

@testable import SPFKit

/// The outcome of one question, comparable in tables.
enum ResolverOutcome: Equatable, Sendable, CustomStringConvertible {
  case records([DNSRecordData])
  case error(DNSError)

  init(of resolver: some DNSResolver, _ question: DNSQuestion) async {
    do throws(DNSError) {
      self = .records(try await resolver.resolve(question))
    } catch {
      self = .error(error)
    }
  }

  var description: String {
    switch self {
    case .records(let records): "\(records)"
    case .error(let error): "\(error)"
    }
  }
}

struct InMemoryResolverTests {
  static let spf = DNSRecordData.txt(TXTRecord(text: "v=spf1 -all"))
  static let address = DNSRecordData.a(IPv4Address(192, 0, 2, 1))

  static var fixture: InMemoryResolver {
    var resolver = InMemoryResolver()
    resolver.add(name: "example.test", type: .txt, data: spf)
    resolver.add(name: "Example.Test.", type: .txt, data: .txt(TXTRecord(text: "other")))
    resolver.add(name: "example.test", type: .a, data: address)
    resolver.add(name: "_spf.deep.sub.example.test", type: .txt, data: spf)
    resolver.set(DNSQuestion(name: "flaky.test", type: .txt), to: .failure(.serverFailure))
    resolver.set(DNSQuestion(name: "empty.test", type: .mx), to: .success([]))
    resolver.fail(name: "refused.test", with: .refused)
    resolver.fail(name: "slow.test", with: .timeout, includingSubdomains: true)
    return resolver
  }

  struct Case: Sendable, CustomStringConvertible {
    let name: String
    let type: DNSRecordType
    let expected: ResolverOutcome
    let why: String
    var description: String { "\(name) \(type) (\(why))" }
  }

  static let cases: [Case] = [
    Case(
      name: "example.test", type: .txt, expected: .records([spf, .txt(TXTRecord(text: "other"))]),
      why: "records in order added"),
    Case(name: "EXAMPLE.test.", type: .a, expected: .records([address]), why: "case and trailing dot ignored"),
    Case(name: "example.test", type: .mx, expected: .records([]), why: "other type: NODATA"),
    Case(name: "sub.example.test", type: .txt, expected: .records([]), why: "empty non-terminal: NODATA"),
    Case(name: "deep.sub.example.test", type: .a, expected: .records([]), why: "deeper empty non-terminal"),
    Case(name: "test", type: .txt, expected: .records([]), why: "top label is an ancestor"),
    Case(name: "nope.example.test", type: .txt, expected: .error(.nameError), why: "unknown name: NXDOMAIN"),
    Case(name: "x.deep.sub.example.test", type: .txt, expected: .error(.nameError), why: "below a leaf: NXDOMAIN"),
    Case(name: "flaky.test", type: .txt, expected: .error(.serverFailure), why: "stored failure of one question"),
    Case(name: "flaky.test", type: .a, expected: .records([]), why: "other questions at that name: NODATA"),
    Case(name: "empty.test", type: .mx, expected: .records([]), why: "stored empty answer"),
    Case(name: "refused.test", type: .a, expected: .error(.refused), why: "whole-name failure"),
    Case(name: "x.refused.test", type: .a, expected: .error(.nameError), why: "whole-name failure stops at the name"),
    Case(name: "slow.test", type: .txt, expected: .error(.timeout), why: "subtree failure at its apex"),
    Case(name: "a.b.slow.test", type: .txt, expected: .error(.timeout), why: "subtree failure below"),
  ]

  @Test(arguments: cases)
  func answer(_ c: Case) async {
    #expect(await ResolverOutcome(of: Self.fixture, DNSQuestion(name: c.name, type: c.type)) == c.expected)
  }

  @Test func knowsOwnerNamesButNotEmptyNonTerminals() {
    let resolver = Self.fixture
    #expect(resolver.knows(name: "EXAMPLE.TEST"))
    #expect(resolver.knows(name: "refused.test"))
    #expect(resolver.knows(name: "x.slow.test"))
    #expect(!resolver.knows(name: "sub.example.test"))
    #expect(!resolver.knows(name: "nope.test"))
    #expect(resolver.knows(DNSQuestion(name: "example.test", type: .txt)))
    #expect(!resolver.knows(DNSQuestion(name: "example.test", type: .mx)))
  }

  @Test func initFromAnswers() async {
    let question = DNSQuestion(name: "a.b.test", type: .txt)
    let resolver = InMemoryResolver(answers: [question: .success([Self.spf])])
    #expect(await ResolverOutcome(of: resolver, question) == .records([Self.spf]))
    #expect(await ResolverOutcome(of: resolver, DNSQuestion(name: "b.test", type: .txt)) == .records([]))
    #expect(await ResolverOutcome(of: resolver, DNSQuestion(name: "c.test", type: .txt)) == .error(.nameError))
  }

  @Test func addReplacesAStoredFailure() async {
    var resolver = InMemoryResolver()
    let question = DNSQuestion(name: "x.test", type: .a)
    resolver.set(question, to: .failure(.timeout))
    resolver.add(name: "x.test", type: .a, data: Self.address)
    #expect(await ResolverOutcome(of: resolver, question) == .records([Self.address]))
  }
}
