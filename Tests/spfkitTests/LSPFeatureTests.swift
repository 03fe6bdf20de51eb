import Foundation
import Testing

/// `spfkit lsp` code actions, hovers, settings and bad input, over a pipe.
@Suite struct LSPFeatureTests {
  static let zoneURI = "file:///nonexistent/example.com.zone"
  static let recordsURI = "file:///nonexistent/records.txt"
  static let hostBitsZone = "$ORIGIN example.com.\n; café ☕\nmail IN TXT \"v=spf1 ip4:192.0.2.5/24 -all\"\n"

  struct Action: CustomTestStringConvertible, Sendable {
    let testDescription: String
    /// The start of the action's title.
    let title: String
  }

  /// Applying the quick fix, or the disable comment, and linting again clears the finding.
  @Test(arguments: [
    Action(testDescription: "fix", title: "replace 'ip4:192.0.2.5/24'"),
    Action(testDescription: "disable", title: "disable SPF110 for this record"),
  ])
  func applyingAnActionClearsTheFinding(_ action: Action) async throws {
    var session = LSPSession()
    session.open(Self.zoneURI, Self.hostBitsZone)
    let request = session.request(
      "textDocument/codeAction",
      [
        "textDocument": ["uri": Self.zoneURI], "context": ["diagnostics": []],
        "range": ["start": ["line": 2, "character": 0], "end": ["line": 2, "character": 10]],
      ])
    session.shutDown()
    let run = try await session.run()
    #expect(run.messages.lastDiagnostics(Self.zoneURI).map { $0["code"] as? String }.contains("SPF110"))
    let actions = try #require(run.messages.response(request)?["result"] as? [[String: Any]])
    let chosen = try #require(actions.first { ($0["title"] as? String)?.hasPrefix(action.title) == true })
    let changes = (chosen["edit"] as? [String: Any])?["changes"] as? [String: Any]
    let edits = try #require(changes?[Self.zoneURI] as? [[String: Any]])
    let edited = try applyLSPEdits(edits, to: Self.hostBitsZone)

    var again = LSPSession()
    again.open(Self.zoneURI, edited)
    again.shutDown()
    let codes = try await again.run().messages.lastDiagnostics(Self.zoneURI).map { $0["code"] as? String }
    #expect(!codes.contains("SPF110"), "edited: \(edited)")
  }

  /// A hover on a term says what it does and where the lookup count stands; on a finding, the
  /// rule's explanation follows.
  @Test func hoverOnATermAndAFinding() async throws {
    var session = LSPSession()
    session.open(Self.recordsURI, "v=spf1 include:a.example mx ptr -all")
    func hover(_ character: Int) -> Int {
      session.request(
        "textDocument/hover",
        ["textDocument": ["uri": Self.recordsURI], "position": ["line": 0, "character": character]])
    }
    let onPTR = hover(29)
    let onAll = hover(33)
    let outside = hover(80)
    session.shutDown()
    let run = try await session.run()
    let ptr = try #require(hoverText(run.messages.response(onPTR)))
    #expect(ptr.contains("`ptr`") && ptr.contains("lookup 3 of 3"))
    #expect(ptr.contains("SPF102") && ptr.contains("Why is this bad?"))
    #expect(hoverText(run.messages.response(onAll))?.contains("no DNS lookup") == true)
    #expect(run.messages.response(outside)?["result"] is NSNull)
  }

  /// Disabled rules from `initializationOptions`, strict severity from `didChangeConfiguration`, and
  /// the document kind overridden for a file whose name is not a zone file's.
  @Test func settings() async throws {
    let uri = "file:///nonexistent/notes.txt"
    var session = LSPSession(options: ["spfkit": ["disable": ["ptr-deprecated"], "documentKind": "zone"]])
    session.open(uri, "$ORIGIN example.com.\n@ IN SPF \"v=spf1 ptr ?all\"\n@ IN TXT \"v=spf1 ptr ?all\"\n")
    let first = session.request(
      "textDocument/hover", ["textDocument": ["uri": uri], "position": ["line": 0, "character": 0]])
    session.notify("workspace/didChangeConfiguration", ["settings": ["spfkit": ["strict": true]]])
    session.request("textDocument/hover", ["textDocument": ["uri": uri], "position": ["line": 0, "character": 0]])
    session.shutDown()
    let run = try await session.run()
    #expect(run.messages.response(first) != nil)
    let published = run.messages.published(uri).map { ($0["diagnostics"] as? [[String: Any]]) ?? [] }
    let initial = try #require(published.first)
    #expect(initial.contains { $0["code"] as? String == "SPF113" })
    #expect(!initial.contains { $0["code"] as? String == "SPF102" })
    #expect(initial.first { $0["code"] as? String == "SPF104" }?["severity"] as? Int == 2)
    #expect(published.last?.first { $0["code"] as? String == "SPF104" }?["severity"] as? Int == 1)
  }

  /// Garbage, bad JSON, bad ids, unknown methods, requests for closed documents and oversized
  /// lengths get an error response or nothing; the server answers what follows and exits 0.
  @Test func badInputNeverStopsTheServer() async throws {
    var session = LSPSession(initialize: false)
    let early = session.request("textDocument/hover", [String: Any]())
    session.request("initialize", ["capabilities": [String: Any]()])
    session.appendRaw(Array("no header at all\r\n\r\n".utf8))
    session.appendRaw(Array("Content-Length: 99999999999999999999999\r\n\r\n".utf8))
    session.appendRaw(Array("Content-Length: 5\r\n\r\n{nope".utf8))
    session.appendRaw(Array("Content-Length: 2\r\n\r\n[]".utf8))
    session.append(["jsonrpc": "2.0", "id": ["an": "object"], "method": "shutdown"])
    let unknown = session.request("spfkit/noSuchMethod", [String: Any]())
    session.notify("spfkit/noSuchNotification", [String: Any]())
    session.notify("textDocument/didChange", ["textDocument": ["uri": "file:///closed.txt"], "contentChanges": []])
    let closedHover = session.request(
      "textDocument/hover", ["textDocument": ["uri": "file:///closed.txt"], "position": ["line": 0, "character": 0]])
    let closedActions = session.request("textDocument/codeAction", ["textDocument": ["uri": "file:///closed.txt"]])
    let badParams = session.request("textDocument/hover", "not an object")
    // A huge document: 10,000 records each with a finding; what is published is capped.
    session.open(Self.recordsURI, String(repeating: "v=spf1 ptr -all\n", count: 10_000))
    let afterHuge = session.request(
      "textDocument/hover", ["textDocument": ["uri": Self.recordsURI], "position": ["line": 9_999, "character": 8]])
    session.shutDown()
    let run = try await session.run()
    #expect(run.status == 0)
    func errorCode(_ id: Int) -> Int? { (run.messages.response(id)?["error"] as? [String: Any])?["code"] as? Int }
    #expect(errorCode(early) == -32002)
    #expect(errorCode(unknown) == -32601)
    let anonymous = run.messages.filter { $0["id"] is NSNull }.compactMap { ($0["error"] as? [String: Any])?["code"] }
    #expect(anonymous.count == 5)
    #expect(run.messages.response(closedHover)?["result"] is NSNull)
    #expect((run.messages.response(closedActions)?["result"] as? [Any])?.isEmpty == true)
    #expect(run.messages.response(badParams)?["result"] is NSNull)
    #expect(hoverText(run.messages.response(afterHuge))?.contains("`ptr`") == true)
    #expect(run.messages.lastDiagnostics(Self.recordsURI).count == 2000)
  }
}

/// Applies LSP text edits (UTF-16 positions, non-overlapping) to a text, last edit first.
func applyLSPEdits(_ edits: [[String: Any]], to text: String) throws -> String {
  var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array(String($0).utf16) }
  func point(_ edit: [String: Any], _ key: String) throws -> (Int, Int) {
    let position = (edit["range"] as? [String: Any])?[key] as? [String: Any]
    guard let line = position?["line"] as? Int, let character = position?["character"] as? Int, line < lines.count
    else { throw HarnessError("bad edit \(edit)") }
    return (line, character)
  }
  let sorted = try edits.sorted { try point($0, "start") > point($1, "start") }
  for edit in sorted {
    let (startLine, startCharacter) = try point(edit, "start")
    let (endLine, endCharacter) = try point(edit, "end")
    let inserted = Array((edit["newText"] as? String ?? "").utf16)
    let joined = Array(lines[startLine][..<startCharacter]) + inserted + Array(lines[endLine][endCharacter...])
    let newLines = String(decoding: joined, as: UTF16.self).split(separator: "\n", omittingEmptySubsequences: false)
    lines.replaceSubrange(startLine...endLine, with: newLines.map { Array(String($0).utf16) })
  }
  return lines.map { String(decoding: $0, as: UTF16.self) }.joined(separator: "\n")
}
