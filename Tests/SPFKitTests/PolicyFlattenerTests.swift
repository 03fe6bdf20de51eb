import Testing

@testable import SPFKit

struct PolicyFlattenerTests {
  typealias Zone = CheckHostTests.Zone

  /// A provider of two nested records: 192.0.2.0/24 and 198.51.100.0/24, 2001:db8::/32; 3 lookups.
  static let esp: Zone = [
    "_spf.esp.net": [.txt("v=spf1 include:_a.esp.net include:_b.esp.net ~all")],
    "_a.esp.net": [.txt("v=spf1 ip4:192.0.2.0/25 ip6:2001:db8::/33 -all")],
    "_b.esp.net": [.txt("v=spf1 ip4:192.0.2.128/25 ip4:198.51.100.0/24 ip6:2001:db8:8000::/33 -all")],
  ]

  /// `example.com` publishing `record`, the provider, and `more`.
  static func zone(_ record: String, _ more: Zone = [:]) -> Zone {
    esp.merging(["example.com": [.txt(record)]]) { $0 + $1 }.merging(more) { $0 + $1 }
  }

  struct Case: Sendable, CustomStringConvertible {
    let zone: Zone
    var keep: [String] = []
    var flattenAMX = false
    var lookupLimit = 10
    var maxLength = 255
    var widening = WideningLimit()
    /// The records (`NAME TEXT` when there are several), or the refusal's message.
    let expected: [String]
    var before: Int? = nil
    var after: Int? = nil
    /// `TERM: REASON` for each kept term.
    var kept: [String] = []
    var watched: [String]? = nil
    var notes: [String]? = nil
    let why: String
    var description: String { why }
  }

  static let provider = "ip4:192.0.2.0/24 ip4:198.51.100.0/24 ip6:2001:db8::/32"

  static let cases: [Case] = [
    Case(
      zone: zone("v=spf1 include:_spf.esp.net -all"), expected: ["v=spf1 \(provider) -all"], before: 3, after: 0,
      watched: ["_spf.esp.net", "_a.esp.net", "_b.esp.net"],
      why: "nested includes become their pass set, aggregated; the provider's ~all is no pass"),
    Case(
      zone: zone("v=spf1 ip6:2001:db8:1::/48 ip4:203.0.113.5 include:_spf.esp.net ~all"),
      expected: ["v=spf1 ip4:192.0.2.0/24 ip4:198.51.100.0/24 ip4:203.0.113.5 ip6:2001:db8::/32 ~all"],
      why: "ip6 covered by the provider's /32 merges into it; ~all kept"),
    Case(
      zone: zone("v=spf1 -ip4:192.0.2.0/26 include:_spf.esp.net ~all"),
      expected: [
        "v=spf1 -ip4:192.0.2.0/26 ip4:192.0.2.64/26 ip4:192.0.2.128/25 ip4:198.51.100.0/24 "
          + "ip6:2001:db8::/32 ~all"
      ],
      why: "'-ip4' before an include decides its addresses first: the include gets the rest"),
    Case(
      zone: zone("v=spf1 -ip4:192.0.2.0/26 include:_spf.esp.net -all"),
      expected: ["v=spf1 ip4:192.0.2.64/26 ip4:192.0.2.128/25 ip4:198.51.100.0/24 ip6:2001:db8::/32 -all"],
      notes: ["1 '-' network left out: '-all' gives it the same result"],
      why: "networks whose result the ending gives anyway need no term when nothing is kept"),
    Case(
      zone: zone("v=spf1 include:_spf.esp.net -ip4:192.0.2.0/26 ~all"), expected: ["v=spf1 \(provider) ~all"],
      why: "'-ip4' after an include that covers it never decides anything"),
    Case(
      zone: zone(
        "v=spf1 ip4:203.0.113.1 redirect=_r.esp.net",
        ["_r.esp.net": [.txt("v=spf1 -ip4:198.51.100.0/24 ip4:198.51.100.0/23 exp=why.esp.net ?all")]]),
      expected: ["v=spf1 -ip4:198.51.100.0/24 ip4:198.51.101.0/24 ip4:203.0.113.1 ?all exp=why.esp.net"],
      before: 1, after: 0, watched: ["_r.esp.net"],
      why: "redirect applies the target's policy to what is left, with its all and exp"),
    Case(
      zone: zone("v=spf1 include:_soft.esp.net -all", ["_soft.esp.net": [.txt("v=spf1 ip4:192.0.2.1 ~all")]]),
      expected: ["v=spf1 ip4:192.0.2.1 -all"], why: "a provider's ~all matches nothing of an include"),
    Case(
      zone: zone("v=spf1 include:_all.esp.net -all", ["_all.esp.net": [.txt("v=spf1 -ip4:0.0.0.0/1 +all")]]),
      expected: ["v=spf1 ip4:128.0.0.0/1 ip6:::/0 -all"], why: "a provider's +all passes what it did not fail"),
    Case(
      zone: zone("v=spf1 include:_spf.esp.net exists:%{i}._spf.example.com -all"),
      expected: ["v=spf1 \(provider) exists:%{i}._spf.example.com -all"], before: 4, after: 1,
      kept: [
        "exists:%{i}._spf.example.com: 'exists:%{i}._spf.example.com' at 'example.com' depends on the client: "
          + "it matches no fixed networks"
      ],
      why: "exists is kept in place"),
    Case(
      zone: zone(
        "v=spf1 include:_x.esp.net -all", ["_x.esp.net": [.txt("v=spf1 ip4:192.0.2.1 exists:%{i}.x.esp.net -all")]]),
      expected: ["v=spf1 include:_x.esp.net -all"], before: 2, after: 2,
      kept: [
        "include:_x.esp.net: 'exists:%{i}.x.esp.net' at '_x.esp.net' depends on the client: it matches no "
          + "fixed networks"
      ], watched: [],
      why: "an include whose record uses exists is kept, with its lookups"),
    Case(
      zone: zone("v=spf1 include:_spf.%{d2} include:_spf.esp.net -all"),
      expected: ["v=spf1 \(provider) include:_spf.%{d2} -all"], after: 1,
      kept: [
        "include:_spf.%{d2}: 'include:_spf.%{d2}' at 'example.com' holds macros: its target depends on the message"
      ],
      why: "an include with a macro is kept; the networks before it have its qualifier"),
    Case(
      zone: zone(
        "v=spf1 include:_spf.esp.net include:_c.esp.net -all",
        ["_c.esp.net": [.txt("v=spf1 ip4:203.0.113.0/24 -all")]]), keep: ["_C.esp.net.", "_d.esp.net"],
      expected: ["v=spf1 \(provider) include:_c.esp.net -all"], before: 4, after: 1,
      kept: ["include:_c.esp.net: '_c.esp.net' is named by '--keep-include'"],
      notes: ["'_d.esp.net' is kept on request but no include or redirect in the tree names it"],
      why: "--keep-include keeps a top-level include (names folded) though it could be flattened"),
    Case(
      zone: zone("v=spf1 include:_spf.esp.net -all"), keep: ["_a.esp.net"],
      expected: ["v=spf1 include:_spf.esp.net -all"], before: 3, after: 3,
      kept: ["include:_spf.esp.net: '_a.esp.net' is named by '--keep-include'"],
      why: "--keep-include of a nested target keeps the top-level include leading to it"),
    Case(
      zone: zone("v=spf1 a mx:example.com/24 -all", addresses), flattenAMX: true,
      expected: ["v=spf1 ip4:192.0.2.10 ip4:198.51.100.0/24 ip6:2001:db8::10 ip6:2001:db8::25 -all"],
      before: 2, after: 0, watched: ["example.com", "mail.example.com"],
      why: "--flatten-a-mx: a and mx become their addresses, with their dual CIDR (/24 for IPv4 only)"),
    Case(
      zone: zone("v=spf1 a mx -all", addresses), expected: ["v=spf1 a mx -all"], before: 2, after: 2,
      kept: [
        "a: 'a' at 'example.com' needs '--flatten-a-mx' to become networks",
        "mx: 'mx' at 'example.com' needs '--flatten-a-mx' to become networks",
      ],
      why: "without --flatten-a-mx, a and mx stay"),
    Case(
      zone: zone("v=spf1 include:_loop.esp.net -all", ["_loop.esp.net": [.txt("v=spf1 include:example.com -all")]]),
      expected: ["v=spf1 include:_loop.esp.net -all"], before: 2, after: 2,
      kept: ["include:_loop.esp.net: loop example.com -> _loop.esp.net -> example.com"],
      why: "an include that loops back is kept: check_host gives permerror there"),
    Case(
      zone: zone("v=spf1 include:_spf.esp.net include:_gone.esp.net -all"),
      expected: ["v=spf1 \(provider) include:_gone.esp.net -all"], after: 1,
      kept: ["include:_gone.esp.net: '_gone.esp.net' gives none: no SPF record at '_gone.esp.net': NXDOMAIN"],
      why: "an include without a record stays (a permerror for what reaches it)"),
    Case(
      zone: zone("v=spf1 include:_spf.esp.net exists:a.%{i}.x exists:b.%{i}.x exists:c.%{i}.x -all"),
      lookupLimit: 2,
      expected: [
        "the flattened policy needs 3 DNS lookups (3 in its records, 0 through kept terms): the limit is 2 "
          + "(RFC 7208 §4.6.4)"
      ],
      why: "over the lookup limit: refused"),
    Case(
      zone: zone("v=spf1 include:_ten.esp.net -all", tenHosts), keep: ["_ten.esp.net"],
      expected: [
        "the flattened policy needs 11 DNS lookups (1 in its records, 10 through kept terms): the limit is 10 "
          + "(RFC 7208 §4.6.4)"
      ],
      why: "a kept include keeps every lookup of its tree"),
    Case(
      zone: zone("v=spf1 -exists:%{i}.bl.example.com include:_spf.esp.net -all"),
      expected: [
        "'include:_spf.esp.net' would move before '-exists:%{i}.bl.example.com', which has another "
          + "qualifier: the flattened record puts ip4/ip6 first, then a, mx, include, exists, ptr, and that would "
          + "change results"
      ],
      why: "a kept non-pass term before flattened pass networks: refused rather than wrong"),
    Case(
      zone: zone("v=spf1 -include:_spf.%{d} ?a -all"),
      expected: [
        "'?a' would move before '-include:_spf.%{d}', which has another qualifier: the flattened record "
          + "puts ip4/ip6 first, then a, mx, include, exists, ptr, and that would change results"
      ],
      why: "kept terms that rule 2 would swap, with different qualifiers: refused"),
    Case(
      zone: ["example.org": [.txt("v=spf1 -all")]],
      expected: ["'example.com' has no policy to flatten (none): no SPF record at 'example.com': NXDOMAIN"],
      why: "a domain without a record"),
    Case(
      zone: zone("v=spf1 include:_spf.esp.net -all"), maxLength: 64,
      expected: [
        "example.com v=spf1 ip4:192.0.2.0/24 include:_spf1.example.com -all",
        "_spf1.example.com v=spf1 ip4:198.51.100.0/24 ip6:2001:db8::/32 -all",
      ],
      before: 3, after: 1, why: "a record over --max-length is packed into an include chain, which costs a lookup"),
    Case(
      zone: zone("v=spf1 include:_w.esp.net -all", ["_w.esp.net": [.txt("v=spf1 ip4:192.0.2.1 ip4:192.0.2.7 -all")]]),
      widening: WideningLimit(ipv4: 24), expected: ["v=spf1 ip4:192.0.2.0/29 -all"],
      notes: [], why: "--widen widens the flattened + blocks as generate does"),
  ]

  static let addresses: Zone = [
    "example.com": [.a("192.0.2.10"), .aaaa("2001:db8::10"), .mx(10, "mail.example.com")],
    "mail.example.com": [.a("198.51.100.7"), .aaaa("2001:db8::25")],
  ]

  static let tenHosts: Zone = CheckHostTests.hosts(10).merging(
    ["_ten.esp.net": [.txt("v=spf1 \(CheckHostTests.aTerms(10)) -all")]]) { $0 + $1 }

  @Test(arguments: cases)
  func flatten(_ c: Case) async {
    let options = FlattenOptions(
      domain: "example.com", keptIncludes: c.keep, lookupLimit: c.lookupLimit, flattensAddressMechanisms: c.flattenAMX,
      maxLength: c.maxLength, widening: c.widening)
    do {
      let flattened = try await PolicyFlattener(resolver: CheckHostTests.resolver(c.zone)).flatten(options)
      let records = flattened.policy.records
      #expect(records.map { records.count > 1 ? "\($0.owner ?? "") \($0.txt.text)" : $0.txt.text } == c.expected)
      let report = flattened.report
      if let before = c.before { #expect(report.lookupsBefore == before) }
      if let after = c.after { #expect(report.lookupsAfter == after) }
      #expect(report.kept.map { "\($0.term): \($0.reason)" } == c.kept)
      if let watched = c.watched { #expect(report.watchedDomains == watched) }
      if let notes = c.notes { #expect(report.notes == notes) }
    } catch {
      #expect([error.description] == c.expected)
    }
  }

  @Test(arguments: [
    (FlattenOptions(domain: "exa..mple.com"), "'exa..mple.com' is not a usable domain: it has an empty label"),
    (
      FlattenOptions(domain: "example.com", lookupLimit: 11),
      "'11' is not a usable lookup limit: use 0...10 (receivers stop at 10, RFC 7208 §4.6.4)"
    ),
    (
      FlattenOptions(domain: "example.com", keptIncludes: ["%{d}.x"]),
      "'%{d}.x' is not a usable domain: it holds macros"
    ),
    (FlattenOptions(domain: "example.com", maxLength: 10), "'10' is not a usable maximum length: use 32...450 octets"),
  ])
  func badOptionsAreInputErrorsFoundBeforeAnyQuery(_ options: FlattenOptions, _ message: String) async {
    var resolver = InMemoryResolver()
    resolver.fail(name: "example.com", with: .timeout, includingSubdomains: true)
    do {
      _ = try await PolicyFlattener(resolver: resolver).flatten(options)
      Issue.record("no error")
    } catch {
      #expect(error.description == message)
      #expect(!error.isRefusal)
    }
  }
}
