import Testing

@testable import SPFKit

struct PolicyResolverTests {
  /// The tree of `record` published at `name`, resolved from `zone`, and how many questions it sent.
  static func resolve(
    _ record: String, name: String? = "example.com", zone: String,
    limits: PolicyResolver.Limits = .init()
  ) async -> (PolicyTree, Int) {
    let resolver = PolicyResolver(InMemoryResolver(zone: zone), limits: limits)
    let tree = await resolver.tree(of: TXTRecord(text: record), name: name)
    return (tree, await resolver.cache.queriesSent)
  }

  struct Case: Sendable, CustomStringConvertible {
    let record: String
    var name: String? = "example.com"
    var zone = ""
    /// Lookups through the whole tree (RFC 7208 §4.6.4).
    let lookups: Int
    /// Whether every include was read.
    var exact = true
    /// Void lookups for IPv4 and IPv6 clients.
    var voids = (ipv4: 0, ipv6: 0)
    /// Distinct DNS questions sent.
    let queries: Int
    let why: String
    var description: String { why }
  }

  static let hosts = """
    example.com MX mail.example.com
    mail.example.com A 192.0.2.10
    mail.example.com AAAA 2001:db8::10
    example.com A 192.0.2.1
    example.com AAAA 2001:db8::1
    """

  static let counting: [Case] = [
    Case(
      record: "v=spf1 a mx ip4:192.0.2.1 -all", zone: hosts, lookups: 2, queries: 3,
      why: "a and mx count one each; ip4 and all none; the root record is given, not asked"),
    Case(
      record: "v=spf1 include:a.example.net -all",
      zone: hosts + """

        a.example.net TXT v=spf1 include:b.example.org mx:example.com -all
        b.example.org TXT v=spf1 a:mail.example.com ~all
        """,
      lookups: 4, queries: 5, why: "nested includes: each include counts one, plus what its policy uses"),
    Case(
      record: "v=spf1 mx redirect=r.example.net", zone: hosts + "\nr.example.net TXT v=spf1 a:mail.example.com -all",
      lookups: 3, queries: 4, why: "a redirect without all counts and is followed"),
    Case(
      record: "v=spf1 mx -all redirect=r.example.net", zone: hosts + "\nr.example.net TXT v=spf1 a a a -all",
      lookups: 1, queries: 1, why: "a redirect with all is never used: not counted, not asked"),
    Case(
      record: "v=spf1 a -all include:x.example.net mx", zone: hosts, lookups: 1, queries: 2,
      why: "terms after all are never evaluated"),
    Case(
      record: "v=spf1 a exp=explain.example.com -all", zone: hosts, lookups: 1, queries: 2, why: "exp does not count"),
    Case(
      record: "v=spf1 ptr ptr:example.org -all", lookups: 2, queries: 0,
      why: "ptr counts one and asks nothing before a message arrives"),
    Case(
      record: "v=spf1 include:a.example.net include:b.example.net -all",
      zone: hosts + """

        a.example.net TXT v=spf1 include:c.example.net -all
        b.example.net TXT v=spf1 include:c.example.net -all
        c.example.net TXT v=spf1 a:mail.example.com -all
        """,
      lookups: 6, queries: 5,
      why: "a policy reached twice counts twice, as a receiver evaluates it twice, and is asked once"),
    Case(
      record: "v=spf1 mx:mx.example.net -all",
      zone: (1...11).map { "mx.example.net MX m\($0).example.net" }.joined(separator: "\n"), lookups: 1, queries: 1,
      why: "the address lookups behind one mx do not count, and lint does not need them"),
    Case(
      record: "v=spf1 a:mail.%{d} exists:%{d}.x.example.net -all",
      zone: hosts + "\nexample.com.x.example.net A 127.0.0.2", lookups: 2, queries: 3,
      why: "%{d} is the policy's own name: expanded and asked"),
    Case(
      record: "v=spf1 exists:%{i}._spf.example.com a:%{h} -all", lookups: 2, queries: 0,
      why: "macros that need the client or sender are not asked, and still count"),
    Case(
      record: "v=spf1 include:%{ir}.%{v}._spf.example.com -all", lookups: 1, exact: false, queries: 0,
      why: "an include whose target needs the message leaves the count a lower bound"),
    Case(
      record: "v=spf1 a mx -all", name: nil, zone: hosts, lookups: 2, queries: 0,
      why: "without a name a bare a or mx has no target"),
    Case(
      record: "v=spf1 a:nx.example.com mx:txt.example.com exists:nx2.example.com include:gone.example.com -all",
      zone: "txt.example.com TXT hello", lookups: 4, voids: (4, 4), queries: 5,
      why: "NXDOMAIN and no data are void lookups; so is an include target that does not exist"),
    Case(
      record: "v=spf1 a:v4.example.com a:v6.example.com a:both.example.com -all",
      zone: "v4.example.com A 192.0.2.1\nv6.example.com AAAA 2001:db8::1\nboth.example.com A 192.0.2.2\n"
        + "both.example.com AAAA 2001:db8::2",
      lookups: 3, voids: (1, 1), queries: 6, why: "an a term is void for the family its name has no address of"),
    Case(
      record: "v=spf1 include:a.example.net -all",
      zone: "a.example.net TXT v=spf1 include:example.com -all\nexample.com TXT v=spf1 include:a.example.net -all",
      lookups: 2, queries: 1, why: "a loop back to a name on the path is not followed again"),
    Case(
      record: "v=spf1 include:bad.example.net a:mail.example.com -all", zone: hosts + "\nbad.example.net REFUSED",
      lookups: 2, exact: false, queries: 3, why: "a refused include leaves the count a lower bound"),
  ]

  @Test(arguments: counting)
  func counts(_ c: Case) async {
    let (tree, queries) = await Self.resolve(c.record, name: c.name, zone: c.zone)
    #expect(tree.lookupCount() == c.lookups)
    #expect(tree.steps.count == c.lookups, "every counted lookup is one step")
    #expect(tree.isExact() == c.exact)
    #expect(tree.voidSteps(for: .ipv4).count == c.voids.ipv4)
    #expect(tree.voidSteps(for: .ipv6).count == c.voids.ipv6)
    #expect(queries == c.queries)
    #expect(tree.boundsReached.isEmpty)
  }
}

extension PolicyResolverTests {
  struct OutcomeCase: Sendable, CustomStringConvertible {
    let zone: String
    let outcome: PolicyOutcome
    let why: String
    var description: String { why }
  }

  static let outcomes: [OutcomeCase] = [
    OutcomeCase(zone: "", outcome: .noRecord(.nameError), why: "NXDOMAIN"),
    OutcomeCase(
      zone: "t.example.net A 192.0.2.1", outcome: .noRecord(.noTXTRecords), why: "a name without TXT records"),
    OutcomeCase(
      zone: "t.example.net TXT google-site-verification=x", outcome: .noRecord(.noSPFRecord(txtRecords: 1)),
      why: "TXT records, none of them SPF"),
    OutcomeCase(
      zone: "t.example.net TXT v=spf1 -all\nt.example.net TXT v=spf1 ~all", outcome: .multipleRecords(2),
      why: "two SPF records"),
    OutcomeCase(zone: "t.example.net REFUSED", outcome: .failed(.refused), why: "REFUSED"),
    OutcomeCase(zone: "t.example.net SERVFAIL", outcome: .failed(.serverFailure), why: "SERVFAIL"),
    OutcomeCase(zone: "t.example.net TIMEOUT", outcome: .failed(.timeout), why: "timeout"),
    OutcomeCase(
      zone: "t.example.net TXT v=spf1 ip4:1.2.3.04 -all", outcome: .record(TXTRecord(text: ""), syntaxErrors: 1),
      why: "a record with a syntax error is still read"),
  ]

  @Test(arguments: outcomes)
  func includeTargetOutcome(_ c: OutcomeCase) async throws {
    for record in ["v=spf1 include:t.example.net -all", "v=spf1 redirect=t.example.net"] {
      let (tree, _) = await Self.resolve(record, zone: c.zone)
      let child = try #require(tree.root.lookups.first?.child, "\(record)")
      switch (tree.nodes[child].outcome, c.outcome) {
      case (.record(_, let found), .record(_, let expected)): #expect(found == expected, "\(record)")
      case (let found, let expected): #expect(found == expected, "\(record)")
      }
      #expect(tree.nodes[child].name == "t.example.net")
      #expect(tree.nodes[child].parent == LookupReference(node: 0, lookup: 0))
    }
  }

  @Test func loopsAreMarkedAtTheNameThatClosesThem() async throws {
    let zone = "a.example.net TXT v=spf1 include:b.example.net -all\nb.example.net TXT v=spf1 redirect=a.example.net"
    let (tree, _) = await Self.resolve("v=spf1 include:a.example.net -all", zone: zone)
    let loop = try #require(tree.nodes.firstIndex { $0.outcome == .loop })
    #expect(tree.nodes[loop].name == "a.example.net")
    #expect(tree.nodes[loop].depth == 3)
    let step = try #require(tree.steps.last)
    #expect(
      tree.path(to: step) == "example.com → include:a.example.net → include:b.example.net → redirect=a.example.net")
  }

  @Test func mxRecordsAreCountedPerMechanism() async throws {
    let zone = (1...11).map { "big.example.net MX m\($0).example.net" }.joined(separator: "\n")
    let (tree, _) = await Self.resolve("v=spf1 mx:big.example.net -all", zone: zone)
    #expect(tree.root.lookups[0].recordCount(.mx) == 11)
  }

  @Test func skippedTargetsSayWhy() async {
    let (tree, _) = await Self.resolve("v=spf1 exists:%{i}.example.com a:%{d} ptr a:%{d} -all", name: nil, zone: "")
    #expect(tree.root.lookups.map(\.skip) == [.dependsOnMessage("%{i}"), .unknownDomain, .ptr, .unknownDomain])
    #expect(tree.root.lookups.allSatisfy { $0.queries.isEmpty && $0.target == nil })
  }

  @Test func dnsErrorsAreKeptWithTheQuestion() async {
    let (tree, _) = await Self.resolve("v=spf1 a:bad.example.net -all", zone: "bad.example.net SERVFAIL")
    let lookup = tree.root.lookups[0]
    #expect(
      lookup.failures.map(\.question) == [
        DNSQuestion(name: "bad.example.net", type: .a),
        DNSQuestion(name: "bad.example.net", type: .aaaa),
      ])
    #expect(lookup.voidAnswer(for: .ipv4) == nil, "a failure is not a void lookup")
  }

  /// `a.example.net` includes `b...`, which includes `c...`: a chain `length` deep.
  static func chain(_ length: Int) -> String {
    (1...length).map { "l\($0).example.net TXT v=spf1 include:l\($0 + 1).example.net -all" }.joined(separator: "\n")
  }

  @Test func depthIsBounded() async {
    let (tree, _) = await Self.resolve("v=spf1 include:l1.example.net -all", zone: Self.chain(20))
    #expect(tree.boundsReached == [.depth])
    #expect(tree.nodes.map(\.depth).max() == 10)
    #expect(tree.lookupCount() == 11, "the include at depth 10 counts, its target is not read")
    #expect(!tree.isExact())
    #expect(tree.nodes.last?.lookups.first?.skip == .bound(.depth))
  }

  @Test func policiesAndQueriesAreBounded() async {
    let wide = "v=spf1 " + (1...8).map { "include:l\($0).example.net" }.joined(separator: " ") + " -all"
    let (byPolicies, _) = await Self.resolve(wide, zone: Self.chain(9), limits: .init(policies: 4))
    #expect(byPolicies.boundsReached == [.policies])
    #expect(byPolicies.nodes.count == 4)
    let (byQueries, sent) = await Self.resolve(wide, zone: Self.chain(9), limits: .init(queries: 5))
    #expect(byQueries.boundsReached == [.queries])
    #expect(sent == 5)
  }
}
