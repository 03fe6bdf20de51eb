import SPFKit

/// Prints what `spfkit flatten` made: the records on standard output (bare, zone lines or JSON)
/// and the report on standard error; with `--check-against`, whether the file is current.
struct FlattenReporter {
  /// The flattened policy.
  let flattened: FlattenedPolicy
  /// The domain flattened.
  let domain: String
  /// The output settings of the generate options.
  let settings: GenerateArguments

  /// How many networks a summary lists before `and N more`.
  static let listedNetworks = 4

  /// Prints the records and the report.
  func publish(console: Console) {
    if settings.format == "json" {
      console.line(FlattenDocument(flattened, domain: domain, check: nil).json)
      return
    }
    if settings.zone, let lines = flattened.policy.zoneLines(ttl: settings.ttl) {
      console.write(lines)
    } else {
      for line in PolicyReporter.recordLines(flattened.policy) { console.line(line) }
    }
    for line in reportLines { console.error(line) }
  }

  /// Prints `current` or `stale` and what changed, on standard output.
  func check(_ drift: PolicyDrift, file: String, console: Console) {
    if settings.format == "json" {
      console.line(FlattenDocument(flattened, domain: domain, check: .init(file: file, drift: drift)).json)
      return
    }
    for line in FlattenReporter.checkLines(drift, file: file, domain: domain) { console.line(line) }
  }

  /// `current: ...`, or `stale: ...` and one line per added (`+`) or removed (`-`) network or
  /// term, then the records that changed.
  static func checkLines(_ drift: PolicyDrift, file: String, domain: String) -> [String] {
    guard !drift.isCurrent else { return ["current: '\(file)' matches a new flattening of \(domain)"] }
    var lines = ["stale: '\(file)' differs from a new flattening of \(domain)"]
    lines += (drift.addedNetworks + drift.addedTerms).map { "  + \($0)" }
    lines += (drift.removedNetworks + drift.removedTerms).map { "  - \($0)" }
    let records =
      drift.changedRecords.map { "\($0) changed" } + drift.addedRecords.map { "\($0) added" }
      + drift.removedRecords.map { "\($0) removed" }
    lines.append("  records: " + records.joined(separator: ", "))
    return lines
  }

  /// `lookups: ...`, the flattened and kept terms, widening, notes and the watch list.
  var reportLines: [String] {
    let report = flattened.report
    let chain = flattened.policy.report.chainLookups
    var lines = [
      "lookups: \(report.lookupsBefore) before, \(report.lookupsAfter) after"
        + (chain > 0 ? " (\(chain) for the include chain)" : "") + ", limit \(report.lookupLimit)"
    ]
    for term in report.flattened {
      lines.append("flattened: \(term.term) (\(FlattenReporter.lookups(term.lookups))): \(summary(term.networks))")
    }
    for term in report.kept {
      lines.append("kept: \(term.term) (\(FlattenReporter.lookups(term.lookups))): \(term.reason)")
    }
    lines += PolicyReporter.wideningLines(flattened.policy.report.widening)
    lines += report.notes.map { "note: \($0)" }
    if !report.watchedDomains.isEmpty {
      lines.append(
        "warning: the flattened records copy what these domains publish today; flatten again when they change "
          + "(for example daily with '--check-against'): " + report.watchedDomains.joined(separator: ", "))
    }
    return lines
  }

  /// `1 lookup`, `5 lookups`.
  static func lookups(_ count: Int) -> String { count == 1 ? "1 lookup" : "\(count) lookups" }

  /// `6 networks (4 IPv4, 2 IPv6): A, B, C, D and 2 more`; a family with no network is left out.
  func summary(_ networks: AggregatedNetworks) -> String {
    guard networks.count > 0 else { return "no networks" }
    let all = networks.ipv4.map(\.description) + networks.ipv6.map(\.description)
    let families = [(networks.ipv4.count, "IPv4"), (networks.ipv6.count, "IPv6")].filter { $0.0 > 0 }
    var text = "\(all.count) network\(all.count == 1 ? "" : "s") ("
    text += families.map { "\($0.0) \($0.1)" }.joined(separator: ", ") + "): "
    text += all.prefix(FlattenReporter.listedNetworks).joined(separator: ", ")
    if all.count > FlattenReporter.listedNetworks { text += " and \(all.count - FlattenReporter.listedNetworks) more" }
    return text
  }
}
