/// One option of a command: its names, whether it takes a value, and its help.
struct OptionSpec {
  /// The long name with dashes (`--format`).
  let name: String
  /// A short alias (`-h`), if any.
  var short: String? = nil
  /// The value's placeholder (`format`); nil for a flag.
  var valueName: String? = nil
  /// Whether the value may be left out (`--a [domain]`).
  var valueIsOptional = false
  /// Whether the option may be given more than once.
  var repeatable = false
  /// Whether the option also takes every following argument up to the next option or `--`
  /// (`--zone a.zone b.zone`, as pre-commit appends file names). Implies `repeatable`.
  var isVariadic = false
  /// One line of help.
  let help: String

  /// The help option every command has.
  static let help = OptionSpec(name: "--help", short: "-h", help: "Show help information.")
}

/// A command line split into options and positional arguments.
struct ParsedArguments {
  /// Positional arguments in order (`-` included).
  var positionals: [String] = []
  private var values: [String: [String]] = [:]

  /// The values given for an option, in order.
  func values(_ name: String) -> [String] { values[name] ?? [] }
  /// The last value given for an option.
  func value(_ name: String) -> String? { values[name]?.last }
  /// Whether an option (flag or valued) was given.
  func has(_ name: String) -> Bool { values[name] != nil }

  /// Splits `arguments` by `options`: `--name value`, `--name=value`, flags, `--` ends options.
  static func parse(_ arguments: [String], options: [OptionSpec]) throws(CLIError) -> ParsedArguments {
    var parsed = ParsedArguments()
    var index = 0
    var optionsEnded = false
    while index < arguments.count {
      let argument = arguments[index]
      index += 1
      if optionsEnded || argument == "-" || !argument.hasPrefix("-") || isNumber(argument) {
        parsed.positionals.append(argument)
        continue
      }
      if argument == "--" {
        optionsEnded = true
        continue
      }
      let (name, inline) = split(argument)
      guard let spec = options.first(where: { $0.name == name || $0.short == name }) else {
        throw .usage("unknown option '\(name)'")
      }
      if !spec.repeatable, !spec.isVariadic, parsed.values[spec.name] != nil {
        throw .usage("option '\(spec.name)' given more than once")
      }
      var value = ""
      if let valueName = spec.valueName {
        if let inline {
          value = inline
        } else if index < arguments.count, !spec.valueIsOptional || !arguments[index].hasPrefix("-") {
          value = arguments[index]
          index += 1
        } else if !spec.valueIsOptional {
          throw .usage("option '\(spec.name)' needs a value <\(valueName)>")
        }
      } else if inline != nil {
        throw .usage("option '\(spec.name)' takes no value")
      }
      parsed.values[spec.name, default: []].append(value)
      while spec.isVariadic, index < arguments.count, !arguments[index].hasPrefix("-") {
        parsed.values[spec.name, default: []].append(arguments[index])
        index += 1
      }
    }
    return parsed
  }

  private static func split(_ argument: String) -> (String, String?) {
    guard argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") else { return (argument, nil) }
    return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
  }

  private static func isNumber(_ argument: String) -> Bool {
    argument.count > 1 && argument.dropFirst().allSatisfy(\.isNumber)
  }
}
