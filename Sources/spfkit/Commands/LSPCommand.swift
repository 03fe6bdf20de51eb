import Foundation

/// `spfkit lsp`: a Language Server (LSP 3.17) over standard input and output, for editors.
enum LSPCommand: Command {
  static let spec = CommandSpec(
    name: "lsp",
    abstract: "Run a Language Server over standard input and output (LSP 3.17).",
    usage: "lsp",
    discussion: """
      DOCUMENTS:
        Files named like zone files (db.NAME, NAME.zone, NAME.db) are read as BIND
        zone files, as 'lint --zone'; any other file has one record per line, as
        'lint -'. The 'documentKind' setting (zone, records) overrides the choice.

      SETTINGS (initializationOptions or workspace/didChangeConfiguration):
        {"spfkit": {"disable": ["SPF102"], "strict": true, "documentKind": "zone",
                    "dns": true, "dnsServers": ["192.0.2.53"]}}
        With "dns" (off by default), include trees are resolved in the background
        and the DNS findings published when they arrive.

      EXIT STATUS:
        0  'exit' after 'shutdown'
        1  'exit' without 'shutdown', or the end of input
      """)

  static func run(_ arguments: ParsedArguments, console: Console) async throws(CLIError) -> ExitCode {
    guard arguments.positionals.isEmpty else { throw .usage("'lsp' takes no arguments") }
    console.flushOutput()
    // The server blocks waiting for messages: on a thread of its own, not one of the few threads
    // of the cooperative pool that its DNS tasks run on.
    let status = await withCheckedContinuation { continuation in
      Thread { continuation.resume(returning: LSPServer(transport: LSPTransport(input: 0, output: 1)).run()) }.start()
    }
    return status == 0 ? .success : .findings
  }
}
