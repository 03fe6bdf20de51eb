import Foundation
import Testing

/// `spfkit lsp` spoken to over a pipe: lifecycle, diagnostics and their positions, quick fixes,
/// hovers, settings, and bad input.
@Suite struct LSPProtocolTests {
  static let recordsURI = "file:///nonexistent/records.txt"
  static let zoneURI = "file:///nonexistent/db.example.com"

  @Test func initializeAnnouncesCapabilitiesAndShutdownExitsZero() async throws {
    var session = LSPSession()
    session.shutDown()
    let run = try await session.run()
    #expect(run.status == 0)
    #expect(run.stderr.isEmpty)
    let capabilities = (run.messages.response(1)?["result"] as? [String: Any])?["capabilities"] as? [String: Any]
    #expect(capabilities?["hoverProvider"] as? Bool == true)
    #expect(capabilities?["positionEncoding"] as? String == "utf-16")
    #expect((capabilities?["textDocumentSync"] as? [String: Any])?["change"] as? Int == 2)
    #expect(run.messages.response(2)?.keys.contains("result") == true)
  }

  @Test func helpAndArguments() async throws {
    let help = try await SPFKitProcess.run(["lsp", "--help"])
    #expect(help.status == 0)
    #expect(help.stdout.hasPrefix("OVERVIEW: Run a Language Server over standard input and output (LSP 3.17).\n"))
    let extra = try await SPFKitProcess.run(["lsp", "extra"])
    #expect(extra.status == 2)
    #expect(extra.stderr.hasPrefix("error: 'lsp' takes no arguments\n"))
    let root = try await SPFKitProcess.run(["--help"])
    #expect(root.stdout.contains("  lsp  "))
  }

  struct Ending: CustomTestStringConvertible, Sendable {
    let testDescription: String
    let sendsExit: Bool
  }

  /// Without `shutdown` first, `exit` (or the end of input) ends with 1, as the spec says.
  @Test(arguments: [Ending(testDescription: "exit", sendsExit: true), Ending(testDescription: "end", sendsExit: false)])
  func endingWithoutShutdownExitsOne(_ ending: Ending) async throws {
    var session = LSPSession()
    if ending.sendsExit { session.notify("exit", NSNull()) }
    #expect(try await session.run().status == 1)
  }

  /// The example zone's diagnostics sit where `lint --zone --format json` puts its findings.
  @Test func zoneDiagnosticsMatchLint() async throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let zone = try LSPExampleZone(copiedTo: scratch)
    let uri = "file://" + zone.path
    var session = LSPSession()
    session.open(uri, zone.text)
    session.shutDown()
    let run = try await session.run()
    let diagnostics = run.messages.lastDiagnostics(uri)
    let published = diagnostics.map(codeAndStart).sorted()
    let expected = try await zone.lintFindings().map { "\($0.code)@\($0.line - 1):\($0.column - 1)" }.sorted()
    #expect(published == expected)
    #expect(diagnostics.allSatisfy { $0["source"] as? String == "spfkit" })
    let documented = diagnostics.compactMap { ($0["codeDescription"] as? [String: Any])?["href"] as? String }
    #expect(documented.count == diagnostics.count && documented.allSatisfy { $0.hasPrefix("https://") })
    // SPF001 names the shop's other record as related information.
    let multiple = try #require(diagnostics.first { $0["code"] as? String == "SPF001" })
    let related = (multiple["relatedInformation"] as? [[String: Any]])?.first?["location"] as? [String: Any]
    let firstShop = try #require(zone.lines.firstIndex { $0.hasPrefix("shop ") })
    #expect(((related?["range"] as? [String: Any])?["start"] as? [String: Any])?["line"] as? Int == firstShop)
  }

  struct Positions: CustomTestStringConvertible, Sendable {
    let testDescription: String
    let uri: String
    /// The document with `↓` before each expected finding.
    let marked: String
    /// The code expected at each mark, in order.
    let codes: [String]
  }

  static let positions = [
    Positions(
      testDescription: "record line with a two-byte and a four-byte character before the finding",
      uri: recordsURI, marked: "v=spf1 include:↓é↓😀.example ↓ptr -all", codes: ["SPF013", "SPF013", "SPF102"]),
    Positions(
      testDescription: "zone line with a non-ASCII owner and an escaped quote",
      uri: zoneURI, marked: "$ORIGIN example.com.\nsmörgåsbord IN TXT \"v=spf1 ↓\\\"ok\\\" ↓ptr -all\"",
      codes: ["SPF005", "SPF102"]),
    Positions(
      testDescription: "record over lines in parentheses, non-ASCII in the second",
      uri: zoneURI,
      marked: "$ORIGIN example.com.\n@ IN TXT ( \"v=spf1 a:x.example \" ; café ☕\n   \"↓é \" \" ↓ptr ↓?all\" )",
      codes: ["SPF013", "SPF102", "SPF104"]),
  ]

  /// Positions count UTF-16 code units, through escapes and strings on several lines.
  @Test(arguments: positions)
  func positionsAreUTF16(_ example: Positions) async throws {
    let (text, marks) = markedDocument(example.marked)
    var session = LSPSession()
    session.open(example.uri, text)
    session.shutDown()
    let published = Set(try await session.run().messages.lastDiagnostics(example.uri).map(codeAndStart))
    for (code, mark) in zip(example.codes, marks) {
      #expect(published.contains("\(code)@\(mark)"), "published: \(published.sorted())")
    }
  }

  /// Full and incremental changes apply in order; the diagnostics published last are the latest version's.
  @Test func latestVersionWins() async throws {
    var session = LSPSession()
    session.open(Self.recordsURI, "v=spf1 +all")
    session.notify(
      "textDocument/didChange",
      ["textDocument": ["uri": Self.recordsURI, "version": 2], "contentChanges": [["text": "v=spf1 ?all"]]])
    let range = ["start": ["line": 0, "character": 7], "end": ["line": 0, "character": 8]]
    session.notify(
      "textDocument/didChange",
      ["textDocument": ["uri": Self.recordsURI, "version": 3], "contentChanges": [["range": range, "text": "-"]]])
    let hover = session.request(
      "textDocument/hover", ["textDocument": ["uri": Self.recordsURI], "position": ["line": 0, "character": 8]])
    session.shutDown()
    let run = try await session.run()
    let published = run.messages.published(Self.recordsURI)
    let versions = published.compactMap { $0["version"] as? Int }
    #expect(versions.last == 3)
    #expect(versions == versions.sorted())
    let codes = run.messages.lastDiagnostics(Self.recordsURI).map { $0["code"] as? String }
    #expect(!codes.contains("SPF103") && !codes.contains("SPF104"))
    #expect(hoverText(run.messages.response(hover))?.contains("`-all`") == true)
  }
}

/// The hover's Markdown text in a response.
func hoverText(_ response: [String: Any]?) -> String? {
  ((response?["result"] as? [String: Any])?["contents"] as? [String: Any])?["value"] as? String
}
