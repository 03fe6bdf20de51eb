import Foundation
import Testing

@Suite struct LintCommandTests {
  @Test func cleanRecordExitsZero() async throws {
    let run = try await SPFKitProcess.run(
      ["lint", "v=spf1 ip4:192.0.2.0/24 -all"].map { $0.replacingOccurrences(of: "192.0.2.0/24", with: "8.8.8.0/24") })
    #expect(run.status == 0)
    #expect(run.stdout == "1 record checked: no problems\n")
    #expect(run.stderr.isEmpty)
  }

  @Test func errorPrintsCompilerStyleLineWithCaret() async throws {
    let run = try await SPFKitProcess.run(["lint", "v=spf1 ip4:1.2.3.04 -all"])
    #expect(run.status == 1)
    #expect(
      run.stdout == """
        <arg1>:1:12: error[SPF007] '1.2.3.04' is not a valid IPv4 address: octet has a leading zero
          | v=spf1 ip4:1.2.3.04 -all
          |            ^~~~~~~~
        1 record checked: 1 error

        """)
    #expect(run.stderr.isEmpty)
  }

  @Test func presentationFormatColumnsPointIntoTheArgument() async throws {
    let run = try await SPFKitProcess.run(["lint", #""v=spf1 ip4:8.8.8.8 " "ip4:1.1.1.01 -all""#])
    #expect(run.status == 1)
    // Joined offset 23 is the 4th byte of the second string, which starts at column 24 of the argument.
    #expect(run.stdout.hasPrefix("<arg1>:1:28: error[SPF007] '1.1.1.01'"))
  }

  @Test func twoRecordsAtOneNameAreMultipleRecords() async throws {
    let run = try await SPFKitProcess.run(["lint", "v=spf1 ip4:8.8.8.8 -all", "v=spf1 ip4:9.9.9.9 -all"])
    #expect(run.status == 1)
    #expect(run.stdout.contains("<arg2>:1:1: error[SPF001] the name publishes 2 SPF records"))
  }

  @Test func warningsFailOnlyWhenStrict() async throws {
    let lenient = try await SPFKitProcess.run(["lint", "v=spf1 ip4:8.8.8.8 ?all"])
    #expect(lenient.status == 0)
    #expect(lenient.stdout.contains("warning[SPF104]"))
    let strict = try await SPFKitProcess.run(["lint", "--strict", "v=spf1 ip4:8.8.8.8 ?all"])
    #expect(strict.status == 1)
  }

  @Test func disableRemovesARuleByCodeOrSlug() async throws {
    for name in ["SPF104", "neutral-all", "spf104,SPF102"] {
      let run = try await SPFKitProcess.run(["lint", "--strict", "--disable", name, "v=spf1 ip4:8.8.8.8 ?all"])
      #expect(run.status == 0, "\(name)")
      #expect(!run.stdout.contains("SPF104"), "\(name)")
    }
  }

  @Test func unknownRuleInDisableIsAUsageError() async throws {
    let run = try await SPFKitProcess.run(["lint", "--disable", "SPF999", "v=spf1 -all"])
    #expect(run.status == 2)
    #expect(run.stdout.isEmpty)
    #expect(
      run.stderr == """
        error: unknown rule 'SPF999' in '--disable': see 'spfkit explain' for the list
        Usage: spfkit lint [<record> ...] [--zone <file> ...] [--domain <name> ...] [--resolve] [--name <name>] \
        [--format <format>] [--severity <severity>] [--statistics] [--output <file>] [--jobs <n>] [--strict] \
        [--disable <codes>]
          See 'spfkit lint --help' for more information.

        """)
  }

  @Test(arguments: [
    (["lint"], "nothing to lint"),
    (["lint", "--format", "xml", "v=spf1 -all"], "unknown format 'xml'"),
    (["lint", "--frobnicate"], "unknown option '--frobnicate'"),
    (["lint", "--format"], "option '--format' needs a value"),
    (["lint", "--server", "127.0.0.1", "v=spf1 -all"], "'--server' needs '--resolve' or '--domain'"),
    (["lint", "--timeout", "2", "v=spf1 -all"], "'--timeout' needs '--resolve' or '--domain'"),
    (["lint", "--domain", "a..example.com"], "invalid domain name 'a..example.com' for '--domain'"),
    (["lint", "--resolve", "--server", "nonsense", "v=spf1 -all"], "invalid value 'nonsense' for '--server'"),
  ])
  func usageErrorsExitTwo(_ arguments: [String], _ message: String) async throws {
    let run = try await SPFKitProcess.run(arguments)
    #expect(run.status == 2)
    #expect(run.stdout.isEmpty)
    #expect(run.stderr.hasPrefix("error: \(message)"))
  }

  @Test func malformedPresentationArgumentNamesTheArgument() async throws {
    let run = try await SPFKitProcess.run(["lint", #""v=spf1 -all"#])
    #expect(run.status == 2)
    #expect(run.stdout == "0 records checked: 1 input could not be read\n", "never 'no problems' (issue 10)")
    #expect(run.stderr == "<arg1>:1:1: error: unterminated character-string: no closing '\"'\n")
  }

  @Test func standardInputLintsEachLineAlone() async throws {
    let input = """
      v=spf1 ip4:8.8.8.8 -all
      # a comment line

      v=spf1 ip4:8.8.8.8 ip4:1.2.3.04 -all
      v=spf1 ip4:9.9.9.9 -all
      """
    let run = try await SPFKitProcess.run(["lint", "-"], input: input)
    #expect(run.status == 1)
    #expect(run.stdout.contains("<stdin>:4:24: error[SPF007]"))
    #expect(!run.stdout.contains("SPF001"), "records on separate lines are separate names")
    #expect(run.stdout.hasSuffix("3 records checked: 1 error\n"))
  }

  @Test func badLineOnStandardInputIsAnInputErrorButTheRestIsLinted() async throws {
    let run = try await SPFKitProcess.run(
      ["lint", "-"], input: "\"v=spf1 -all\n v=spf1 -all\nv=spf1 ip4:8.8.8.8 -all\n")
    #expect(run.status == 2)
    #expect(run.stderr.contains("<stdin>:1:1: error: unterminated character-string"))
    #expect(run.stdout.contains("<stdin>:2:1: error[SPF012]"))
  }

  @Test func hostileBytesOnStandardInputNeverCrash() async throws {
    var input: [UInt8] = Array("v=spf1 ip4:8.8.8.8 ".utf8) + [0x00, 0xFF, 0xC3, 0x28, 0x09] + Array(" -all\n".utf8)
    input += Array("v=spf1 ".utf8) + Array(repeating: UInt8(ascii: "a"), count: 1 << 20) + [0x0A]
    input += Array("v=spf1 %{".utf8) + [0x0A]
    let run = try await SPFKitProcess.run(["lint", "-"], stdin: input)
    #expect(run.status == 2, "the binary first line is an input error")
    #expect(run.stderr == "<stdin>:1:20: error: binary data: NUL byte\n")
    #expect(run.stdout.contains("<stdin>:2:8: error[SPF006]"))
    #expect(run.stdout.contains("<stdin>:3:8: error[SPF006] '%{' is not a mechanism"))
    #expect(
      run.stdout.contains("2 records checked: 3 errors, 1 warning"), "SPF006 twice; SPF002 and SPF101 for the long line"
    )
    #expect(run.stdout.split(separator: "\n").allSatisfy { $0.utf8.count < 400 }, "long text is cut in messages")
  }

  @Test func jsonOutputIsOneDocument() async throws {
    let run = try await SPFKitProcess.run(["lint", "--format", "json", "v=spf1 ip4:192.0.2.5/24 -all"])
    #expect(run.status == 0)
    let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    #expect(document["version"] as? Int == 1)
    let summary = try #require(document["summary"] as? [String: Any])
    #expect(summary["records"] as? Int == 1)
    #expect(summary["warnings"] as? Int == 2)
    let inputs = try #require(document["inputs"] as? [[String: Any]])
    let findings = try #require(inputs.first?["diagnostics"] as? [[String: Any]])
    let hostBits = try #require(findings.first { $0["code"] as? String == "SPF110" })
    #expect(hostBits["slug"] as? String == "host-bits-set")
    #expect(hostBits["column"] as? Int == 8)
    #expect(hostBits["start"] as? Int == 7)
    let fix = try #require(hostBits["fix"] as? [String: Any])
    #expect(fix["title"] as? String == "replace 'ip4:192.0.2.5/24' with 'ip4:192.0.2.0/24'")
  }

  @Test func colourNeverGoesIntoAPipe() async throws {
    let run = try await SPFKitProcess.run(["lint", "v=spf1 +all"], environment: ["TERM": "xterm-256color"])
    #expect(!run.stdout.contains("\u{1B}["))
  }
}
