import Foundation
import Testing

/// `spfkit lint --format github`: one workflow command per finding, escaped as the runner reads it.
@Suite struct GitHubOutputTests {
  /// A record argument is no file GitHub could place (issue 12): no `file=`, the location starts the
  /// message; the summary ends the output as a plain log line.
  @Test func recordArgumentsCarryTheirLocationInTheMessage() async throws {
    let run = try await SPFKitProcess.run(["lint", "--format", "github", "v=spf1 ip4:1.2.3.04 +all", "v=spf1 mx -all"])
    #expect(run.status == 1)
    #expect(
      run.stdout == """
        ::error title=SPF007::<arg1>:1:12: '1.2.3.04' is not a valid IPv4 address: octet has a leading zero
        ::warning title=SPF103::<arg1>:1:21: '+all' lets every host on the internet pass\
        %0Afix: replace '+all' with '-all'
        ::error title=SPF001::<arg2>:1:1: the name publishes 2 SPF records: receivers \
        return permerror and ignore all of them%0Anote: merge them into one record: spfkit merge RECORD RECORD ...\
        %0Anote: the RECORD arguments of one 'spfkit lint' are the TXT records of one name; to lint records on \
        their own, give one per run or one per line on standard input ('-')
        ::notice title=SPF201::<arg2>:1:1: the record uses 1 of 10 DNS lookups: mx
        2 records checked: 2 errors, 1 warning, 1 info

        """)
  }

  @Test func anUnreadableZoneIsAnErrorAnnotationAndTheSummarySaysSo() async throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let run = try await SPFKitProcess.run(
      ["lint", "--format", "github", "--zone", "missing.zone"], directory: scratch.url)
    #expect(run.status == 2)
    #expect(
      run.stdout == """
        ::error file=missing.zone,line=1,col=1::cannot open 'missing.zone': no such file or directory
        0 records checked: 1 input could not be read

        """)
  }

  @Test func propertiesAndMessagesAreEscaped() async throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let (zone, marks) = markedZone(
      """
      a 1 TXT ( "v=spf1 ↓ip4:81.2.0.0/16"
         "ip4:81.3.0.0/16 exists:↓%{z}.example.com -all" )

      """)
    try scratch.write("a,b:c%.zone", zone)
    let run = try await SPFKitProcess.run(
      ["lint", "--format", "github", "--zone", "a,b:c%.zone"], directory: scratch.url)
    let lines = run.stdout.split(separator: "\n").map(String.init)
    let file = "file=a%2Cb%3Ac%25.zone"
    let (start, macro) = (marks[0].split(separator: ":"), marks[1].split(separator: ":"))
    #expect(
      lines.first { $0.contains("title=SPF014") }
        == "::error \(file),line=\(start[0]),col=\(start[1]),title=SPF014::'ip4:81.2.0.0/16ip4:81.3.0.0/16' "
        + "fuses two terms: the strings are joined with no space after 'ip4:81.2.0.0/16'"
        + "%0Afix: insert a space between the strings%0Anote: this also gives SPF008: '/16ip4:81.3.0.0/16' is not "
        + "a valid prefix length: prefix length is not a number",
      "a finding over two lines is marked at its start, without endColumn")
    #expect(
      lines.contains {
        $0.hasPrefix("::error \(file),line=\(macro[0]),col=\(macro[1]),endColumn=")
          && $0.contains(",title=SPF010::'%25{z}' has an unknown macro letter")
      }, "% in data: \(lines)")
    #expect(run.stderr.isEmpty)
  }
}
