import Foundation
import Testing

/// Small things a user hit (issue 12, item 10): one spelling of `error:`, a suggestion for a mistyped
/// subcommand, and SPF001 saying why several RECORD arguments are one name.
@Suite struct UsageMessageTests {
  @Test(arguments: [
    (["lnt", "v=spf1 -all"], "error: unknown subcommand 'lnt': did you mean 'lint'?\n"),
    (["chek"], "error: unknown subcommand 'chek': did you mean 'check'?\n"),
    (["explian", "SPF001"], "error: unknown subcommand 'explian': did you mean 'explain'?\n"),
    (["frobnicate"], "error: unknown subcommand 'frobnicate'\n"),
  ])
  func mistypedSubcommandGetsASuggestion(_ arguments: [String], _ firstLine: String) async throws {
    let run = try await SPFKitProcess.run(arguments)
    #expect(run.status == 2)
    #expect(run.stdout.isEmpty)
    #expect(run.stderr.hasPrefix(firstLine), "\(run.stderr)")
  }

  /// Usage errors and input errors start alike, lowercase like a compiler's (after the place, when
  /// there is one: `FILE:LINE:COL: error: ...`).
  @Test(arguments: [
    ["lint", "--format", "xml", "v=spf1 -all"], ["lint", "--zone", "/nonexistent/a.zone"], [],
    ["generate", "--domain", "example.com", "--ips", "/nonexistent/ips.txt"],
  ])
  func everyErrorStartsWithLowercaseError(_ arguments: [String]) async throws {
    let run = try await SPFKitProcess.run(arguments)
    #expect(run.status == 2)
    #expect(run.stderr.firstMatch(of: #/^([^ ]+: )?error: /#) != nil, "\(run.stderr)")
    #expect(!run.stderr.contains("Error:"))
  }

  @Test func severalRecordArgumentsSayTheyAreOneName() async throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    try scratch.write("a.zone", "example.com. 3600 IN TXT \"v=spf1 mx -all\"\n")
    let run = try await SPFKitProcess.run([
      "lint", "v=spf1 mx -all", "--zone", scratch.path("a.zone"), "--", "v=spf1 a -all",
    ])
    #expect(run.status == 1)
    #expect(run.stdout.contains("<arg2>:1:1: error[SPF001] the name publishes 2 SPF records"))
    #expect(run.stdout.contains("= note: the RECORD arguments of one 'spfkit lint' are the TXT records of one name"))
    let alone = try await SPFKitProcess.run(["lint", "--zone", scratch.path("a.zone"), "--", "v=spf1 a -all"])
    #expect(alone.status == 0, "the README's example, one record: \(alone.stdout)")
  }
}
