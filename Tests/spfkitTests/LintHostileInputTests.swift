import Foundation
import SPFKitTestSupport
import Testing

/// `spfkit lint` on input meant to break it (issue 10): a record of 50,000 terms, binary bulk input,
/// and text that is no SPF record. Never a false "no problems".
@Suite struct LintHostileInputTests {
  /// 5,000 /24 networks, each followed by nine hosts inside it, then 1,000 copies of one IPv6 network:
  /// 45,000 SPF108 findings and one SPF109 with the count, SPF002 for the one long string and SPF101 for its size.
  static let longRecord: String = {
    var terms = ["v=spf1"]
    for block in 0..<5_000 {
      let network = "20.\(block >> 8).\(block & 255)"
      terms.append("ip4:\(network).0/24")
      for host in 1...9 { terms.append("ip4:\(network).\(host)") }
    }
    terms += Array(repeating: "ip6:2001:4860::/32", count: 1_000)
    return terms.joined(separator: " ") + " -all\n"
  }()

  @Test func aRecordOfFiftyThousandTermsGetsEveryFinding() async throws {
    let run = try await SPFKitProcess.run(["lint", "--format", "json", "-"], input: Self.longRecord)
    #expect(run.status == 1)
    let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let summary = try #require(document["summary"] as? [String: Any])
    #expect(summary["records"] as? Int == 1)
    #expect(summary["errors"] as? Int == 1, "SPF002: the record is one string of over 255 octets")
    #expect(summary["warnings"] as? Int == 45_000 + 1 + 1, "SPF108, SPF109 (once, with the count) and SPF101")
  }

  @Test func theFindingsOfALongRecordNameTheRightTerms() async throws {
    let run = try await SPFKitProcess.run(["lint", "-"], input: Self.longRecord)
    #expect(run.status == 1)
    let lines = run.stdout.split(separator: "\n").map(String.init)
    #expect(lines.contains("<stdin>:1:24: warning[SPF108] 'ip4:20.0.0.1' is covered by 'ip4:20.0.0.0/24'"))
    #expect(lines.contains("  = fix: remove 'ip4:20.0.0.1'"))
    let ip6 = try #require(Self.longRecord.utf8.firstRange(of: "ip6:".utf8)).lowerBound
    let ip6Column = Self.longRecord.utf8.distance(from: Self.longRecord.utf8.startIndex, to: ip6) + 1
    #expect(
      lines.contains {
        $0.hasPrefix(
          "<stdin>:1:\(ip6Column + 19): warning[SPF109] 'ip6:2001:4860::/32' appears 1000 times: the 999 copies after the first add nothing"
        )
      })
    #expect(!lines.contains { $0.contains("'ip4:20.0.0.0/24' is covered") }, "a /24 is covered by nothing")
  }

  @Test func binaryLinesOnStandardInputAreInputErrorsAndTheRestIsLinted() async throws {
    var input = Array("v=spf1 ip4:8.8.8.8 -all\n".utf8)
    input += Array("v=spf1 ip4:8.8.8.8".utf8) + [0x00] + Array(" -all\n".utf8)
    input += Array("v=spf1 ip4:8.8.8.8 +all\n".utf8)
    input += Array("v=spf1 a:caf".utf8) + [0xC3, 0x28] + Array(" -all\n".utf8)
    input += Array("v=spf1 a:caf\u{E9}.example -all\n".utf8)
    let run = try await SPFKitProcess.run(["lint", "-"], stdin: input)
    #expect(run.status == 2)
    #expect(
      run.stderr == """
        <stdin>:2:19: error: binary data: NUL byte
        <stdin>:4:13: error: binary data: invalid UTF-8 byte 0xC3

        """)
    #expect(run.stdout.contains("<stdin>:3:20: warning[SPF103]"), "the lines after a binary one are linted")
    #expect(run.stdout.contains("<stdin>:5:13: error[SPF013] non-ASCII character 'é'"), "valid UTF-8 is linted")
    #expect(!run.stdout.contains("no problems"))
  }

  @Test func standardInputThatCannotBeReadIsAnInputError() async throws {
    let scratch = try ScratchDirectory("spfkit-stdin")
    defer { scratch.remove() }
    // read(2) fails with EISDIR: no empty input.
    let run = try await SPFKitProcess.run(["lint", "-"], standardInputFrom: scratch.url.path)
    #expect(run.status == 2)
    #expect(run.stderr == "<stdin>:1:1: error: cannot read: is a directory\n")
    #expect(run.stdout == "0 records checked: 1 input could not be read\n")
  }

  @Test func aLineOverSixteenMiBIsAnInputErrorAndTheNextLineIsLinted() async throws {
    let long = Array("v=spf1 ".utf8) + [UInt8](repeating: 0x61, count: 17 << 20)
    let run = try await SPFKitProcess.run(["lint", "-"], stdin: long + Array("\nv=spf1 +all\n".utf8))
    #expect(run.status == 2)
    #expect(run.stderr == "<stdin>:1:1: error: line is longer than 16 MiB\n")
    #expect(run.stdout.hasPrefix("<stdin>:2:8: warning[SPF103]"), "\(run.stdout.prefix(200))")
  }

  @Test(arguments: 0..<4)
  func randomBytesOnStandardInputNeverPass(seed: Int) async throws {
    var rng = SplitMix64(seed: UInt64(seed))
    let run = try await SPFKitProcess.run(["lint", "-"], stdin: rng.bytes(4000))
    #expect(run.status == 2)
    let errors = run.stderr.split(separator: "\n")
    #expect(!errors.isEmpty && errors.allSatisfy { $0.hasPrefix("<stdin>:") && $0.contains(": error: ") })
    #expect(errors.contains { $0.contains(": error: binary data: ") })
  }

  @Test(arguments: [
    (
      "example.com",
      "'example.com' is a domain name, not an SPF record: lint the records it publishes with "
        + "'spfkit lint --domain example.com'"
    ),
    ("_spf.example.com.", "'_spf.example.com.' is a domain name, not an SPF record"),
    (
      "",
      "the record is empty: give an SPF record ('v=spf1 ...'), or lint a domain with '--domain NAME', "
        + "a zone file with '--zone FILE' or a file of records with '- < FILE'"
    ),
    ("  ", "the record is empty"),
    (
      "Examples/records.txt",
      "'Examples/records.txt' is a file, not an SPF record: lint its records, one per line, "
        + "with 'spfkit lint - < Examples/records.txt', or a zone file with 'spfkit lint --zone Examples/records.txt'"
    ),
    ("192.0.2.1", "'192.0.2.1' is an IP address, not an SPF record: 'spfkit check 192.0.2.1 DOMAIN'"),
  ])
  func anArgumentThatIsNoRecordIsAUsageError(_ argument: String, _ message: String) async throws {
    let run = try await SPFKitProcess.run(["lint", argument], directory: SPFKitProcess.packageRoot)
    #expect(run.status == 2)
    #expect(run.stdout.isEmpty)
    #expect(run.stderr.hasPrefix("error: <arg1>: \(message)"))
    #expect(run.stderr.contains("See 'spfkit lint --help'"))
  }

  @Test func textThatIsNoRecordIsAnInputError() async throws {
    let run = try await SPFKitProcess.run(["lint", "hello world"])
    #expect(run.status == 2)
    #expect(run.stdout == "0 records checked: 1 input could not be read\n")
    #expect(
      run.stderr
        == "<arg1>:1:1: error: 'hello world' is not an SPF record: an SPF record starts with 'v=spf1' "
        + "(lint a domain with '--domain NAME', a zone file with '--zone FILE')\n")
  }

  @Test func otherTXTRecordsBesideAnSPFRecordStaySilent() async throws {
    let run = try await SPFKitProcess.run(["lint", "google-site-verification=abc", "v=spf1 ip4:8.8.8.8 -all"])
    #expect(run.status == 0)
    #expect(run.stdout == "2 records checked: no problems\n")
    let domain = try await SPFKitProcess.run(["lint", "v=spf1 ip4:8.8.8.8 -all", "example.com"])
    #expect(domain.status == 2, "a domain name is a mistake even beside a record")
  }

  @Test(arguments: ["v=spf2 -all", "v=spf1.0 -all", "'v=spf1 -all'", " v=spf1 -all"])
  func textThatLooksLikeSPFIsLintedAsBefore(_ argument: String) async throws {
    let run = try await SPFKitProcess.run(["lint", argument])
    #expect(run.status == 1)
    #expect(run.stdout.contains("error[SPF012]"))
  }

  @Test func aLineThatIsNoRecordIsAnInputErrorAndTheRestIsLinted() async throws {
    let run = try await SPFKitProcess.run(
      ["lint", "-"], input: "v=spf1 ip4:8.8.8.8 -all\nexample.com\nhello world\nv=spf1 ip4:8.8.8.8 ?all\n")
    #expect(run.status == 2)
    #expect(
      run.stderr == """
        <stdin>:2:1: error: 'example.com' is a domain name, not an SPF record: lint the records it publishes with \
        'spfkit lint --domain example.com'
        <stdin>:3:1: error: 'hello world' is not an SPF record: an SPF record starts with 'v=spf1' (lint a domain \
        with '--domain NAME', a zone file with '--zone FILE')

        """)
    #expect(run.stdout.contains("<stdin>:4:20: warning[SPF104]"))
  }
}
