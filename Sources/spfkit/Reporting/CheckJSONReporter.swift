import Foundation
import SPFKit

/// Prints the outcome of `spfkit check --format json` as one document; the schema is in the README
/// ("spfkit check").
struct CheckJSONReporter {
  let console: Console

  /// Writes the document.
  func report(_ report: CheckReport) {
    let trace = report.outcome.trace
    let request = report.request
    let document = CheckJSONDocument(
      version: 1, tool: .init(name: "spfkit", version: SPFKitCommand.version),
      request: .init(
        ip: request.clientIP.description, domain: request.domain, sender: request.sender,
        helo: request.helo),
      result: report.outcome.result.rawValue, reason: report.outcome.reason, explanation: report.outcome.explanation,
      why: report.why,
      deciding: report.decidingIndex.map { index in
        let step = trace.steps[index]
        return .init(step: index, depth: step.depth, domain: step.domain, term: step.term, target: step.target)
      },
      path: report.path, lookups: trace.lookupCount, lookupLimit: trace.lookupLimit,
      voidLookups: trace.voidLookupCount, voidLookupLimit: trace.voidLookupLimit, queries: trace.queryCount,
      trace: trace)
    console.line(JSONOutput.string(document))
  }
}

/// The JSON document of `spfkit check --format json` (schema version 1). Keys whose value would be
/// null are left out.
struct CheckJSONDocument: Encodable {
  let version: Int
  let tool: Tool
  let request: Request
  let result: String
  let reason: String
  let explanation: String?
  let why: String
  let deciding: Deciding?
  let path: [String]
  let lookups: Int
  let lookupLimit: Int
  let voidLookups: Int
  let voidLookupLimit: Int
  let queries: Int
  let trace: EvaluationTrace

  struct Tool: Encodable {
    let name: String
    let version: String
  }

  /// The inputs of `check_host()`.
  struct Request: Encodable {
    let ip: String
    let domain: String
    let sender: String
    let helo: String
  }

  /// The step where the result arose: its index in `trace.steps`, and what it was.
  struct Deciding: Encodable {
    let step: Int
    let depth: Int
    let domain: String
    let term: String?
    let target: String?
  }
}
