import SPFKit

/// `spfkit merge RECORD RECORD ...`: one record from the SPF records published at one name (two
/// `v=spf1` records at a name are a permerror, RFC 7208 §4.5).
enum MergeCommand: Command {
  static let spec = CommandSpec(
    name: "merge",
    abstract: "Merge the SPF records published at one name into one.",
    usage: "merge <record> ... [--all <qualifier>] [--domain <name>] [<options>]",
    arguments: [
      ArgumentHelp(
        name: "<record> ...",
        help: "The SPF records to merge: raw text ('v=spf1 -all'), or TXT presentation format when it starts with "
          + "'\"'. '-' reads standard input, one record per line.")
    ],
    options: GenerateArguments.specs,
    discussion: """
      The result holds the union of the records' terms: duplicates dropped, IP
      networks aggregated exactly, terms in the order ip4/ip6, a, mx, include, exists,
      ptr, then all or redirect, exp last. Records that end differently (all,
      redirect) or name different exp are refused unless '--all' decides. A record
      that does not fit '--max-length' moves IP blocks into an include chain
      (_spf1.NAME, ...). The records go to standard output; lookups, widening and
      notes to standard error.

      EXIT STATUS:
        0  success
        1  refused: records that disagree, or more than 10 lookups (reason on stderr)
        2  usage or input error
      """)

  static func run(_ arguments: ParsedArguments, console: Console) async throws(CLIError) -> ExitCode {
    let settings = try GenerateArguments(arguments)
    var records: [ParsedRecord] = []
    for (index, argument) in arguments.positionals.filter({ $0 != "-" }).enumerated() {
      let source = "<arg\(index + 1)>"
      do {
        records.append(try checked(RecordArgument.parse(Array(argument.utf8)), source: source))
      } catch let error as PresentationSyntaxError {
        throw .input("\(source):1:\(error.column): \(error.message)")
      } catch let error as CLIError {
        throw error
      } catch {
        throw .input("\(source): \(error)")
      }
    }
    if arguments.positionals.contains("-") {
      for line in LineRecords(descriptor: 0) {
        switch line.result {
        case .success(let record): records.append(try checked(record, source: "<stdin>"))
        case .failure(let error): throw .input("<stdin>:\(line.number):\(error.column): \(error.message)")
        }
      }
    }
    guard !records.isEmpty else { throw .usage("nothing to merge: give the <record>s published at one name") }
    return try PolicyReporter.publish(
      { () throws(GenerateError) in try PolicyGenerator.merge(records, options: settings.options) }, settings,
      console: console)
  }

  /// The record parsed; a syntax error is an input error at its line and column.
  static func checked(_ record: TXTRecord, source: String) throws(CLIError) -> ParsedRecord {
    let parsed = SPFParser.parse(record.joined)
    guard let issue = parsed.issues.first else { return parsed }
    let location = record.location(ofJoinedOffset: issue.span.start) ?? SourceLocation(line: 1, column: 1)
    throw .input("\(source):\(location.line):\(location.column): \(issue.message)")
  }
}
