import Foundation
import SPFKit

/// Text and JSON for `spfkit helo`.
enum HeloReport {
  /// The diagnosis as aligned text, verdict last.
  static func text(_ diagnosis: HeloDiagnosis, color: Bool) -> String {
    var lines: [String] = []
    func row(_ label: String, _ value: String) { lines.append(label.padding(14) + value) }
    row("HELO", diagnosis.name)
    row("syntax", diagnosis.syntax.description)
    for lookup in diagnosis.lookups { row(lookup.type.rawValue, lookup.outcome.description) }
    if let client = diagnosis.client {
      lines.append("")
      row("client", client.address.description)
      row("PTR", client.reverse.outcome.description)
      for name in client.names {
        let confirmed = name.confirmsClient ? "resolves back: forward-confirmed" : "does not resolve back"
        row("  \(name.forward.type.rawValue)", "\(name.name): \(name.forward.outcome) (\(confirmed))")
      }
      row("HELO = PTR", client.heloIsConfirmedName ? "yes: the HELO name is a forward-confirmed reverse name" : "no")
    }
    if let spf = diagnosis.spf {
      lines.append("")
      row("SPF (HELO)", "\(spf.result): \(spf.reason)")
    }
    lines.append("")
    lines.append("Postfix restrictions (default settings):")
    for verdict in diagnosis.verdicts {
      let action =
        verdict.action == .accept
        ? Style.green.apply("accept", color)
        : verdict.action == .reject ? Style.red.apply("reject", color) : Style.yellow.apply("defer", color)
      lines.append("  " + verdict.restriction.padding(34) + action)
      if let reply = verdict.reply { lines.append(String(repeating: " ", count: 6) + reply) }
      lines.append(String(repeating: " ", count: 6) + verdict.reason)
    }
    lines.append("")
    lines.append("verdict: " + verdictText(diagnosis))
    if let suggestion = diagnosis.suggestion { lines.append("suggestion: " + suggestion) }
    return lines.joined(separator: "\n") + "\n"
  }

  /// One sentence: accepted, deferred or rejected, and by what.
  static func verdictText(_ diagnosis: HeloDiagnosis) -> String {
    if diagnosis.isAccepted { return "accepted: every check passes" }
    let objecting = diagnosis.verdicts.filter { !$0.accepts }
    var parts = objecting.map { "\($0.restriction) \($0.action == .reject ? "rejects" : "defers")" }
    if diagnosis.spf?.result == .fail { parts.append("SPF fails for the HELO identity") }
    let rejected = objecting.contains { $0.action == .reject } || diagnosis.spf?.result == .fail
    return (rejected ? "rejected: " : "deferred: ") + parts.joined(separator: "; ")
  }

  /// The diagnosis as one JSON document.
  static func json(_ diagnosis: HeloDiagnosis) -> String {
    JSONOutput.string(Document(diagnosis))
  }

  private struct Document: Encodable {
    struct Lookup: Encodable {
      let name: String
      let type: String
      let outcome: String
      let answers: [String]
    }
    struct Name: Encodable {
      let name: String
      let forward: Lookup
      let confirmsClient: Bool
    }
    struct Client: Encodable {
      let address: String
      let reverse: Lookup
      let names: [Name]
      let heloIsConfirmedName: Bool
    }
    struct Verdict: Encodable {
      let restriction: String
      let action: String
      let reply: String?
      let reason: String
    }
    let name: String
    let syntax: String
    let isHostName: Bool
    let lookups: [Lookup]
    let client: Client?
    let spf: CheckHostResult?
    let verdicts: [Verdict]
    let accepted: Bool
    let verdict: String
    let suggestion: String?

    init(_ d: HeloDiagnosis) {
      func lookup(_ l: HostLookup) -> Lookup {
        let answers: [String] = if case .answers(let values) = l.outcome { values } else { [] }
        let outcome: String
        switch l.outcome {
        case .answers: outcome = "answer"
        case .noData: outcome = "nodata"
        case .failure(.nameError): outcome = "nxdomain"
        case .failure(.refused): outcome = "refused"
        case .failure(.serverFailure): outcome = "servfail"
        case .failure(.timeout): outcome = "timeout"
        case .failure: outcome = "error"
        }
        return Lookup(name: l.name, type: l.type.rawValue, outcome: outcome, answers: answers)
      }
      name = d.name
      syntax = d.syntax.description
      isHostName = d.syntax.isHostName
      lookups = d.lookups.map(lookup)
      client = d.client.map { c in
        Client(
          address: c.address.description, reverse: lookup(c.reverse),
          names: c.names.map { Name(name: $0.name, forward: lookup($0.forward), confirmsClient: $0.confirmsClient) },
          heloIsConfirmedName: c.heloIsConfirmedName)
      }
      spf = d.spf
      verdicts = d.verdicts.map {
        Verdict(restriction: $0.restriction, action: $0.action.rawValue, reply: $0.reply, reason: $0.reason)
      }
      accepted = d.isAccepted
      verdict = HeloReport.verdictText(d)
      suggestion = d.suggestion
    }
  }
}
