import Foundation
import Testing

@Suite(.serialized) struct MergeCommandTests {
  /// The two records one real domain published at once (Examples/merge/README.md).
  static let example = [
    "v=spf1 ip4:211.252.150.22 ip4:211.252.150.23 ip4:211.252.150.33 ip4:211.252.150.47 ip4:211.252.150.16 "
      + "ip4:221.143.30.34 ip4:123.251.254.2 -all",
    "v=spf1 ip4:114.31.57.34 ip4:114.31.57.35 ip4:203.237.66.13 ip4:203.237.66.6 -all",
  ]
  static let merged =
    "v=spf1 ip4:114.31.57.34/31 ip4:123.251.254.2 ip4:203.237.66.6 ip4:203.237.66.13 ip4:211.252.150.16 "
    + "ip4:211.252.150.22/31 ip4:211.252.150.33 ip4:211.252.150.47 ip4:221.143.30.34 -all"

  @Test func theExampleMergesIntoOneRecord() async throws {
    let run = try await SPFKitProcess.run(["merge"] + Self.example)
    #expect(run.status == 0)
    #expect(run.stdout == Self.merged + "\n")
    #expect(run.stderr == "lookups: 0 of 10\n")
  }

  /// The Examples page shows exactly what the binary prints.
  @Test func examplesPageMatchesTheOutput() async throws {
    let page = try String(
      contentsOf: SPFKitProcess.packageRoot.appendingPathComponent("Examples/merge/README.md"), encoding: .utf8)
    let quoted = Self.example.map { "'\($0)'" }.joined(separator: " ")
    #expect(page.contains("$ spfkit merge \(quoted)\n\(Self.merged)\nlookups: 0 of 10\n"))
    let zone = try await SPFKitProcess.run(["merge", "--domain", "example.com", "--zone"] + Self.example)
    #expect(page.contains(zone.stdout))
    let refused = try await SPFKitProcess.run(["merge", "v=spf1 ip4:192.0.2.1 -all", "v=spf1 ip4:192.0.2.2 ~all"])
    #expect(page.contains(refused.stderr))
    let decided = try await SPFKitProcess.run([
      "merge", "--all", "-", "v=spf1 ip4:192.0.2.1 -all", "v=spf1 ip4:192.0.2.2 ~all",
    ])
    #expect(page.contains(decided.stdout + decided.stderr))
  }

  @Test func mergedRecordLintsClean() async throws {
    let run = try await SPFKitProcess.run(["lint", "--strict", Self.merged])
    #expect(run.status == 0)
  }

  @Test func disagreeingAllIsRefused() async throws {
    let run = try await SPFKitProcess.run(["merge", "v=spf1 ip4:192.0.2.1 -all", "v=spf1 ip4:192.0.2.2 ~all"])
    #expect(run.status == 1)
    #expect(run.stdout.isEmpty)
    #expect(
      run.stderr == "error: the records end differently ('-all' in record 1, '~all' in record 2): "
        + "choose one with '--all'\n")
  }

  /// RFC 7208 §6: a record naming `redirect=` or `exp=` twice is a permerror; merging must not keep
  /// one of the two silently.
  @Test(arguments: [
    ("v=spf1 redirect=a.example redirect=b.example", "redirect"), ("v=spf1 exp=a.example exp=b.example -all", "exp"),
    ("v=spf1 redirect=a.example REDIRECT=a.example", "redirect"),
  ])
  func aRepeatedRedirectOrExpIsRefused(_ record: String, _ name: String) async throws {
    let run = try await SPFKitProcess.run(["merge", "v=spf1 mx -all", record])
    #expect(run.status == 2)
    #expect(run.stdout.isEmpty)
    #expect(
      run.stderr == "error: record 2 names '\(name)=' more than once: receivers return permerror for it "
        + "(RFC 7208 §6); keep one by hand before merging\n")
  }

  @Test(arguments: ["~", "softfail", "SOFTFAIL"])
  func allDecides(_ qualifier: String) async throws {
    let run = try await SPFKitProcess.run(["merge", "--all", qualifier, "v=spf1 a -all", "v=spf1 mx ?all"])
    #expect(run.status == 0)
    #expect(run.stdout == "v=spf1 a mx ~all\n")
    #expect(run.stderr == "lookups: 2 of 10\n")
  }

  @Test func notesGoToStandardError() async throws {
    let run = try await SPFKitProcess.run([
      "merge", "--all", "-", "v=spf1 a redirect=_spf.example.com", "v=spf1 mx -all",
    ])
    #expect(run.status == 0)
    #expect(run.stdout == "v=spf1 a mx -all\n")
    #expect(
      run.stderr == "lookups: 2 of 10\nnote: 'redirect=_spf.example.com' dropped: '--all' decides how the record ends\n"
    )
  }

  @Test func syntaxErrorNamesTheArgumentAndColumn() async throws {
    let run = try await SPFKitProcess.run(["merge", "v=spf1 a -all", "v=spf1 ip4:1.2.3.04 -all"])
    #expect(run.status == 2)
    #expect(run.stdout.isEmpty)
    #expect(run.stderr == "error: <arg2>:1:12: '1.2.3.04' is not a valid IPv4 address: octet has a leading zero\n")
  }

  @Test func presentationFormatColumnsPointIntoTheArgument() async throws {
    let run = try await SPFKitProcess.run(["merge", #""v=spf1 ip4:8.8.8.8 " "ip4:1.1.1.01 -all""#])
    #expect(run.status == 2)
    #expect(run.stderr.hasPrefix("error: <arg1>:1:28: '1.1.1.01'"))
  }

  @Test func standardInputRecordsJoinTheMerge() async throws {
    let run = try await SPFKitProcess.run(
      ["merge", "v=spf1 a -all", "-"], input: "# records\nv=spf1 mx -all\n\nv=spf1 a -all\n")
    #expect(run.status == 0)
    #expect(run.stdout == "v=spf1 a mx -all\n")
  }

  @Test func standardInputSyntaxErrorNamesTheLine() async throws {
    let run = try await SPFKitProcess.run(["merge", "-"], input: "v=spf1 a -all\nv=spf1 ip4:300.1.1.1 -all\n")
    #expect(run.status == 2)
    #expect(run.stdout.isEmpty)
    #expect(run.stderr.hasPrefix("error: <stdin>:2:12: '300.1.1.1'"))
  }

  @Test func standardInputThatCannotBeReadIsNoEmptyMerge() async throws {
    let scratch = try ScratchDirectory("spfkit-merge")
    defer { scratch.remove() }
    let run = try await SPFKitProcess.run(["merge", "v=spf1 a -all", "-"], standardInputFrom: scratch.url.path)
    #expect(run.status == 2)
    #expect(run.stdout.isEmpty, "no merge of the records read before the failure")
    #expect(run.stderr.hasPrefix("error: <stdin>:1:1: cannot read: is a directory\n"))
  }

  @Test func reorderingThatChangesResultsIsRefused() async throws {
    let run = try await SPFKitProcess.run(["merge", "v=spf1 -exists:%{i}.bl.example.com include:_spf.example.net ~all"])
    #expect(run.status == 1)
    #expect(run.stdout.isEmpty)
    #expect(
      run.stderr.hasPrefix(
        "error: 'include:_spf.example.net' would be written before '-exists:%{i}.bl.example.com'"))
  }

  @Test func tooManyLookupsIsRefused() async throws {
    let includes = (1...11).map { "include:i\($0).example" }.joined(separator: " ")
    let run = try await SPFKitProcess.run(["merge", "v=spf1 \(includes) -all"])
    #expect(run.status == 1)
    #expect(run.stdout.isEmpty)
    #expect(
      run.stderr == "error: the policy needs 11 DNS lookups (11 in the record, 0 for the include chain): "
        + "more than 10 is a permerror (RFC 7208 §4.6.4)\n")
  }

  @Test func jsonCarriesRecordsAndReport() async throws {
    let run = try await SPFKitProcess.run(["merge", "--format", "json", "--domain", "example.com", "v=spf1 a -all"])
    #expect(run.status == 0)
    #expect(run.stderr.isEmpty)
    #expect(
      run.stdout == """
        {
          "chainLookups" : 0,
          "lookups" : 1,
          "notes" : [

          ],
          "records" : [
            {
              "name" : "example.com",
              "strings" : [
                "v=spf1 a -all"
              ],
              "text" : "v=spf1 a -all"
            }
          ],
          "tool" : {
            "name" : "spfkit",
            "version" : "\(try await SPFKitProcess.run(["--version"]).stdout.dropLast())"
          },
          "unlistedAddresses" : {
            "ipv4" : "0",
            "ipv6" : "0"
          },
          "version" : 1,
          "widened" : [

          ]
        }

        """)
  }

  @Test(arguments: [
    (["merge"], "nothing to merge: give the <record>s published at one name"),
    (["merge", "--zone", "v=spf1 -all"], "'--zone' needs '--domain' to name the records"),
    (["merge", "--all", "x", "v=spf1 -all"], "unknown qualifier 'x' for '--all'"),
    (["merge", "--max-length", "500", "v=spf1 -all"], "'500' is not a usable maximum length: use 32...450 octets"),
    (["merge", "--max-length", "ten", "v=spf1 -all"], "'ten' is not a number of octets for '--max-length'"),
    (["merge", "--widen", "/33", "v=spf1 -all"], "'/33' is not a usable '--widen' prefix: prefix length is greater"),
    (["merge", "--domain", "exa mple.com", "v=spf1 -all"], "'exa mple.com' is not a usable domain"),
    (["merge", "--format", "json", "--zone", "--domain", "e.com", "v=spf1 -all"], "'--zone' prints zone lines"),
    (
      ["merge", "v=spf1 " + (1...30).map { "ip4:192.0.2.\($0 * 2)" }.joined(separator: " ")],
      "the record is 452 octets, more than 255: an include chain needs '--domain'"
    ),
  ])
  func usageErrorsExitTwo(_ arguments: [String], _ message: String) async throws {
    let run = try await SPFKitProcess.run(arguments)
    #expect(run.status == 2)
    #expect(run.stdout.isEmpty)
    #expect(run.stderr.hasPrefix("error: \(message)"))
    #expect(run.stderr.hasSuffix("  See 'spfkit merge --help' for more information.\n"))
  }
}
