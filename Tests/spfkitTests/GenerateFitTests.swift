import Foundation
import Testing

/// `generate` agrees with `lint` on size, and a refusal over the lookup limit says what would fit.
@Suite struct GenerateFitTests {
  /// 120 scattered public hosts, one per line: past one record, so an include chain at 450 octets.
  static let hosts = (0..<120).map { "8.\($0 % 7 + 1).\($0 * 3 % 250).\($0 * 7 % 250 + 1)\n" }.joined()

  static let namedCheckzone = "/usr/bin/named-checkzone"

  /// What `generate --max-length 450 --zone` prints lints clean under `lint --zone --strict` (SPF101
  /// counts the owner name and the length octets: RFC 7208 §3.4), and `named-checkzone` accepts it.
  @Test(arguments: ["example.com", "outbound-mail-servers.subsidiary-of-a-long-company-name.example.com"])
  func zoneOutputAt450LintsCleanUnderStrict(_ domain: String) async throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    try scratch.write("ips.txt", Self.hosts)
    let generated = try await SPFKitProcess.run([
      "generate", "--domain", domain, "--ips", scratch.path("ips.txt"), "--max-length", "450", "--zone",
    ])
    #expect(generated.status == 0, "\(generated.stderr)")
    #expect(generated.stdout.components(separatedBy: " IN TXT ").count > 3, "an include chain")
    try scratch.write("policy.zone", generated.stdout)
    let lint = try await SPFKitProcess.run(["lint", "--zone", scratch.path("policy.zone"), "--strict"])
    #expect(lint.status == 0, "\(lint.stdout)")
    #expect(!lint.stdout.contains("SPF101"))
    try await Self.expectNamedCheckzoneAccepts(generated.stdout, origin: domain, scratch: scratch)
  }

  static func expectNamedCheckzoneAccepts(_ lines: String, origin: String, scratch: ScratchDirectory) async throws {
    guard FileManager.default.isExecutableFile(atPath: namedCheckzone) else {
      if ProcessInfo.processInfo.environment["CI"] == "true" {
        Issue.record("named-checkzone is missing at \(namedCheckzone): install bind9-utils")
      }
      return
    }
    let header = """
      $TTL 3600
      \(origin). IN SOA ns.\(origin). hostmaster.\(origin). 1 7200 3600 1209600 300
      \(origin). IN NS ns.\(origin).
      ns.\(origin). IN A 8.8.8.8

      """
    try scratch.write("checked.zone", header + lines)
    let run = try await ChildRun.run(
      URL(fileURLWithPath: namedCheckzone), [origin, scratch.path("checked.zone")],
      environment: ProcessInfo.processInfo.environment)
    #expect(run.status == 0, "named-checkzone: \(run.stdout)\(run.stderr)")
  }

  /// 200 hosts in ten /24s need 11 chain members at 255 octets: the refusal names what fits, and each
  /// hint, run, does fit.
  @Test func refusalSuggestsOnlyWhatFits() async throws {
    let hosts = (0..<200).map { "8.8.\($0 / 20).\($0 % 20 * 3 + 1)\n" }.joined()
    let run = try await SPFKitProcess.run(["generate", "--domain", "example.com", "--ips", "-"], input: hosts)
    #expect(run.status == 1)
    let lines = run.stderr.split(separator: "\n").map(String.init)
    #expect(lines.first?.hasPrefix("error: the policy needs 11 DNS lookups") == true, "\(run.stderr)")
    let hints = lines.dropFirst()
    #expect(hints.count == 2, "\(run.stderr)")
    #expect(hints.first?.hasPrefix("hint: '--max-length 450' fits the policy in ") == true)
    #expect(hints.last?.contains("'--widen /24' fits the policy in ") == true)
    #expect(hints.last?.contains("unlisted addresses") == true)
    for hint in hints {
      let options = try #require(hint.firstMatch(of: #/'([^']+)'/#)).1.split(separator: " ").map(String.init)
      let fitted = try await SPFKitProcess.run(
        ["generate", "--domain", "example.com", "--ips", "-"] + options, input: hosts)
      #expect(fitted.status == 0, "\(options): \(fitted.stderr)")
    }
  }

  @Test func scatteredAddressesGetNoFalseHope() async throws {
    let hosts = (0..<300).map { "\(11 + $0 % 80).\($0 * 37 % 256).\($0 * 91 % 256).\($0 % 250 + 1)\n" }.joined()
    let run = try await SPFKitProcess.run(["generate", "--domain", "example.com", "--ips", "-"], input: hosts)
    #expect(run.status == 1)
    #expect(
      run.stderr.hasSuffix(
        "hint: none of '--max-length 450', '--widen /24', '--max-length 450 --widen /24' fits it in 10 lookups: "
          + "the addresses are too scattered\n"), "\(run.stderr)")
  }
}
