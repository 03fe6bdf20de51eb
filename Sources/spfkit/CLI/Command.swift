/// A subcommand: its help and what it does. One subcommand = one file in `Commands/`.
protocol Command: Sendable {
  /// Name, help text and options.
  static var spec: CommandSpec { get }
  /// Runs the command with its parsed arguments.
  static func run(_ arguments: ParsedArguments, console: Console) async throws(CLIError) -> ExitCode
}

/// A positional argument's help line.
struct ArgumentHelp {
  /// The placeholder, e.g. `<record> ...`.
  let name: String
  /// One line of help (wrapped by the renderer).
  let help: String
}

/// Everything `--help` shows for a command.
struct CommandSpec {
  /// The subcommand name (`lint`).
  let name: String
  /// One line: what the command does.
  let abstract: String
  /// The usage line after `spfkit `.
  let usage: String
  /// Positional arguments.
  var arguments: [ArgumentHelp] = []
  /// Options, without `--help` (added for every command).
  var options: [OptionSpec] = []
  /// Optional paragraphs after the options (examples, exit codes).
  var discussion: String? = nil

  /// Options including `--help`.
  var allOptions: [OptionSpec] { options + [.help] }

  /// The help text in swift-argument-parser layout.
  var helpText: String {
    var text = "OVERVIEW: \(abstract)\n\nUSAGE: spfkit \(usage)\n"
    if !arguments.isEmpty {
      text += "\nARGUMENTS:\n" + arguments.map { HelpLayout.row($0.name, $0.help) }.joined()
    }
    text += "\nOPTIONS:\n" + allOptions.map { HelpLayout.row(HelpLayout.label($0), $0.help) }.joined()
    if let discussion { text += "\n" + discussion + "\n" }
    return text
  }

  /// The three-line usage error: `error:` (lowercase, as for input errors), `Usage:`, and where to read more.
  func usageError(_ message: String) -> String {
    "error: \(message)\nUsage: spfkit \(usage)\n  See 'spfkit \(name) --help' for more information."
  }
}

/// Two-column help rows wrapped at 80 columns.
enum HelpLayout {
  static let column = 26
  static let width = 80

  /// How an option is shown: `-h, --help` or `--format <format>`.
  static func label(_ option: OptionSpec) -> String {
    var label = option.short.map { "\($0), " } ?? ""
    label += option.name
    if let value = option.valueName { label += option.valueIsOptional ? " [<\(value)>]" : " <\(value)>" }
    if option.isVariadic { label += " ..." }
    return label
  }

  /// One row: the label indented by two, the help wrapped in the second column.
  static func row(_ label: String, _ help: String) -> String {
    let indent = String(repeating: " ", count: column)
    var lines: [String] = []
    var current = ""
    for word in help.split(separator: " ") {
      if !current.isEmpty, current.count + 1 + word.count > width - column {
        lines.append(current)
        current = ""
      }
      current += current.isEmpty ? String(word) : " " + word
    }
    if !current.isEmpty { lines.append(current) }
    let head = "  " + label
    var text = head.count < column ? head + String(repeating: " ", count: column - head.count) : head + "\n" + indent
    text += lines.first ?? ""
    for line in lines.dropFirst() { text += "\n" + indent + line }
    return text + "\n"
  }
}
