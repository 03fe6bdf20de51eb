import Foundation
import SPFKit
import SPFKitTestSupport
import Testing

/// `spfkit flatten` against a real BIND `named` on loopback serving `FlattenFixture`: 14 lookups
/// become 1, and the real `spfkit check` gives the same results for the flattened policy (served by
/// a second `named`) as for the original evaluated without the limit.
@Suite(.enabled(if: NamedServer.testsEnabled, Comment(rawValue: NamedServer.skipNote)))
struct FlattenCommandTests {
  static let flattenedRecords = """
    corp.test v=spf1 ip4:192.0.2.0/28 ip4:192.0.2.50 ip4:192.0.2.100 ip4:198.18.0.0/24 ip4:198.19.1.0/24 \
    ip4:198.51.100.0/25 ip4:198.51.100.128/26 ip4:203.0.113.0/26 ip4:203.0.113.64/27 ip4:203.0.113.200 \
    ip4:203.0.113.210/31 include:_spf1.corp.test -all
    _spf1.corp.test v=spf1 ip6:2001:db8:1::/48 ip6:2001:db8:2::/48 ip6:2001:db8:3::25 ip6:2001:db8:3::26 \
    ip6:2001:db8:4::/56 ip6:2001:db8:5::/48 ip6:2001:db8:c::100 -all

    """

  static let watched =
    "_spf.esp.test, _nb1.esp.test, _nb2.esp.test, _nb3.esp.test, _nb4.esp.test, _spf.crm.test, out.crm.test, "
    + "crm.test, mx1.crm.test, mx2.crm.test, _v6.crm.test, spf.mailer.test, a.mailer.test, b.mailer.test"

  @Test func fourteenLookupsBecomeOneAndTheReportSaysWhatWasFlattened() async throws {
    let run = try await FlattenFixture.run(["flatten", "corp.test", "--flatten-a-mx"])
    #expect(run.status == 0)
    #expect(run.stdout == Self.flattenedRecords)
    #expect(
      run.stderr == """
        lookups: 14 before, 1 after (1 for the include chain), limit 10
        flattened: include:_spf.esp.test (5 lookups): 6 networks (4 IPv4, 2 IPv6): 198.51.100.0/25, \
        198.51.100.128/26, 203.0.113.0/26, 203.0.113.64/27 and 2 more
        flattened: include:_spf.crm.test (4 lookups): 5 networks (2 IPv4, 3 IPv6): 203.0.113.200, 203.0.113.210/31, \
        2001:db8:3::25, 2001:db8:3::26 and 1 more
        flattened: include:spf.mailer.test (3 lookups): 3 networks (2 IPv4, 1 IPv6): 198.18.0.0/24, 198.19.1.0/24, \
        2001:db8:5::/48
        flattened: a:relay.corp.test (1 lookup): 1 network (1 IPv4): 192.0.2.50
        flattened: mx (1 lookup): 2 networks (1 IPv4, 1 IPv6): 192.0.2.100, 2001:db8:c::100
        warning: the flattened records copy what these domains publish today; flatten again when they change \
        (for example daily with '--check-against'): \(Self.watched), relay.corp.test, corp.test, mx.corp.test

        """)
  }

  /// The first and last address of a network, and the addresses just outside it.
  static func samples(_ text: String) -> [String] {
    if let network = IPv4Network(text) {
      return [network.first.value, network.last.value, network.first.value - 1, network.last.value + 1].map {
        IPv4Address($0).description
      }
    }
    let network = IPv6Network(text)!
    return [network.first.value, network.last.value, network.first.value - 1, network.last.value + 1].map {
      IPv6Address($0).description
    }
  }

  /// The result word `spfkit check` prints first, and its exit status.
  static func check(_ ip: String, server: String, _ options: [String] = []) async throws -> String {
    let run = try await SPFKitProcess.run(["check", ip, "corp.test", "--server", server] + options)
    return "\(run.stdout.prefix { $0 != ":" }) (exit \(run.status))"
  }

  @Test func flattenedPolicyGivesTheResultsOfTheOriginalWithoutTheLimit() async throws {
    let original = try await FlattenFixture.named.server()
    let zone = try await FlattenFixture.run(["flatten", "corp.test", "--flatten-a-mx", "--zone", "--ttl", "60"])
    try #require(zone.status == 0, "\(zone.stderr)")
    let flattened = try await NamedServer(zones: [NamedZone(origin: "corp.test", records: zone.stdout)])
    let addresses = FlattenFixture.networks.flatMap(Self.samples) + ["192.0.2.200", "2001:db8:9::1"]
    var compared = 0
    for batch in stride(from: 0, to: addresses.count, by: 4).map({ addresses[$0..<min($0 + 4, addresses.count)] }) {
      try await withThrowingTaskGroup(of: (String, String, String).self) { group in
        for ip in batch {
          group.addTask {
            let expected = try await Self.check(ip, server: original.ipv4Server, ["--max-lookups", "50"])
            let actual = try await Self.check(ip, server: flattened.ipv4Server)
            return (ip, expected, actual)
          }
        }
        for try await (ip, expected, actual) in group {
          #expect(actual == expected, "\(ip)")
          compared += 1
        }
      }
    }
    #expect(compared == FlattenFixture.networks.count * 4 + 2)
    // Both kinds of result are among the samples.
    #expect(try await Self.check("198.18.0.0", server: flattened.ipv4Server) == "pass (exit 0)")
    #expect(try await Self.check("198.18.1.0", server: flattened.ipv4Server) == "fail (exit 1)")
  }

  @Test func theOriginalGivesPermerrorPastTheTenthLookup() async throws {
    let server = try await FlattenFixture.named.server()
    // a.mailer.test is lookup 11 for this client: receivers give permerror, the what-if pass.
    #expect(try await Self.check("198.18.0.7", server: server.ipv4Server) == "permerror (exit 1)")
    #expect(try await Self.check("198.18.0.7", server: server.ipv4Server, ["--max-lookups", "50"]) == "pass (exit 0)")
    #expect(try await Self.check("192.0.2.7", server: server.ipv4Server) == "pass (exit 0)")
  }

  @Test func withoutFlattenAMXTheirRecordsAreKept() async throws {
    let run = try await FlattenFixture.run(["flatten", "corp.test"])
    #expect(run.status == 0)
    #expect(
      run.stdout == """
        v=spf1 ip4:192.0.2.0/28 ip4:198.18.0.0/24 ip4:198.19.1.0/24 ip4:198.51.100.0/25 ip4:198.51.100.128/26 \
        ip4:203.0.113.0/26 ip4:203.0.113.64/27 ip6:2001:db8:1::/48 ip6:2001:db8:2::/48 ip6:2001:db8:5::/48 \
        a:relay.corp.test mx include:_spf.crm.test -all

        """)
    #expect(
      run.stderr.hasPrefix(
        """
        lookups: 14 before, 6 after, limit 10
        flattened: include:_spf.esp.test (5 lookups): 6 networks (4 IPv4, 2 IPv6): 198.51.100.0/25, \
        198.51.100.128/26, 203.0.113.0/26, 203.0.113.64/27 and 2 more
        flattened: include:spf.mailer.test (3 lookups): 3 networks (2 IPv4, 1 IPv6): 198.18.0.0/24, 198.19.1.0/24, \
        2001:db8:5::/48
        kept: include:_spf.crm.test (4 lookups): 'a:out.crm.test' at '_spf.crm.test' needs '--flatten-a-mx' to become \
        networks
        kept: a:relay.corp.test (1 lookup): 'a:relay.corp.test' at 'corp.test' needs '--flatten-a-mx' to become \
        networks
        kept: mx (1 lookup): 'mx' at 'corp.test' needs '--flatten-a-mx' to become networks
        warning: 
        """))
  }

  @Test func jsonListsEveryNetworkOfEachFlattenedInclude() async throws {
    let run = try await FlattenFixture.run(["flatten", "corp.test", "--flatten-a-mx", "--format", "json"])
    #expect(run.status == 0)
    #expect(run.stderr.isEmpty)
    let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    #expect(document["version"] as? Int == 1)
    #expect(document["lookups"] as? [String: Int] == ["before": 14, "after": 1, "chain": 1, "limit": 10])
    let flattened = try #require(document["flattened"] as? [[String: Any]])
    #expect(
      flattened.map { $0["term"] as? String } == [
        "include:_spf.esp.test", "include:_spf.crm.test",
        "include:spf.mailer.test", "a:relay.corp.test", "mx",
      ])
    #expect(flattened[0]["count"] as? Int == 6)
    #expect(
      flattened[0]["networks"] as? [String] == [
        "198.51.100.0/25", "198.51.100.128/26", "203.0.113.0/26", "203.0.113.64/27", "2001:db8:1::/48",
        "2001:db8:2::/48",
      ])
    #expect(
      flattened[0]["domains"] as? [String] == [
        "_spf.esp.test", "_nb1.esp.test", "_nb2.esp.test", "_nb3.esp.test", "_nb4.esp.test",
      ])
    #expect((document["kept"] as? [Any])?.isEmpty == true)
    #expect((document["watch"] as? [String])?.joined(separator: ", ").hasPrefix(Self.watched) == true)
    #expect(
      (document["records"] as? [[String: Any]])?.map { $0["name"] as? String } == ["corp.test", "_spf1.corp.test"])
  }

  @Test func checkAgainstSaysCurrentOrStaleWithWhatChanged() async throws {
    let zone = try await FlattenFixture.run(["flatten", "corp.test", "--flatten-a-mx", "--zone"])
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("spfkit-flatten-\(UUID())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let current = directory.appendingPathComponent("current.zone")
    try ("; written by spfkit flatten\n" + zone.stdout).write(to: current, atomically: true, encoding: .utf8)
    let arguments = ["flatten", "corp.test", "--flatten-a-mx", "--check-against"]
    let same = try await FlattenFixture.run(arguments + [current.path])
    #expect(same.status == 0)
    #expect(same.stdout == "current: '\(current.path)' matches a new flattening of corp.test\n")
    #expect(same.stderr.isEmpty)
    // As published before esp.test added 203.0.113.64/27 and mailer.test dropped 198.18.1.0/24.
    let stale = directory.appendingPathComponent("stale.zone")
    let old = zone.stdout.replacingOccurrences(of: " ip4:203.0.113.64/27", with: "")
      .replacingOccurrences(of: "ip4:198.18.0.0/24", with: "ip4:198.18.0.0/23")
    try old.write(to: stale, atomically: true, encoding: .utf8)
    let changed = try await FlattenFixture.run(arguments + [stale.path])
    #expect(changed.status == 1)
    #expect(
      changed.stdout == """
        stale: '\(stale.path)' differs from a new flattening of corp.test
          + ip4:203.0.113.64/27
          - ip4:198.18.1.0/24
          records: corp.test changed

        """)
  }

  struct RefusalCase: Sendable, CustomStringConvertible {
    let arguments: [String]
    let message: String
    var description: String { arguments.joined(separator: " ") }
  }

  @Test(arguments: [
    RefusalCase(
      arguments: ["corp.test", "--flatten-a-mx", "--max-lookups", "0"],
      message: "the flattened policy needs 1 DNS lookup (1 in its records, 0 through kept terms): the limit is 0 "
        + "(RFC 7208 §4.6.4)"),
    RefusalCase(
      arguments: ["corp.test", "--keep-include", "_spf.esp.test"],
      message: "the flattened policy needs 11 DNS lookups (4 in its records, 7 through kept terms): the limit is 10 "
        + "(RFC 7208 §4.6.4)"),
    RefusalCase(
      arguments: ["nx.corp.test"],
      message: "'nx.corp.test' has no policy to flatten (none): no SPF record at 'nx.corp.test': NXDOMAIN"),
  ])
  func refusalsExitOneWithTheReason(_ c: RefusalCase) async throws {
    let run = try await FlattenFixture.run(["flatten"] + c.arguments)
    #expect(run.status == 1)
    #expect(run.stdout.isEmpty)
    #expect(run.stderr == "error: \(c.message)\n")
  }
}
