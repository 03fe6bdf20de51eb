import SPFKit

/// The generate options (DESIGN "Command line") shared by `merge` and `generate`: their specs, and
/// how they become `GenerateOptions` and output settings.
struct GenerateArguments {
  /// The library options.
  var options = GenerateOptions()
  /// `--zone`: BIND lines instead of the bare record.
  var zone = false
  /// `--ttl`, in seconds.
  var ttl = 3600
  /// `--format`: `text` or `json`.
  var format = "text"

  /// The options both commands take, in help order.
  static let specs: [OptionSpec] = [
    OptionSpec(name: "--domain", valueName: "name", help: "The owner name: it names the include chain and zone lines."),
    OptionSpec(name: "--zone", help: "Print BIND zone lines ('NAME. TTL IN TXT ...') instead of the bare record."),
    OptionSpec(name: "--ttl", valueName: "seconds", help: "The TTL of zone lines (default: 3600)."),
    OptionSpec(
      name: "--max-length", valueName: "octets",
      help: "The longest record (default: 255, one string; up to 450 as several strings of at most 255)."),
    OptionSpec(
      name: "--chain-prefix", valueName: "label",
      help: "The include-chain names' first label (default: _spf, giving _spf1.NAME, _spf2.NAME, ...)."),
    OptionSpec(
      name: "--widen", valueName: "prefix",
      help: "Allow IP blocks as wide as /N, //N (IPv6) or /N//M where that saves blocks; the unlisted addresses "
        + "each authorizes are reported."),
    OptionSpec(
      name: "--all", valueName: "qualifier",
      help: "How the record ends: - ~ ? + (or fail, softfail, neutral, pass). Merging: decides records that end "
        + "differently."),
    OptionSpec(name: "--format", valueName: "format", help: "Output format: text or json (default: text)."),
  ]

  /// The qualifier names `--all` takes besides the symbols.
  static let qualifierNames: [String: Qualifier] = [
    "-": .fail, "~": .softfail, "?": .neutral, "+": .pass,
    "fail": .fail, "softfail": .softfail, "neutral": .neutral, "pass": .pass,
  ]

  /// Reads the shared options from `arguments`; `domain` is the owner when `--domain` is not given
  /// (`flatten` names it with its argument).
  init(_ arguments: ParsedArguments, domain: String? = nil) throws(CLIError) {
    options.domain = arguments.value("--domain") ?? domain
    zone = arguments.has("--zone")
    format = arguments.value("--format") ?? "text"
    guard format == "text" || format == "json" else {
      throw .usage("unknown format '\(format)' for '--format': use one of text, json")
    }
    if zone, format == "json" { throw .usage("'--zone' prints zone lines: it does not combine with '--format json'") }
    if zone, options.domain == nil { throw .usage("'--zone' needs '--domain' to name the records") }
    if let text = arguments.value("--ttl") {
      guard let value = Int(text), GeneratedPolicy.ttlRange.contains(value) else {
        throw .usage("'\(text)' is not a usable '--ttl': use 0...\(GeneratedPolicy.ttlRange.upperBound) seconds")
      }
      ttl = value
    }
    if let text = arguments.value("--max-length") {
      guard let value = Int(text) else { throw .usage("'\(text)' is not a number of octets for '--max-length'") }
      options.maxLength = value
    }
    options.chainPrefix = arguments.value("--chain-prefix") ?? GenerateOptions.defaultChainPrefix
    if let text = arguments.value("--widen") { options.widening = try AggregateCommand.wideningLimit(text) }
    if let text = arguments.value("--all") {
      guard let qualifier = GenerateArguments.qualifierNames[text.lowercased()] else {
        throw .usage("unknown qualifier '\(text)' for '--all': use -, ~, ?, + or fail, softfail, neutral, pass")
      }
      options.all = qualifier
    }
  }
}
