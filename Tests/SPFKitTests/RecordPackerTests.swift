import SPFKitTestSupport
import Testing

@testable import SPFKit

struct RecordPackerTests {
  struct GenerateCase: Sendable, CustomStringConvertible {
    let options: GenerateOptions
    /// The records as `owner: text`, or the refusal's description.
    let expected: [String]
    let why: String
    var description: String { why }
  }

  static func hosts(_ count: Int, from base: String = "198.51.100.0", step: UInt32 = 2) -> [IPv4Network] {
    let first = IPv4Address(base)!.value
    return (0..<UInt32(count)).map { IPv4Network(address: IPv4Address(first &+ $0 &* step)) }
  }

  static let generateCases: [GenerateCase] = [
    GenerateCase(
      options: GenerateOptions(
        ip4: [IPv4Network("192.0.2.1")!, IPv4Network("192.0.2.0")!], a: [nil],
        mx: [nil, DomainSpec(domain: "m.example")],
        includes: [DomainSpec(domain: "_spf.example.net")]),
      expected: ["-: v=spf1 ip4:192.0.2.0/31 a mx mx:m.example include:_spf.example.net -all"],
      why: "options in rule 2 order, '-all' by default"),
    GenerateCase(options: GenerateOptions(), expected: ["-: v=spf1 -all"], why: "a domain that sends no mail"),
    GenerateCase(
      options: GenerateOptions(domain: "example.com.", ip6: [IPv6Network("2001:db8::/32")!], all: .softfail),
      expected: ["example.com: v=spf1 ip6:2001:db8::/32 ~all"], why: "trailing dot dropped from the owner"),
    GenerateCase(
      options: GenerateOptions(domain: "example.com", ip4: hosts(20)),
      expected: [
        "example.com: v=spf1 " + hosts(12).map { "ip4:\($0)" }.joined(separator: " ")
          + " include:_spf1.example.com -all",
        "_spf1.example.com: v=spf1 " + hosts(20).dropFirst(12).map { "ip4:\($0)" }.joined(separator: " ") + " -all",
      ],
      why: "too long for one record: the rest moves to _spf1"),
    GenerateCase(
      options: GenerateOptions(ip4: hosts(20)),
      expected: ["the record is 366 octets, more than 255: an include chain needs '--domain'"],
      why: "no domain, no chain"),
    GenerateCase(
      options: GenerateOptions(
        domain: "example.com", ip4: hosts(40), includes: (1...9).map { DomainSpec(domain: "i\($0).example") }),
      expected: [
        "the policy needs 13 DNS lookups (9 in the record, 4 for the include chain): "
          + "more than 10 is a permerror (RFC 7208 §4.6.4)"
      ],
      why: "the chain pushes the lookups past 10"),
    GenerateCase(
      options: GenerateOptions(domain: "example.com", maxLength: 31),
      expected: ["'31' is not a usable maximum length: use 32...450 octets"], why: "max length too small"),
    GenerateCase(
      options: GenerateOptions(domain: "example.com", maxLength: 451),
      expected: ["'451' is not a usable maximum length: use 32...450 octets"], why: "max length too large"),
    GenerateCase(
      options: GenerateOptions(domain: "example.com", chainPrefix: "_s f"),
      expected: ["'_s f' is not a usable chain prefix: use letters, digits, '-' and '_' (at most 50)"],
      why: "chain prefix with a space"),
    GenerateCase(
      options: GenerateOptions(domain: "%{d}.example"),
      expected: ["'%{d}.example' is not a usable domain: an owner name cannot hold macros"], why: "macro owner"),
    GenerateCase(
      options: GenerateOptions(
        domain: "example.com", includes: (1...12).map { DomainSpec(domain: "include-\($0).example.org") }),
      expected: [
        "'v=spf1 " + (1...12).map { "include:include-\($0).example.org" }.joined(separator: " ")
          + " -all' is longer than 255 octets even with an include chain"
      ],
      why: "only IP blocks move into the chain"),
  ]

  @Test(arguments: generateCases)
  func generate(_ c: GenerateCase) {
    do {
      let policy = try PolicyGenerator.generate(c.options)
      #expect(policy.records.map { "\($0.owner ?? "-"): \($0.txt.text)" } == c.expected)
    } catch {
      #expect([error.description] == c.expected)
    }
  }

  @Test func widenedGenerateReportsTheCost() throws {
    let options = GenerateOptions(
      ip4: RecordPackerTests.hosts(3, from: "192.0.2.1", step: 1),
      widening: WideningLimit(ipv4: 24))
    let policy = try PolicyGenerator.generate(options)
    #expect(policy.records.map(\.txt.text) == ["v=spf1 ip4:192.0.2.0/30 -all"])
    #expect(policy.report.widening.ipv4 == [.init(network: IPv4Network("192.0.2.0/30")!, unlistedAddresses: 1)])
  }

  @Test func longRecordsSplitIntoStringsAtSpaces() throws {
    let policy = try PolicyGenerator.generate(
      GenerateOptions(domain: "example.com", ip4: RecordPackerTests.hosts(30), maxLength: 450))
    #expect(policy.records.count == 2)
    let main = policy.records[0].txt
    #expect(main.strings.count == 2)
    #expect(main.strings[0].bytes.last == 0x20)
    #expect(main.strings.allSatisfy { $0.bytes.count <= 255 })
    #expect(main.joined.count <= 450)
  }

  /// The 450-octet budget counts the owner name and the strings' length octets, as SPF101 does.
  @Test(arguments: ["example.com", "outbound-mail-servers.subsidiary-of-a-long-company-name.example.com"])
  func recordsAt450LeaveRoomForTheOwnerName(_ domain: String) throws {
    let policy = try PolicyGenerator.generate(
      GenerateOptions(domain: domain, ip4: RecordPackerTests.hosts(120, from: "8.8.0.1", step: 3), maxLength: 450))
    #expect(policy.records.count > 2)
    for (index, record) in policy.records.enumerated() {
      let owner = try #require(record.owner)
      let size = RecordTooLarge.wireSize(of: owner) + record.txt.strings.reduce(0) { $0 + $1.bytes.count + 1 }
      #expect(size <= 450, "\(owner): \(size) octets")
      if index + 1 < policy.records.count { #expect(size > 400, "\(owner): filled to \(size) octets") }
    }
  }

  @Test func alternativesAreOnlyTheOnesThatFit() throws {
    // 200 hosts in ten /24s: 11 chain members at 255 octets; 450 octets or widening to /24 fit.
    let ip4 = (0..<200).map { (index: Int) -> IPv4Network in
      IPv4Network(address: IPv4Address(8, 8, UInt8(index / 20), UInt8(index % 20 * 3 + 1)))
    }
    let options = GenerateOptions(domain: "example.com", ip4: ip4)
    #expect(throws: GenerateError.tooManyLookups(terms: 0, chain: 11)) { try PolicyGenerator.generate(options) }
    let (working, tried) = PolicyGenerator.alternatives(to: options)
    #expect(working.map { $0.options } == ["--max-length 450", "--widen /24"])
    #expect(tried == ["--max-length 450", "--widen /24"], "no combination when one alone works")
    #expect(working.allSatisfy { $0.lookups <= 10 })
    #expect(working.first?.unlistedAddresses == 0 && (working.last?.unlistedAddresses ?? 0) > 0, "exact, then lossy")
    let scattered = GenerateOptions(
      domain: "example.com", ip4: RecordPackerTests.hosts(300, from: "11.0.0.1", step: 65_537))
    #expect(PolicyGenerator.alternatives(to: scattered).working.isEmpty)
  }

  @Test func chainNameTooLongIsRefused() {
    let label = String(repeating: "a", count: 62)
    let domain = [label, label, label, String(repeating: "b", count: 57), "com"].joined(separator: ".")
    #expect(domain.utf8.count == 250)
    #expect(
      throws: GenerateError.invalidDomain(
        "_spf1." + domain, reason: "it is 256 octets long: DNS names hold at most 253")
    ) {
      try PolicyGenerator.generate(GenerateOptions(domain: domain, ip4: RecordPackerTests.hosts(30)))
    }
  }

  // MARK: - Properties

  /// Random policies: every record fits, the chain is linked in order, lookups stay within 10
  /// (or the refusal says why), and the records authorize exactly the listed blocks.
  @Test func packedPoliciesFitAndAuthorizeExactlyTheInput() throws {
    var random = SplitMix64(seed: 255)
    var chains = 0
    for round in 0..<150 {
      let count = Int.random(in: 0...400, using: &random)
      let ip4 = (0..<count).map { _ in
        IPv4Network(
          address: IPv4Address(UInt32(truncatingIfNeeded: random.next()) | 0x0100_0000),
          prefixLength: Int.random(in: 16...32, using: &random))
      }
      let ip6 = (0..<Int.random(in: 0...20, using: &random)).map { _ in
        IPv6Network(
          address: IPv6Address(UInt128(random.next()) << 64), prefixLength: Int.random(in: 32...64, using: &random))
      }
      let includes = (0..<Int.random(in: 0...6, using: &random)).map { DomainSpec(domain: "i\($0).example.net") }
      let options = GenerateOptions(
        domain: "r\(round).example.com", ip4: ip4, ip6: ip6, includes: includes,
        maxLength: Int.random(in: 120...450, using: &random),
        chainPrefix: ["_spf", "_n", "spf-chain"][Int.random(in: 0..<3, using: &random)])
      let policy: GeneratedPolicy
      do {
        policy = try PolicyGenerator.generate(options)
      } catch {
        switch error {
        case .tooManyLookups(let terms, let chain): #expect(terms + chain > 10)
        case .recordTooLong(let text, let maxLength): #expect(text.utf8.count > maxLength)
        default: throw error
        }
        continue
      }
      chains += policy.report.chainLookups
      try RecordPackerTests.checkStructure(policy, options: options)
      let published = policy.records.flatMap(\.spf.directives)
      #expect(
        CIDRAggregator.aggregate(published.compactMap { if case .ip4(let n) = $0.mechanism { n } else { nil } })
          == CIDRAggregator.aggregate(ip4))
      #expect(
        CIDRAggregator.aggregate(published.compactMap { if case .ip6(let n) = $0.mechanism { n } else { nil } })
          == CIDRAggregator.aggregate(ip6))
    }
    #expect(chains > 50, "the property should exercise chains")
  }

  /// Sizes, owner names, chain links, lookups.
  static func checkStructure(_ policy: GeneratedPolicy, options: GenerateOptions) throws {
    let domain = try #require(options.domain)
    #expect(policy.report.lookups <= 10)
    #expect(policy.report.lookups == options.includes.count + policy.report.chainLookups)
    #expect(policy.records.count == policy.report.chainLookups + 1)
    for (index, record) in policy.records.enumerated() {
      #expect(record.txt.joined.count <= options.maxLength)
      #expect(record.txt.strings.allSatisfy { $0.bytes.count <= 255 })
      // What SPF101 counts (RFC 7208 §3.4): the generator's budget is the same, so `--strict` passes.
      #expect(!Linter().lint([record.txt], name: record.owner).contains { $0.code == "SPF101" }, "\(record.owner!)")
      #expect(SPFParser.parse(record.txt.joined).isValid)
      let name = index == 0 ? domain : "\(options.chainPrefix)\(index).\(domain)"
      #expect(record.owner == name)
      let next = "\(options.chainPrefix)\(index + 1).\(domain)"
      let includesNext = record.spf.directives.contains { $0.mechanism == .include(DomainSpec(domain: next)) }
      #expect(includesNext == (index + 1 < policy.records.count), "\(name) and \(next)")
    }
  }
}
