import Foundation
import SPFKitTestSupport
import Testing

/// `spfkit helo` against a real BIND `named` on loopback, serving the scenario this command exists for:
/// a provider greeted with `kmail-smail-vm26.dakao.io`, whose name server REFUSED every query, while the
/// reverse name of its IP, `kmail-smail-vm26.mail.kakao.com`, resolved back to it.
@Suite(.enabled(if: NamedServer.testsEnabled, Comment(rawValue: NamedServer.skipNote)))
struct HeloCommandTests {
  static let named = NamedFixture(zones: [
    NamedZone(origin: "dakao.io", records: "kmail-smail-vm26 A 121.53.206.36", refusesQueries: true),
    NamedZone(
      origin: "mail.kakao.com",
      records: """
        kmail-smail-vm26 A 121.53.206.36
        kmail-smail-vm26 TXT "v=spf1 a -all"
        """),
    NamedZone(origin: "206.53.121.in-addr.arpa", records: "36 PTR kmail-smail-vm26.mail.kakao.com."),
    NamedZone(
      origin: "example.test",
      records: """
        nomx A 192.0.2.1
        gone TXT "exists but has no address"
        """),
  ])

  static func helo(_ arguments: [String]) async throws -> SPFKitProcess.Output {
    let server = try await named.server()
    return try await SPFKitProcess.run(["helo"] + arguments + ["--server", server.ipv4Server, "--timeout", "2"])
  }

  @Test func refusedHeloNameIsDeferredAndTheForwardConfirmedNameIsSuggested() async throws {
    let run = try await Self.helo(["kmail-smail-vm26.dakao.io", "--ip", "121.53.206.36"])
    #expect(run.status == 1)
    #expect(run.stderr.isEmpty)
    let out = run.stdout
    #expect(out.contains("syntax        a fully-qualified host name (3 labels)"))
    #expect(out.contains("A             REFUSED by the name server"))
    #expect(out.contains("MX            REFUSED by the name server"))
    #expect(out.contains("PTR           kmail-smail-vm26.mail.kakao.com"))
    #expect(out.contains("kmail-smail-vm26.mail.kakao.com: 121.53.206.36 (resolves back: forward-confirmed)"))
    #expect(out.contains("HELO = PTR    no"))
    #expect(out.contains("450 4.7.1 <kmail-smail-vm26.dakao.io>: Helo command rejected: Host not found"))
    #expect(out.contains("unknown_helo_hostname_tempfail_action applies (default defer_if_permit)"))
    #expect(out.contains("verdict: deferred: reject_unknown_helo_hostname defers"))
    #expect(out.contains("suggestion: greet with 'EHLO kmail-smail-vm26.mail.kakao.com'"))
  }

  @Test func theSuggestedNamePassesEveryCheck() async throws {
    let run = try await Self.helo(["kmail-smail-vm26.mail.kakao.com", "--ip", "121.53.206.36"])
    #expect(run.status == 0, "\(run.stdout)")
    #expect(run.stdout.contains("A             121.53.206.36"))
    #expect(run.stdout.contains("HELO = PTR    yes"))
    #expect(run.stdout.contains("SPF (HELO)    pass"))
    #expect(run.stdout.contains("verdict: accepted: every check passes"))
    #expect(!run.stdout.contains("suggestion:"))
  }

  @Test func nameWithoutAnyRecordIsRejectedWithTheRejectCode() async throws {
    let run = try await Self.helo(["gone.example.test"])
    #expect(run.status == 1)
    #expect(run.stdout.contains("A             no data (the name exists, no record of this type)"))
    #expect(run.stdout.contains("unknown_hostname_reject_code applies (default 450)"))
    #expect(run.stdout.contains("verdict: rejected: reject_unknown_helo_hostname rejects"))
    let missing = try await Self.helo(["nowhere.example.test"])
    #expect(missing.stdout.contains("A             NXDOMAIN (no such name)"))
    #expect(missing.status == 1)
  }

  @Test func aNameWithOnlyAnAddressIsAccepted() async throws {
    let run = try await Self.helo(["nomx.example.test"])
    #expect(run.status == 0)
    #expect(run.stdout.contains("the name has A records"))
  }

  @Test(arguments: [
    ("OEMCOMPUTER", "504 5.5.2 <OEMCOMPUTER>: Helo command rejected: need fully-qualified hostname"),
    ("bad_name.example.test", "501 5.5.2 <bad_name.example.test>: Helo command rejected: Invalid name"),
  ])
  func syntaxChecksRejectBeforeAnyLookup(_ name: String, _ reply: String) async throws {
    let run = try await Self.helo([name])
    #expect(run.status == 1)
    #expect(run.stdout.contains(reply))
  }

  @Test func anInvalidNameIsNotCalledAnAddressLiteral() async throws {
    let run = try await Self.helo(["bad_name!"])
    #expect(run.status == 1)
    #expect(run.stdout.contains("a name that is not a valid host name is not checked"), "\(run.stdout)")
    #expect(!run.stdout.contains("address literal"))
  }

  @Test func jsonCarriesEveryOutcome() async throws {
    let run = try await Self.helo(["kmail-smail-vm26.dakao.io", "--ip", "121.53.206.36", "--format", "json"])
    #expect(run.status == 1)
    let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    #expect(document["accepted"] as? Bool == false)
    let lookups = try #require(document["lookups"] as? [[String: Any]])
    #expect(lookups.map { $0["outcome"] as? String } == ["refused", "refused", "refused"])
    let client = try #require(document["client"] as? [String: Any])
    let names = try #require(client["names"] as? [[String: Any]])
    #expect(names.first?["confirmsClient"] as? Bool == true)
    #expect((document["suggestion"] as? String)?.contains("kmail-smail-vm26.mail.kakao.com") == true)
  }

  @Test(arguments: [
    (["helo"], "missing <name>"),
    (["helo", "a.example", "--ip", "300.1.1.1"], "invalid value '300.1.1.1' for '--ip'"),
    (["helo", "a.example", "--server", "nowhere"], "invalid value 'nowhere' for '--server'"),
    (["helo", "a.example", "--timeout", "-1"], "invalid value '-1' for '--timeout'"),
  ])
  func badInputExitsTwo(_ arguments: [String], _ message: String) async throws {
    let run = try await SPFKitProcess.run(arguments)
    #expect(run.status == 2)
    #expect(run.stdout.isEmpty)
    #expect(run.stderr.hasPrefix("error: \(message)"), "\(run.stderr)")
  }
}

extension HeloCommandTests {
  @Test func helpIsComplete() async throws {
    let run = try await SPFKitProcess.run(["helo", "--help"])
    #expect(run.status == 0)
    #expect(run.stderr.isEmpty)
    #expect(
      run.stdout == """
        OVERVIEW: Diagnose a HELO/EHLO name the way receivers check it.

        USAGE: spfkit helo <name> [--ip <ip>] [--format <format>] [--server <ip[:port]>]

        ARGUMENTS:
          <name>                  The name the sending server gives in HELO or EHLO.

        OPTIONS:
          --ip <ip>               The sending server's address: adds its reverse DNS
                                  (forward-confirmed or not) and the SPF check of the
                                  HELO identity.
          --format <format>       Output format: text or json (default: text).
        \(HelpText.dnsOptions)
          -h, --help              Show help information.

        Judges Postfix's reject_invalid_helo_hostname, reject_non_fqdn_helo_hostname,
        reject_unknown_helo_hostname and, with --ip, reject_unknown_client_hostname with their
        default settings, and checks SPF for the HELO identity (RFC 7208 §2.3).

        EXIT STATUS:
          0  a receiver with these checks accepts the client
          1  it rejects or defers the client
          2  usage or input error

        """)
  }
}
