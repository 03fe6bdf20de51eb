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
        {"spfkit": {"disable": ["SPF102"], "strict": true, "documentKind": "zone"}}

      EXIT STATUS:
        0  'exit' after 'shutdown'
        1  'exit' without 'shutdown', or the end of input
      """)

  static func run(_ arguments: ParsedArguments, console: Console) async throws(CLIError) -> ExitCode {
    guard arguments.positionals.isEmpty else { throw .usage("'lsp' takes no arguments") }
    console.flushOutput()
    let status = LSPServer(transport: LSPTransport(input: 0, output: 1)).run()
    return status == 0 ? .success : .findings
  }
}
