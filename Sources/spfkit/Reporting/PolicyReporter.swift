import Foundation
import SPFKit

/// Prints what `merge` and `generate` made: the records on standard output (bare, zone lines or
/// JSON), the report (lookups, widening, notes) on standard error, or JSON with everything.
enum PolicyReporter {
  /// Runs the generator and prints its policy; a refusal prints the reason and exits 1.
  static func publish(
    _ generate: () throws(GenerateError) -> GeneratedPolicy, _ settings: GenerateArguments, console: Console
  ) throws(CLIError) -> ExitCode {
    let policy: GeneratedPolicy
    do {
      policy = try generate()
    } catch {
      if error.isRefusal {
        console.error("error: \(error)")
        return .findings
      }
      switch error {
      case .invalidRecord, .repeatedModifier: throw .input(error.description)
      default: break
      }
      throw .usage(error.description)
    }
    if settings.format == "json" {
      console.line(json(policy))
      return .success
    }
    if settings.zone, let lines = policy.zoneLines(ttl: settings.ttl) {
      console.write(lines)
    } else {
      for line in recordLines(policy) { console.line(line) }
    }
    for line in reportLines(policy.report) { console.error(line) }
    return .success
  }

  /// One line per record: the record alone when there is one, else `NAME RECORD`; the record as
  /// raw text when it is one string, else in TXT presentation format.
  static func recordLines(_ policy: GeneratedPolicy) -> [String] {
    policy.records.map { record in
      let text = record.txt.strings.count == 1 ? record.txt.text : record.txt.presentation
      guard policy.records.count > 1, let owner = record.owner else { return text }
      return owner + " " + text
    }
  }

  /// `lookups: ...`, then the widening lines, then `note: ...` lines.
  static func reportLines(_ report: GenerationReport) -> [String] {
    let inRecord = report.lookups - report.chainLookups
    var lines = [
      report.chainLookups == 0
        ? "lookups: \(report.lookups) of 10"
        : "lookups: \(report.lookups) of 10 (\(inRecord) in the record, \(report.chainLookups) for the include chain)"
    ]
    lines += wideningLines(report.widening)
    lines += report.notes.map { "note: \($0)" }
    return lines
  }

  /// `widened: BLOCK authorizes N unlisted addresses` for each block, then the totals per family.
  static func wideningLines(_ report: WideningReport) -> [String] {
    func line(_ network: String, _ count: UInt128) -> String {
      "widened: \(network) authorizes \(count) unlisted address\(count == 1 ? "" : "es")"
    }
    var lines = report.ipv4.map { line($0.network.description, $0.unlistedAddresses) }
    lines += report.ipv6.map { line($0.network.description, $0.unlistedAddresses) }
    func total(_ count: UInt128, _ family: String) -> String {
      "widened: \(count) unlisted \(family) address\(count == 1 ? "" : "es") in total"
    }
    if !report.ipv4.isEmpty { lines.append(total(report.ipv4UnlistedTotal, "IPv4")) }
    if !report.ipv6.isEmpty { lines.append(total(report.ipv6UnlistedTotal, "IPv6")) }
    return lines
  }

  /// The JSON document (schema in the README, "JSON output of merge and generate").
  static func json(_ policy: GeneratedPolicy) -> String {
    let widening = policy.report.widening
    let document = PolicyDocument(
      version: 1, tool: .init(name: "spfkit", version: SPFKitCommand.version),
      records: policy.records.map {
        .init(
          name: $0.owner, text: $0.txt.text, strings: $0.txt.strings.map { String(decoding: $0.bytes, as: UTF8.self) })
      },
      lookups: policy.report.lookups, chainLookups: policy.report.chainLookups,
      widened: widening.ipv4.map { .init(network: "\($0.network)", unlistedAddresses: "\($0.unlistedAddresses)") }
        + widening.ipv6.map { .init(network: "\($0.network)", unlistedAddresses: "\($0.unlistedAddresses)") },
      unlistedAddresses: .init(ipv4: "\(widening.ipv4UnlistedTotal)", ipv6: "\(widening.ipv6UnlistedTotal)"),
      notes: policy.report.notes)
    return JSONOutput.string(document)
  }
}

/// The JSON document of `merge` and `generate --format json` (schema version 1). Address counts
/// are decimal strings: IPv6 counts pass what JSON numbers carry exactly.
struct PolicyDocument: Encodable {
  let version: Int
  let tool: JSONReport.Tool
  let records: [Record]
  let lookups: Int
  let chainLookups: Int
  let widened: [Widened]
  let unlistedAddresses: Totals
  let notes: [String]

  struct Record: Encodable {
    let name: String?
    let text: String
    let strings: [String]
  }

  struct Widened: Encodable {
    let network: String
    let unlistedAddresses: String
  }

  struct Totals: Encodable {
    let ipv4: String
    let ipv6: String
  }
}
