import Foundation
import SPFKitTestSupport

/// The zones `spfkit check` is tested against, served by one real `named` for every check suite.
enum CheckFixture {
  /// `max-udp-size 512` makes named truncate any UDP answer over 512 octets, so a large TXT answer
  /// needs the TCP fallback; the query log shows which transport each query used.
  static let named = NamedFixture(zones: zones, options: ["max-udp-size 512;", "querylog yes;"])

  /// Runs `spfkit check ARGUMENTS --server 127.0.0.1:PORT`.
  static func check(_ arguments: [String]) async throws -> SPFKitProcess.Output {
    let server = try await named.server()
    return try await run(["check"] + arguments + ["--server", server.ipv4Server])
  }

  /// Runs `spfkit` (off the cooperative pool: see `SPFKitProcess.run`).
  static func run(_ arguments: [String]) async throws -> SPFKitProcess.Output {
    try await SPFKitProcess.run(arguments)
  }

  /// 60 ip4 networks and a final one that matches 192.0.2.128/25: over 1,100 octets.
  static let bigRecord =
    "v=spf1 " + (0..<60).map { "ip4:198.51.\($0).0/24" }.joined(separator: " ") + " ip4:192.0.2.128/25 -all"

  /// `bigRecord` as a TXT record of character-strings of 250 octets.
  static var bigRecordStrings: String {
    let bytes = Array(bigRecord.utf8)
    return stride(from: 0, to: bytes.count, by: 250).map { start in
      "\"" + String(decoding: bytes[start..<min(start + 250, bytes.count)], as: UTF8.self) + "\""
    }.joined(separator: " ")
  }

  static let zones = [
    NamedZone(
      origin: "spf.test",
      records: """
        ; a normal tree: ip4, an include with a and mx (softfail), an include of an include (neutral), exp
        @ TXT "v=spf1 ip4:198.51.100.0/24 include:_spf.spf.test include:vendor.spf.test exp=exp.spf.test -all"
        @ MX 10 mx1.spf.test.
        mx1 A 192.0.2.20
        _spf TXT "v=spf1 a:mail.spf.test mx:spf.test ~all"
        mail A 192.0.2.10
        vendor TXT "v=spf1 include:_n1.vendor.spf.test ?all"
        _n1.vendor TXT "v=spf1 ip4:203.0.113.0/24 -all"
        exp TXT "%{i} is not one of %{d}'s senders"
        soft TXT "v=spf1 ip4:198.51.100.0/24 ~all"
        redir TXT "v=spf1 ip4:198.51.100.7 redirect=spf.test"
        v6 TXT "v=spf1 ip6:2001:db8::/32 -all"
        macro TXT "v=spf1 exists:%{l}.%{o}.senders.spf.test exists:%{h}.helos.spf.test -all"
        alice.example.org.senders A 127.0.0.2
        mx.example.net.helos A 127.0.0.2
        ; void lookups: NXDOMAIN and NODATA
        voids TXT "v=spf1 a:nx1.spf.test a:nodata.spf.test mx:nx2.spf.test -all"
        twovoids TXT "v=spf1 a:nx1.spf.test a:nodata.spf.test -all"
        nodata TXT "no spf here"
        ; lookups 1 and 6 at depth 0, 2-5 and 7-8 at depth 1, 9-11 at depth 2: include:t4 is lookup 11
        deep TXT "v=spf1 include:t1.spf.test include:t2.spf.test -all"
        t1 TXT "v=spf1 a:h1.spf.test a:h2.spf.test a:h3.spf.test a:h4.spf.test ?all"
        t2 TXT "v=spf1 a:h5.spf.test include:t3.spf.test ?all"
        t3 TXT "v=spf1 a:h6.spf.test a:h7.spf.test include:t4.spf.test ?all"
        t4 TXT "v=spf1 ip4:192.0.2.0/24 -all"
        h1 A 198.51.100.1
        h2 A 198.51.100.2
        h3 A 198.51.100.3
        h4 A 198.51.100.4
        h5 A 198.51.100.5
        h6 A 198.51.100.6
        h7 A 198.51.100.7
        refinc TXT "v=spf1 ip4:198.51.100.0/24 include:refused.test -all"
        big TXT ( \(bigRecordStrings) )
        """),
    NamedZone(origin: "refused.test", records: "@ TXT \"v=spf1 -all\"", refusesQueries: true),
  ]
}
