import Foundation
import SPFKitTestSupport
import Testing

/// `spfkit lsp` with the `dns` setting against a real BIND `named` on loopback: the DNS findings
/// of a document's include trees are published after its first diagnostics.
@Suite(.serialized, .enabled(if: NamedServer.testsEnabled, Comment(rawValue: NamedServer.skipNote)))
struct LSPDNSTests {
  static let named = NamedFixture(
    zones: [NamedZone(origin: "lsp.test", records: "present TXT \"v=spf1 ip4:192.0.2.0/24 -all\"")])
  static let uri = "file:///nonexistent/db.lsp.test"
  /// `↓` marks where SPF015 is expected.
  static let zone = markedDocument(
    """
    $ORIGIN lsp.test.
    @ IN TXT "v=spf1 include:present.lsp.test ↓include:missing.lsp.test -all"
    ; spfkit-disable SPF015
    quiet IN TXT "v=spf1 include:missing.lsp.test -all"

    """)

  @Test func dnsFindingsArrivePublishedAfterTheFirstDiagnostics() async throws {
    let server = try await Self.named.server()
    var session = LSPSession(options: ["spfkit": ["dns": true, "dnsServers": [server.ipv4Server]]])
    session.open(Self.uri, Self.zone.text)
    var ending = LSPSession(initialize: false)
    ending.shutDown()
    // The end is written once two diagnostics have been published: without DNS, then with it.
    let messages = try await InteractiveLSP.run(session.input, then: ending.input) { messages in
      messages.published(Self.uri).count >= 2
    }
    let published = messages.published(Self.uri).map { ($0["diagnostics"] as? [[String: Any]]) ?? [] }
    #expect(published.count == 2)
    #expect(!(published.first ?? []).contains { $0["code"] as? String == "SPF015" })
    let resolved = (published.last ?? []).filter { $0["code"] as? String == "SPF015" }.map(codeAndStart)
    // Only the apex: the suppression comment holds for DNS findings too.
    #expect(resolved == Self.zone.marks.map { "SPF015@\($0)" })
  }
}

/// Runs `spfkit lsp`, writes `first`, reads messages until `ready` holds (or the output ends),
/// then writes `then` and reads to the end. On a thread of its own: it blocks.
enum InteractiveLSP {
  static func run(_ first: [UInt8], then last: [UInt8], until ready: @escaping @Sendable ([[String: Any]]) -> Bool)
    async throws -> [[String: Any]]
  {
    let output: [UInt8] = try await withCheckedThrowingContinuation { continuation in
      Thread { continuation.resume(with: Result { try runBlocking(first, last, ready) }) }.start()
    }
    return try LSPSession.messages(output)
  }

  private static func runBlocking(_ first: [UInt8], _ last: [UInt8], _ ready: ([[String: Any]]) -> Bool) throws
    -> [UInt8]
  {
    let process = Process()
    process.executableURL = SPFKitProcess.binary
    process.arguments = ["lsp"]
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    input.fileHandleForWriting.write(Data(first))
    var received: [UInt8] = []
    while true {
      let chunk = output.fileHandleForReading.availableData
      if chunk.isEmpty { break }
      received += chunk
      if let messages = try? LSPSession.messages(received), ready(messages) { break }
    }
    input.fileHandleForWriting.write(Data(last))
    try? input.fileHandleForWriting.close()
    received += output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return received
  }
}
