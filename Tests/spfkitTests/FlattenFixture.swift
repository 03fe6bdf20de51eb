import Foundation
import SPFKitTestSupport

/// A provider-like SPF tree for `spfkit flatten`, served by one real `named`: `corp.test` includes
/// three providers and has an `a` and an `mx`; 14 DNS lookups in all, so a client decided after the
/// 10th lookup gets permerror.
enum FlattenFixture {
  static let named = NamedFixture(zones: zones)

  /// Runs `spfkit ARGUMENTS --server 127.0.0.1:PORT` against the fixture.
  static func run(_ arguments: [String]) async throws -> SPFKitProcess.Output {
    let server = try await named.server()
    return try await SPFKitProcess.run(arguments + ["--server", server.ipv4Server])
  }

  /// Lookups for a client in none of the networks, in evaluation order: `include:_spf.esp.test` (1),
  /// its `_nb1`..`_nb3` (2-4) and `_nb4` (5); `include:_spf.crm.test` (6), its `a` (7), `mx` (8)
  /// and `include:_v6` (9); `include:spf.mailer.test` (10), its `a.mailer.test` (11) and
  /// `b.mailer.test` (12); the top `a` (13) and `mx` (14).
  static let zones = [
    NamedZone(
      origin: "corp.test",
      records: """
        @ TXT "v=spf1 ip4:192.0.2.0/28 include:_spf.esp.test include:_spf.crm.test include:spf.mailer.test " \
        "a:relay.corp.test mx -all"
        @ MX 10 mx.corp.test.
        mx A 192.0.2.100
        mx AAAA 2001:db8:c::100
        relay A 192.0.2.50
        """),
    NamedZone(
      origin: "esp.test",
      records: """
        _spf TXT "v=spf1 include:_nb1.esp.test include:_nb2.esp.test include:_nb3.esp.test ~all"
        _nb1 TXT "v=spf1 ip4:198.51.100.0/25 ip6:2001:db8:1::/48 -all"
        _nb2 TXT "v=spf1 ip4:198.51.100.128/26 ip4:203.0.113.0/26 -all"
        _nb3 TXT "v=spf1 ip6:2001:db8:2::/48 include:_nb4.esp.test -all"
        _nb4 TXT "v=spf1 ip4:203.0.113.64/27 -all"
        """),
    NamedZone(
      origin: "crm.test",
      records: """
        _spf TXT "v=spf1 a:out.crm.test mx:crm.test include:_v6.crm.test -all"
        out A 203.0.113.200
        out AAAA 2001:db8:3::25
        @ MX 10 mx1.crm.test.
        @ MX 20 mx2.crm.test.
        mx1 A 203.0.113.210
        mx2 A 203.0.113.211
        mx2 AAAA 2001:db8:3::26
        _v6 TXT "v=spf1 ip6:2001:db8:4::/56 -all"
        """),
    NamedZone(
      origin: "mailer.test",
      records: """
        spf TXT "v=spf1 include:a.mailer.test include:b.mailer.test -all"
        a TXT "v=spf1 ip4:198.18.0.0/24 -all"
        b TXT "v=spf1 ip4:198.19.1.0/24 ip6:2001:db8:5::/48 -all"
        """),
  ]

  /// Every network the tree authorizes, `a` and `mx` hosts included.
  static let networks = [
    "192.0.2.0/28", "198.51.100.0/25", "198.51.100.128/26", "203.0.113.0/26", "203.0.113.64/27", "203.0.113.200/32",
    "203.0.113.210/32", "203.0.113.211/32", "198.18.0.0/24", "198.19.1.0/24", "192.0.2.50/32", "192.0.2.100/32",
    "2001:db8:1::/48", "2001:db8:2::/48", "2001:db8:3::25/128", "2001:db8:3::26/128", "2001:db8:4::/56",
    "2001:db8:5::/48", "2001:db8:c::100/128",
  ]
}
