import Foundation
import Testing

@Suite(.serialized) struct GenerateCommandTests {
  /// A temporary file holding `text`, removed by the caller.
  static func file(_ text: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("spfkit-ips-\(UUID().uuidString).txt")
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url
  }

  /// `count` hosts 198.51.100.0, .2, .4, ... one per line.
  static func hosts(_ count: Int) -> String { (0..<count).map { "198.51.100.\($0 * 2)\n" }.joined() }

  @Test func optionsBecomeOneRecordInRuleOrder() async throws {
    let run = try await SPFKitProcess.run([
      "generate", "--domain", "example.com", "--include", "_spf.example.net", "--mx", "mail.example.com",
      "--ip4", "192.0.2.1", "--a", "--ip4", "192.0.2.0", "--ip6", "2001:db8::/32",
    ])
    #expect(run.status == 0)
    #expect(
      run.stdout == "v=spf1 ip4:192.0.2.0/31 ip6:2001:db8::/32 a mx:mail.example.com include:_spf.example.net -all\n")
    #expect(run.stderr == "lookups: 3 of 10\n")
  }

  @Test func zoneLines() async throws {
    let run = try await SPFKitProcess.run([
      "generate", "--domain", "example.com.", "--ip4", "192.0.2.1", "--all", "~", "--zone", "--ttl", "300",
    ])
    #expect(run.status == 0)
    #expect(run.stdout == "example.com. 300 IN TXT \"v=spf1 ip4:192.0.2.1 ~all\"\n")
  }

  @Test func longListsMoveIntoAnIncludeChain() async throws {
    let list = try Self.file("# outbound\n" + Self.hosts(40))
    defer { try? FileManager.default.removeItem(at: list) }
    let run = try await SPFKitProcess.run(["generate", "--domain", "example.com", "--ips", list.path])
    #expect(run.status == 0)
    let lines = run.stdout.split(separator: "\n")
    #expect(lines.count == 4)
    #expect(lines[0].hasPrefix("example.com v=spf1 ip4:198.51.100.0 "))
    #expect(lines[0].hasSuffix(" include:_spf1.example.com -all"))
    #expect(lines[1].hasPrefix("_spf1.example.com v=spf1 ") && lines[1].hasSuffix(" include:_spf2.example.com -all"))
    #expect(lines[2].hasPrefix("_spf2.example.com v=spf1 ") && lines[2].hasSuffix(" include:_spf3.example.com -all"))
    #expect(lines[3].hasPrefix("_spf3.example.com v=spf1 ") && lines[3].hasSuffix(" ip4:198.51.100.78 -all"))
    #expect(lines.allSatisfy { $0.split(separator: " ", maxSplits: 1)[1].utf8.count <= 255 })
    #expect(run.stderr == "lookups: 3 of 10 (0 in the record, 3 for the include chain)\n")
  }

  @Test func longerRecordsSplitIntoStrings() async throws {
    let run = try await SPFKitProcess.run(
      ["generate", "--domain", "example.com", "--ips", "-", "--max-length", "450"],
      input: Self.hosts(20))
    #expect(run.status == 0)
    #expect(run.stdout.hasPrefix("\"v=spf1 ip4:198.51.100.0 "))
    #expect(run.stdout.contains("\" \"ip4:"))
  }

  @Test func wideningReportsItsCost() async throws {
    let run = try await SPFKitProcess.run(
      ["generate", "--domain", "example.com", "--ips", "-", "--widen", "/24"],
      input: "192.0.2.1\n192.0.2.200\n198.51.100.7\n")
    #expect(run.status == 0)
    #expect(run.stdout == "v=spf1 ip4:192.0.2.0/24 ip4:198.51.100.7 -all\n")
    #expect(
      run.stderr == """
        lookups: 0 of 10
        widened: 192.0.2.0/24 authorizes 254 unlisted addresses
        widened: 254 unlisted IPv4 addresses in total

        """)
  }

  @Test func chainPastTenLookupsIsRefused() async throws {
    let includes = (1...9).flatMap { ["--include", "i\($0).example"] }
    let run = try await SPFKitProcess.run(
      ["generate", "--domain", "example.com", "--ips", "-"] + includes, input: Self.hosts(40))
    #expect(run.status == 1)
    #expect(run.stdout.isEmpty)
    #expect(
      run.stderr == "error: the policy needs 13 DNS lookups (9 in the record, 4 for the include chain): "
        + "more than 10 is a permerror (RFC 7208 §4.6.4)\n"
        + "hint: '--widen /24' fits the policy in 9 lookups, and authorizes 88 unlisted addresses\n")
  }

  @Test func badListLineNamesFileLineAndColumn() async throws {
    let list = try Self.file("192.0.2.1\n\n192.0.2.01\n")
    defer { try? FileManager.default.removeItem(at: list) }
    let run = try await SPFKitProcess.run(["generate", "--domain", "example.com", "--ips", list.path])
    #expect(run.status == 2)
    #expect(run.stdout.isEmpty)
    #expect(
      run.stderr
        == "error: \(list.path):3:9: '192.0.2.01' is not an IPv4 address or network: octet has a leading zero\n")
  }

  @Test func unreadableListIsAnInputError() async throws {
    let run = try await SPFKitProcess.run(["generate", "--domain", "example.com", "--ips", "/nonexistent/ips.txt"])
    #expect(run.status == 2)
    #expect(run.stdout.isEmpty)
    #expect(run.stderr == "error: cannot read '/nonexistent/ips.txt': no such file or directory\n")
  }

  @Test(arguments: [
    (["generate", "--ip4", "192.0.2.1"], "'--domain' is required: it names the record"),
    (
      ["generate", "--domain", "e.com", "--ip4", "192.0.2.1/33"],
      "'192.0.2.1/33' is not a usable network for '--ip4': prefix length is greater than 32"
    ),
    (["generate", "--domain", "e.com", "--ip6", "2001:db8::g"], "'2001:db8::g' is not a usable network for '--ip6'"),
    (
      ["generate", "--domain", "e.com", "--include", "bad..example"],
      "'bad..example' is not a usable domain for '--include'"
    ),
    (["generate", "--domain", "e.com", "extra"], "unexpected argument 'extra'"),
    (["generate", "--domain", "e.com", "--ttl", "-1"], "'-1' is not a usable '--ttl'"),
    (["generate", "--domain", "e.com", "--chain-prefix", "a.b"], "'a.b' is not a usable chain prefix"),
  ])
  func usageErrorsExitTwo(_ arguments: [String], _ message: String) async throws {
    let run = try await SPFKitProcess.run(arguments)
    #expect(run.status == 2)
    #expect(run.stdout.isEmpty)
    #expect(run.stderr.hasPrefix("error: \(message)"), "\(run.stderr)")
    #expect(run.stderr.hasSuffix("  See 'spfkit generate --help' for more information.\n"))
  }
}
