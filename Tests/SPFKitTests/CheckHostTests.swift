import Foundation
import SPFKitTestSupport
import Testing

@testable import SPFKit

struct CheckHostTests {
  /// One record of a test zone, or `.timeout`: every query of the name times out.
  enum Entry: Sendable {
    case txt(String)
    case a(String)
    case aaaa(String)
    case mx(UInt16, String)
    case ptr(String)
    case timeout
  }

  typealias Zone = [String: [Entry]]

  /// The zone in an in-memory resolver; names not in it are NXDOMAIN.
  static func resolver(_ zone: Zone) -> InMemoryResolver {
    var resolver = InMemoryResolver()
    for (name, entries) in zone {
      for entry in entries {
        switch entry {
        case .txt(let text): resolver.add(name: name, type: .txt, data: .txt(TXTRecord(text: text)))
        case .a(let text): resolver.add(name: name, type: .a, data: .a(IPv4Address(text)!))
        case .aaaa(let text): resolver.add(name: name, type: .aaaa, data: .aaaa(IPv6Address(text)!))
        case .mx(let preference, let host):
          resolver.add(name: name, type: .mx, data: .mx(preference: preference, exchange: host))
        case .ptr(let host): resolver.add(name: name, type: .ptr, data: .ptr(host))
        case .timeout: resolver.fail(name: name, with: .timeout)
        }
      }
    }
    return resolver
  }

  struct Case: Sendable, CustomStringConvertible {
    let zone: Zone
    var ip = "192.0.2.1"
    var sender = "user@example.com"
    var settings = EvaluationSettings()
    let result: SPFResult
    var lookups: Int? = nil
    var voids: Int? = nil
    let why: String
    var description: String { why }
  }

  /// `count` names `h1.example.com`... with an address that never matches the client.
  static func hosts(_ count: Int, prefix: String = "h") -> Zone {
    Dictionary(uniqueKeysWithValues: (1...max(count, 1)).map { ("\(prefix)\($0).example.com", [.a("198.51.100.9")]) })
  }

  /// `a:h1.example.com a:h2.example.com ...`
  static func aTerms(_ count: Int, prefix: String = "h") -> String {
    (1...count).map { "a:\(prefix)\($0).example.com" }.joined(separator: " ")
  }

  static func zone(_ record: String, _ more: Zone = [:]) -> Zone {
    more.merging(["example.com": [.txt(record)]]) { $0 + $1 }
  }

  static let lookupLimit: [Case] = [
    Case(
      zone: zone("v=spf1 \(aTerms(10)) ip4:192.0.2.1 -all", hosts(10)), result: .pass, lookups: 10,
      why: "10 DNS-querying terms are allowed"),
    Case(
      zone: zone("v=spf1 \(aTerms(11)) ip4:192.0.2.1 -all", hosts(11)), result: .permerror, lookups: 11,
      why: "the 11th DNS-querying term is a permerror"),
    Case(
      zone: zone("v=spf1 \(aTerms(11)) ip4:192.0.2.1 -all", hosts(11)),
      settings: EvaluationSettings(lookupLimit: 20), result: .pass, lookups: 11,
      why: "a raised limit evaluates past 10 and still counts"),
    Case(
      zone: zone("v=spf1 \(aTerms(10)) ip4:192.0.2.1 -all", hosts(10)),
      settings: EvaluationSettings(lookupLimit: 5), result: .permerror, lookups: 6, why: "a lowered limit"),
    Case(
      zone: zone(
        "v=spf1 include:inc.example.com ip4:192.0.2.1 -all",
        hosts(9).merging(["inc.example.com": [.txt("v=spf1 \(aTerms(9)) -all")]]) { $1 }),
      result: .pass, lookups: 10, why: "an include counts one plus the terms of its record"),
    Case(
      zone: zone(
        "v=spf1 include:inc.example.com ip4:192.0.2.1 -all",
        hosts(10).merging(["inc.example.com": [.txt("v=spf1 \(aTerms(10)) -all")]]) { $1 }),
      result: .permerror, lookups: 11, why: "the limit spans includes"),
    Case(
      zone: zone(
        "v=spf1 \(aTerms(9)) redirect=r.example.com",
        hosts(9).merging(["r.example.com": [.txt("v=spf1 ip4:192.0.2.1 -all")]]) { $1 }),
      result: .pass, lookups: 10, why: "a redirect counts one"),
    Case(
      zone: zone(
        "v=spf1 \(aTerms(10)) redirect=r.example.com",
        hosts(10).merging(["r.example.com": [.txt("v=spf1 ip4:192.0.2.1 -all")]]) { $1 }),
      result: .permerror, lookups: 11, why: "a redirect past the limit is a permerror"),
    Case(
      zone: zone("v=spf1 \(aTerms(10)) redirect=r.example.com ?all", hosts(10)), result: .neutral, lookups: 10,
      why: "with 'all' the redirect is never used, so never counted"),
    Case(
      zone: zone("v=spf1 ip4:198.51.100.0/24 ip6:2001:db8::/32 -all"), result: .fail, lookups: 0,
      why: "ip4, ip6 and all query nothing"),
    Case(
      zone: zone(
        "v=spf1 mx -all",
        [
          "example.com": [.mx(10, "m1.example.com"), .mx(20, "m2.example.com"), .mx(30, "m3.example.com")],
          "m1.example.com": [.a("198.51.100.1")], "m2.example.com": [.a("198.51.100.2")],
          "m3.example.com": [.a("192.0.2.1")],
        ]), result: .pass, lookups: 1, why: "the address lookups behind one mx do not count"),
    Case(
      zone: zone(
        "v=spf1 \(aTerms(10)) -all exp=why.example.com",
        hosts(10).merging(["why.example.com": [.txt("no")]]) { $1 }),
      result: .fail, lookups: 10, why: "exp does not count"),
    Case(
      zone: zone("v=spf1 redirect=example.com"), settings: EvaluationSettings(lookupLimit: 1000),
      result: .permerror, lookups: 1, why: "a redirect loop stops even without the limit"),
  ]

  static let voidLookups: [Case] = [
    Case(
      zone: zone("v=spf1 a:nx1.example.com a:nx2.example.com ip4:192.0.2.1 -all"), result: .pass, voids: 2,
      why: "two void lookups are allowed"),
    Case(
      zone: zone("v=spf1 a:nx1.example.com a:nx2.example.com a:nx3.example.com ip4:192.0.2.1 -all"),
      result: .permerror, voids: 3, why: "the third void lookup is a permerror"),
    Case(
      zone: zone(
        "v=spf1 a:e1.example.com mx:e2.example.com exists:e3.example.com ip4:192.0.2.1 -all",
        [
          "e1.example.com": [.txt("x")], "e2.example.com": [.a("192.0.2.1")], "e3.example.com": [.aaaa("2001:db8::1")],
        ]), result: .permerror, voids: 3, why: "no records of the type (NODATA) is void too"),
    Case(
      zone: zone("v=spf1 a:nx1.example.com a:nx2.example.com a:nx3.example.com ip4:192.0.2.1 -all"),
      settings: EvaluationSettings(voidLookupLimit: 5), result: .pass, voids: 3, why: "the void limit is a setting"),
    Case(
      zone: zone("v=spf1 a:nx1.example.com a:nx2.example.com -all exp=nx3.example.com"), result: .fail, voids: 2,
      why: "a void exp lookup is not counted"),
    Case(
      zone: zone("v=spf1 a:mail.example...com ip4:192.0.2.1 -all"), result: .pass, voids: 1,
      why: "a target with an empty label is treated as a name that does not exist"),
  ]

  static let semantics: [Case] = [
    Case(
      zone: zone("v=spf1 -include:i.example.com +all", ["i.example.com": [.txt("v=spf1 ip4:192.0.2.1 -all")]]),
      result: .fail, why: "include matches when the included policy passes; the qualifier applies"),
    Case(
      zone: zone("v=spf1 include:i.example.com ~all", ["i.example.com": [.txt("v=spf1 -all")]]),
      result: .softfail, why: "an included fail does not match"),
    Case(
      zone: zone("v=spf1 include:i.example.com -all", ["i.example.com": [.txt("v=spf1 ~all")]]),
      result: .fail, why: "an included softfail does not match"),
    Case(
      zone: zone("v=spf1 include:i.example.com -all", ["i.example.com": [.txt("v=spf1 ?all")]]),
      result: .fail, why: "an included neutral does not match"),
    Case(
      zone: zone("v=spf1 include:i.example.com -all", ["i.example.com": [.txt("not spf")]]),
      result: .permerror, why: "an include target without a record is a permerror"),
    Case(
      zone: zone("v=spf1 include:i.example.com -all", ["i.example.com": [.timeout]]),
      result: .temperror, why: "an included temperror propagates"),
    Case(
      zone: zone("v=spf1 ?include:i.example.com -all", ["i.example.com": [.txt("v=spf1 ipv4:192.0.2.1")]]),
      result: .permerror, why: "an included permerror propagates whatever the qualifier"),
    Case(
      zone: zone("v=spf1 redirect=r.example.com", ["r.example.com": [.txt("v=spf1 a -all"), .a("192.0.2.1")]]),
      result: .pass, why: "redirect evaluates the target with the target as <domain>"),
    Case(
      zone: zone("v=spf1 redirect=r.example.com"), result: .permerror,
      why: "a redirect target without a record is a permerror"),
    Case(
      zone: zone("v=spf1 ip4:192.0.2.1 redirect=r.example.com"), result: .pass,
      why: "redirect is not used when a mechanism matched"),
    Case(
      zone: zone("v=spf1 ip4:192.0.2.1 -all moo"), result: .permerror,
      why: "a syntax error anywhere is a permerror even after a match"),
    Case(
      zone: zone("v=spf1 -all redirect=a.example.com redirect=b.example.com"), result: .permerror,
      why: "redirect twice is a permerror"),
    Case(
      zone: ["example.com": [.txt("v=spf1 -all"), .txt("v=spf1 +all")]], result: .permerror,
      why: "two SPF records are a permerror"),
    Case(
      zone: ["example.com": [.txt("v=spf10 +all"), .txt("other")]], result: .none,
      why: "no selected record is none"),
    Case(zone: [:], result: .none, why: "NXDOMAIN is none"),
    Case(zone: ["example.com": [.timeout]], result: .temperror, why: "a failed TXT lookup is a temperror"),
    Case(
      zone: zone("v=spf1 a:t.example.com -all", ["t.example.com": [.timeout]]), result: .temperror,
      why: "a DNS error in a mechanism is a temperror"),
    Case(
      zone: zone("v=spf1 -all"), sender: "user@localhost", result: .none,
      why: "a single-label domain is none (§4.3)"),
    Case(zone: zone("v=spf1 -all"), sender: "user@[192.0.2.1]", result: .none, why: "a domain literal is none (§4.3)"),
    Case(
      zone: zone("v=spf1 -ip4:192.0.2.1 ip6:::ffff:192.0.2.1 +all"), ip: "::ffff:192.0.2.1", result: .fail,
      why: "an IPv4-mapped client matches ip4"),
    Case(
      zone: zone("v=spf1 ip6:::ffff:0:0/96 -all"), ip: "::ffff:192.0.2.1", result: .fail,
      why: "an IPv4-mapped client does not match ip6"),
    Case(
      zone: zone("v=spf1 a/24 -all", ["example.com": [.a("192.0.2.200")]]), result: .pass,
      why: "a with an IPv4 prefix length"),
    Case(
      zone: zone("v=spf1 a//64 -all", ["example.com": [.a("192.0.2.1"), .aaaa("2001:db8::1")]]),
      ip: "2001:db8::ffff", result: .pass, why: "a with an IPv6 prefix length"),
    Case(
      zone: zone("v=spf1 exists:%{ir}.bl.example.com -all", ["1.2.0.192.bl.example.com": [.a("127.0.0.2")]]),
      result: .pass, why: "exists with a macro"),
  ]

  static let mxAndPTR: [Case] = [
    Case(
      zone: zone("v=spf1 mx -all", mxHosts(10, matching: 10)), result: .pass, lookups: 1,
      why: "10 MX names are looked up"),
    Case(
      zone: zone("v=spf1 mx -all", mxHosts(11, matching: 1)), result: .permerror,
      why: "more than 10 MX names is a permerror even when the first matches"),
    Case(
      zone: zone("v=spf1 mx -all", mxHosts(11, matching: 1)), settings: EvaluationSettings(mxNameLimit: 20),
      result: .pass, why: "the MX name limit is a setting"),
    Case(
      zone: zone("v=spf1 mx ?all", ["example.com": [.mx(0, ".")]]), result: .neutral,
      why: "a null MX has no addresses"),
    Case(
      zone: zone("v=spf1 mx -all", ["example.com": [.mx(0, "m.example.com")], "m.example.com": [.timeout]]),
      result: .temperror, why: "a DNS error on an MX host is a temperror"),
    Case(zone: ptrZone(names: 10, validated: 10), result: .pass, lookups: 1, why: "the 10th PTR name is checked"),
    Case(zone: ptrZone(names: 11, validated: 11), result: .neutral, why: "PTR names past the 10th are ignored"),
    Case(
      zone: ptrZone(names: 11, validated: 11), settings: EvaluationSettings(ptrNameLimit: 11), result: .pass,
      why: "the PTR name limit is a setting"),
    Case(
      zone: zone("v=spf1 ptr ?all", ["1.2.0.192.in-addr.arpa": [.ptr("x.example.com")]]), result: .neutral,
      why: "a PTR name without matching addresses is not validated"),
    Case(
      zone: zone("v=spf1 ptr ?all", ["1.2.0.192.in-addr.arpa": [.timeout]]), result: .neutral,
      why: "a failed PTR lookup does not match and is no temperror (§5.5)"),
  ]

  /// An MX set of `count` hosts; host number `matching` has the client's address.
  static func mxHosts(_ count: Int, matching: Int) -> Zone {
    var zone: Zone = ["example.com": (1...count).map { .mx(UInt16($0), "m\($0).example.com") }]
    for index in 1...count { zone["m\(index).example.com"] = [.a(index == matching ? "192.0.2.1" : "198.51.100.9")] }
    return zone
  }

  /// `v=spf1 ptr ?all` with `names` PTR names for 192.0.2.1; name number `validated` resolves back.
  static func ptrZone(names: Int, validated: Int) -> Zone {
    var zone = zone("v=spf1 ptr ?all", ["1.2.0.192.in-addr.arpa": (1...names).map { .ptr("p\($0).example.com") }])
    for index in 1...names { zone["p\(index).example.com"] = [.a(index == validated ? "192.0.2.1" : "198.51.100.9")] }
    return zone
  }

  @Test(arguments: lookupLimit + voidLookups + semantics + mxAndPTR)
  func result(_ c: Case) async throws {
    let outcome = try await Self.check(c)
    #expect(outcome.result == c.result, "\(c.why): \(outcome.reason)")
    if let lookups = c.lookups { #expect(outcome.trace.lookupCount == lookups, "\(c.why)") }
    if let voids = c.voids { #expect(outcome.trace.voidLookupCount == voids, "\(c.why)") }
  }

  struct ExplanationCase: Sendable, CustomStringConvertible {
    let zone: Zone
    var sender = "user@example.com"
    var settings = EvaluationSettings(defaultExplanation: "DEFAULT")
    let result: SPFResult
    let explanation: String?
    let why: String
    var description: String { why }
  }

  static let explanations: [ExplanationCase] = [
    ExplanationCase(
      zone: zone(
        "v=spf1 -all exp=why.example.com",
        ["why.example.com": [.txt("%{i} may not send for %{d} (%{l})")]]),
      result: .fail, explanation: "192.0.2.1 may not send for example.com (user)",
      why: "a fail fetches and expands the exp text"),
    ExplanationCase(
      zone: zone("v=spf1 -all exp=why.example.com", ["why.example.com": [.txt("%{c} at %{r}")]]),
      result: .fail, explanation: "192.0.2.1 at mx.example.org",
      why: "explanation text may use c, r and t"),
    ExplanationCase(
      zone: zone("v=spf1 -all exp=why.example.com", ["why.example.com": [.txt("%{l}")]]),
      sender: "@example.com", result: .fail, explanation: "postmaster",
      why: "an empty local-part is postmaster (§4.3)"),
    ExplanationCase(
      zone: zone("v=spf1 ~all exp=why.example.com", ["why.example.com": [.txt("text")]]),
      result: .softfail, explanation: nil, why: "only a fail has an explanation"),
    ExplanationCase(
      zone: zone(
        "v=spf1 -all exp=why.example.com",
        ["why.example.com": [.txt("one"), .txt("two")]]),
      result: .fail, explanation: "DEFAULT", why: "two TXT records: the exp is ignored"),
    ExplanationCase(
      zone: zone("v=spf1 -all exp=why.example.com", ["why.example.com": [.txt("bad %{x}")]]),
      result: .fail, explanation: "DEFAULT", why: "a syntax error in the text: the exp is ignored"),
    ExplanationCase(
      zone: zone("v=spf1 -all exp=why.example.com", ["why.example.com": [.timeout]]),
      result: .fail, explanation: "DEFAULT", why: "a DNS error: the exp is ignored"),
    ExplanationCase(
      zone: zone("v=spf1 -all"), settings: EvaluationSettings(defaultExplanation: "%{i} failed %{d}"),
      result: .fail, explanation: "192.0.2.1 failed example.com",
      why: "the default explanation is expanded"),
    ExplanationCase(
      zone: zone("v=spf1 -all"), settings: EvaluationSettings(), result: .fail, explanation: nil,
      why: "no default explanation by default"),
    ExplanationCase(
      zone: zone(
        "v=spf1 include:i.example.com -all exp=outer.example.com",
        [
          "i.example.com": [.txt("v=spf1 -all exp=inner.example.com")], "inner.example.com": [.txt("inner")],
          "outer.example.com": [.txt("outer")],
        ]), result: .fail, explanation: "outer", why: "the exp of an included record is never used"),
    ExplanationCase(
      zone: zone(
        "v=spf1 exp=outer.example.com redirect=r.example.com",
        [
          "r.example.com": [.txt("v=spf1 -all exp=target.example.com")], "target.example.com": [.txt("for %{d}")],
          "outer.example.com": [.txt("outer")],
        ]), result: .fail, explanation: "for r.example.com", why: "after a redirect the target's exp is used"),
    ExplanationCase(
      zone: zone(
        "v=spf1 exp=outer.example.com redirect=r.example.com",
        [
          "r.example.com": [.txt("v=spf1 -all")], "outer.example.com": [.txt("outer")],
        ]), result: .fail, explanation: "DEFAULT", why: "the exp of the redirecting record is not used"),
    ExplanationCase(
      zone: zone("v=spf1 -all exp=why.example.com", ["why.example.com": [.txt("fine")]]),
      settings: EvaluationSettings(fetchesExplanation: false, defaultExplanation: "DEFAULT"),
      result: .fail, explanation: "DEFAULT", why: "fetching exp can be turned off"),
  ]

  @Test(arguments: explanations)
  func explanation(_ c: ExplanationCase) async throws {
    let evaluator = SPFEvaluator(resolver: Self.resolver(c.zone), settings: c.settings)
    let request = CheckHostRequest.mailFrom(
      c.sender, clientIP: try #require(IPAddress("192.0.2.1")),
      helo: "helo.example.net", receiver: "mx.example.org")
    let outcome = await evaluator.checkHost(request)
    #expect(outcome.result == c.result, "\(c.why): \(outcome.reason)")
    #expect(outcome.explanation == c.explanation, "\(c.why)")
  }

  @Test func traceNamesEachTermAndTheDecidingOne() async throws {
    let zone = Self.zone(
      "v=spf1 ip4:198.51.100.0/24 include:i.example.com -all",
      [
        "i.example.com": [.txt("v=spf1 a:nx.example.com ip4:192.0.2.0/24 -all")]
      ])
    let outcome = try await Self.check(Case(zone: zone, result: .pass, why: "trace"))
    let trace = outcome.trace
    let summary = trace.steps.map { "\($0.depth) \($0.domain) \($0.term ?? "-") \($0.outcome.status)" }
    #expect(
      summary == [
        "0 example.com - selected",
        "0 example.com ip4:198.51.100.0/24 not-matched",
        "0 example.com include:i.example.com matched",
        "1 i.example.com - selected",
        "1 i.example.com a:nx.example.com not-matched",
        "1 i.example.com ip4:192.0.2.0/24 matched",
      ])
    #expect(trace.deciding?.term == "include:i.example.com")
    #expect(trace.steps.map(\.lookupCount) == [0, 0, 1, 1, 2, 2])
    #expect(trace.steps[4].voidLookups == 1 && trace.steps[4].target == "nx.example.com")
    #expect(outcome.result == .pass && trace.lookupCount == 2 && trace.voidLookupCount == 1)
  }

  @Test func traceOfAnErrorNamesTheTermAndWhy() async throws {
    let outcome = try await Self.check(
      Case(
        zone: Self.zone("v=spf1 \(Self.aTerms(11)) -all", Self.hosts(11)),
        result: .permerror, why: "trace"))
    let deciding = try #require(outcome.trace.deciding)
    #expect(deciding.term == "a:h11.example.com")
    #expect(
      deciding.outcome
        == .error(
          .permerror,
          detail: "'a:h11.example.com' is DNS lookup 11: the limit is 10 "
            + "(RFC 7208 §4.6.4)"))
    #expect(outcome.reason == deciding.outcome.detail)
  }

  @Test func queriesAreCachedAndCountedApartFromLookups() async throws {
    let zone = Self.zone(
      "v=spf1 a:m.example.com mx:example.com include:i.example.com include:i.example.com -all",
      [
        "example.com": [.mx(10, "m.example.com")], "m.example.com": [.a("198.51.100.1")],
        "i.example.com": [.txt("v=spf1 ?all")],
      ])
    let outcome = try await Self.check(Case(zone: zone, result: .fail, why: "cache"))
    #expect(outcome.result == .fail)
    #expect(outcome.trace.lookupCount == 4, "every DNS-querying term counts, even a repeated one")
    // TXT example.com, A m.example.com, MX example.com, TXT i.example.com: the repeats come from the cache.
    #expect(outcome.trace.queryCount == 4)
  }

  @Test func resultEncodesAsJSON() async throws {
    let outcome = try await Self.check(Case(zone: Self.zone("v=spf1 -all"), result: .fail, why: "json"))
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let json = String(decoding: try encoder.encode(outcome), as: UTF8.self)
    #expect(
      json == #"{"reason":"'-all' matched at example.com","result":"fail","trace":{"decidingStep":1,"#
        + #""lookupCount":0,"lookupLimit":10,"queryCount":1,"steps":[{"depth":0,"domain":"example.com","lookupCount":0,"#
        + #""lookups":0,"outcome":{"detail":"v=spf1 -all","status":"selected"},"voidLookupCount":0,"voidLookups":0},"#
        + #"{"depth":0,"domain":"example.com","lookupCount":0,"lookups":0,"outcome":{"detail":"'all' matches every "#
        + #"client","result":"fail","status":"matched"},"term":"-all","voidLookupCount":0,"voidLookups":0}],"#
        + #""voidLookupCount":0,"voidLookupLimit":2}}"#)
  }

  /// Random policies over a small zone: evaluation never traps, always ends, stays within its limits,
  /// and its trace is consistent.
  @Test func randomPoliciesEndWithinLimits() async throws {
    var random = SplitMix64(seed: 7208)
    let vocabulary = [
      "a", "mx", "ptr", "-all", "~all", "?all", "include:n1.example.com", "include:n2.example.com",
      "include:%{d2}", "redirect=n3.example.com", "redirect=%{o}", "exists:%{i}.n4.example.com",
      "a:%{l}.n5.example.com/24", "ip4:192.0.2.0/24", "ip6:2001:db8::/32", "exp=n6.example.com",
      "mx:n2.example.com//64", "ptr:%{p}", "a:%{h}", "exists:%{ir}.%{v}.%{d}", "include:n1..com", "%{",
      "exists:%{L10r-}.%{S}.%{P}.example.com", "moo=%{d}", "a/0", "mx:n9.example.com",
    ]
    for iteration in 0..<300 {
      var zone: Zone = [:]
      for index in 1...9 {
        let count = Int(random.next() % 7)
        let terms = (0..<count).map { _ in vocabulary[Int(random.next() % UInt64(vocabulary.count))] }
        var entries: [Entry] = [.txt((["v=spf1"] + terms).joined(separator: " "))]
        if random.next() % 3 == 0 { entries.append(.a("192.0.2.\(random.next() % 4)")) }
        if random.next() % 4 == 0 { entries.append(.mx(10, "n\(random.next() % 9 + 1).example.com")) }
        if random.next() % 9 == 0 { entries = [.timeout] }
        zone["n\(index).example.com"] = entries
      }
      zone["1.2.0.192.in-addr.arpa"] = [.ptr("n\(random.next() % 9 + 1).example.com")]
      let ips = ["192.0.2.1", "2001:db8::1", "::ffff:192.0.2.1"]
      let senders = ["user@n1.example.com", "@n2.example.com", "a-b+c@n3.example.com", "", "x@[1.2.3.4]"]
      let limit = [0, 1, 10, 1000][Int(random.next() % 4)]
      let settings = EvaluationSettings(lookupLimit: limit, defaultExplanation: "%{i} %{x}")
      let evaluator = SPFEvaluator(resolver: Self.resolver(zone), settings: settings)
      let request = CheckHostRequest.mailFrom(
        senders[Int(random.next() % 5)],
        clientIP: IPAddress(ips[Int(random.next() % 3)])!,
        helo: "n\(random.next() % 9 + 1).example.com")
      let outcome = await evaluator.checkHost(request)
      let trace = outcome.trace
      #expect(trace.lookupCount <= limit + 1, "iteration \(iteration)")
      #expect(trace.voidLookupCount <= settings.voidLookupLimit + 1, "iteration \(iteration)")
      #expect(trace.decidingStep.map { trace.steps.indices.contains($0) } ?? true, "iteration \(iteration)")
      #expect(outcome.explanation == nil || outcome.result == .fail, "iteration \(iteration)")
      #expect(trace.steps.allSatisfy { $0.depth <= EvaluationRun.maximumNesting }, "iteration \(iteration)")
    }
  }

  static func check(_ c: Case) async throws -> CheckHostResult {
    let ip = try #require(IPAddress(c.ip))
    let evaluator = SPFEvaluator(resolver: Self.resolver(c.zone), settings: c.settings)
    return await evaluator.checkHost(.mailFrom(c.sender, clientIP: ip, helo: "helo.example.net"))
  }
}
