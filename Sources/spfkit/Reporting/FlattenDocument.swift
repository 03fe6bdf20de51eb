import Foundation
import SPFKit

/// The JSON document of `spfkit flatten --format json` (schema version 1, in the README).
struct FlattenDocument: Encodable {
  let version: Int
  let tool: JSONReport.Tool
  let domain: String
  let records: [PolicyDocument.Record]
  let lookups: Lookups
  let flattened: [Flattened]
  let kept: [Kept]
  let watch: [String]
  let widened: [PolicyDocument.Widened]
  let notes: [String]
  let check: Check?

  struct Lookups: Encodable {
    let before: Int
    let after: Int
    let chain: Int
    let limit: Int
  }

  struct Flattened: Encodable {
    let term: String
    let lookups: Int
    let count: Int
    let networks: [String]
    let domains: [String]
  }

  struct Kept: Encodable {
    let term: String
    let lookups: Int
    let reason: String
  }

  /// The outcome of `--check-against`.
  struct Check: Encodable {
    let file: String
    let status: String
    let addedNetworks: [String]
    let removedNetworks: [String]
    let addedTerms: [String]
    let removedTerms: [String]
    let addedRecords: [String]
    let removedRecords: [String]
    let changedRecords: [String]

    init(file: String, drift: PolicyDrift) {
      self.file = file
      status = drift.isCurrent ? "current" : "stale"
      addedNetworks = drift.addedNetworks
      removedNetworks = drift.removedNetworks
      addedTerms = drift.addedTerms
      removedTerms = drift.removedTerms
      addedRecords = drift.addedRecords
      removedRecords = drift.removedRecords
      changedRecords = drift.changedRecords
    }
  }

  init(_ result: FlattenedPolicy, domain: String, check: Check?) {
    let policy = result.policy
    let report = result.report
    version = 1
    tool = .init(name: "spfkit", version: SPFKitCommand.version)
    self.domain = domain
    records = policy.records.map {
      .init(
        name: $0.owner, text: $0.txt.text, strings: $0.txt.strings.map { String(decoding: $0.bytes, as: UTF8.self) })
    }
    lookups = .init(
      before: report.lookupsBefore, after: report.lookupsAfter, chain: policy.report.chainLookups,
      limit: report.lookupLimit)
    flattened = report.flattened.map {
      .init(
        term: $0.term, lookups: $0.lookups, count: $0.networks.count,
        networks: $0.networks.ipv4.map(\.description) + $0.networks.ipv6.map(\.description), domains: $0.domains)
    }
    kept = report.kept.map { .init(term: $0.term, lookups: $0.lookups, reason: $0.reason.description) }
    watch = report.watchedDomains
    let widening = policy.report.widening
    widened =
      widening.ipv4.map { .init(network: "\($0.network)", unlistedAddresses: "\($0.unlistedAddresses)") }
      + widening.ipv6.map { .init(network: "\($0.network)", unlistedAddresses: "\($0.unlistedAddresses)") }
    notes = report.notes
    self.check = check
  }

  /// The document, pretty-printed with sorted keys.
  var json: String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
  }
}
