import SPFKit

/// The root command: `--help`, `--version`, and dispatch to subcommands.
enum SPFKitCommand {
  /// The version `--version` prints.
  static let version = "0.1.0"

  /// Every subcommand, in the order `--help` lists them.
  static let subcommands: [any Command.Type] = [
    LintCommand.self, MergeCommand.self, GenerateCommand.self, AggregateCommand.self, CheckCommand.self,
    FlattenCommand.self, HeloCommand.self, ExplainCommand.self, ScanCommand.self, LSPCommand.self,
  ]

  static let usage = "spfkit <subcommand> [options]"

  static var helpText: String {
    var text = "OVERVIEW: Lint, explain, evaluate and generate SPF records (RFC 7208).\n\n"
    text += "USAGE: \(usage)\n\nOPTIONS:\n"
    text += HelpLayout.row("--version", "Show the version.")
    text += HelpLayout.row("-h, --help", "Show help information.")
    text += "\nSUBCOMMANDS:\n"
    for command in subcommands { text += HelpLayout.row(command.spec.name, command.spec.abstract) }
    text += "\n  See 'spfkit help <subcommand>' for detailed help.\n"
    return text
  }

  /// Runs the command line (without the program name) and returns the exit code.
  static func main(_ arguments: [String], console: Console) async -> ExitCode {
    guard let first = arguments.first else {
      console.error("error: missing subcommand\nUsage: \(usage)\n  See 'spfkit --help' for more information.")
      return .usageError
    }
    switch first {
    case "--help", "-h":
      console.write(helpText)
      return .success
    case "--version":
      console.line(version)
      return .success
    case "help":
      guard let name = arguments.dropFirst().first else {
        console.write(helpText)
        return .success
      }
      return await main([name, "--help"], console: console)
    default:
      break
    }
    guard let command = subcommands.first(where: { $0.spec.name == first }) else {
      let guess = Spelling.nearest(to: first, among: subcommands.map { $0.spec.name }).map { ": did you mean '\($0)'?" }
      console.error(
        "error: unknown subcommand '\(first)'\(guess ?? "")\nUsage: \(usage)\n  See 'spfkit --help' for more "
          + "information.")
      return .usageError
    }
    return await run(command, Array(arguments.dropFirst()), console: console)
  }

  private static func run(_ command: any Command.Type, _ arguments: [String], console: Console) async -> ExitCode {
    let spec = command.spec
    do throws(CLIError) {
      let parsed = try ParsedArguments.parse(arguments, options: spec.allOptions)
      if parsed.has("--help") {
        console.write(spec.helpText)
        return .success
      }
      return try await command.run(parsed, console: console)
    } catch {
      switch error {
      case .usage(let message):
        console.error(spec.usageError(message))
      case .input(let message):
        console.error("error: \(message)")
      }
      return .usageError
    }
  }
}
