import SPFKit

/// What hovering shows (LSP 3.17 `textDocument/hover`): on a finding, the rule's `explain` text;
/// on a term of an SPF record, what it does and what it costs in DNS lookups (RFC 7208 §4.6.4).
enum DocumentHover {
  /// The hover contents at `position` as Markdown, or nil when nothing is there.
  static func markdown(
    at position: LSPPosition, lint: DocumentLint, findings: [PublishedFinding], document: TextDocument
  ) -> String? {
    var sections: [String] = []
    for finding in findings where finding.range.contains(position) {
      guard let metadata = RuleCatalog.rule(named: finding.diagnostic.code)?.metadata else { continue }
      sections.append("**\(metadata.code)** `\(metadata.slug)`\n\n```text\n\(ExplainCommand.document(metadata))```")
    }
    if let term = termText(at: position, lint: lint, document: document) { sections.insert(term, at: 0) }
    return sections.isEmpty ? nil : sections.joined(separator: "\n\n---\n\n")
  }

  /// The record and the joined-text offset under a position, through escapes and strings on
  /// several lines.
  static func recordOffset(at position: LSPPosition, lint: DocumentLint, document: TextDocument) -> (
    TXTRecord, Int
  )? {
    let column = document.byteColumn(of: position) + 1
    for name in lint.names {
      for (index, record) in name.result.input.records.enumerated()
      where name.result.input.sources[index] == lint.source {
        var before = 0
        for string in record.strings {
          defer { before += string.bytes.count }
          guard let origin = string.origin, origin.line == position.line + 1 else { continue }
          for byte in string.bytes.indices
          where origin.column(ofByte: byte) <= column && column < origin.column(ofByte: byte + 1) {
            return (record, before + byte)
          }
        }
      }
    }
    return nil
  }

  private static func termText(at position: LSPPosition, lint: DocumentLint, document: TextDocument) -> String? {
    guard let (record, offset) = recordOffset(at: position, lint: lint, document: document),
      SPFRecord.isSelected(record.joined)
    else { return nil }
    let parsed = SPFParser.parse(record.joined).record
    guard let index = parsed.terms.firstIndex(where: { $0.span.contains(offset) }) else { return nil }
    let term = parsed.terms[index]
    let written = String(decoding: record.joined[term.span.start..<term.span.end], as: UTF8.self)
    let lookups = RecordLookups(parsed)
    var text = "`\(written)`: \(meaning(of: term))\n\n"
    if let ordinal = lookups.indices.firstIndex(of: index) {
      text += "Costs 1 DNS lookup: lookup \(ordinal + 1) of \(lookups.count) in this record "
      text += "(the limit is \(RecordLookups.limit) through every include, RFC 7208 §4.6.4)."
    } else {
      text += "Costs no DNS lookup here; the record uses \(lookups.count) of \(RecordLookups.limit)."
    }
    return text
  }

  /// What a term does when evaluated (RFC 7208 §5, §6).
  static func meaning(of term: Term) -> String {
    switch term.kind {
    case .directive(let directive):
      let result = "the result is \(directive.qualifier.resultName) when it matches"
      return mechanismMeaning(directive.mechanism) + "; " + result + "."
    case .modifier(.redirect(let spec)):
      return "when no mechanism matches, the result is that of the policy at '\(spec)' (RFC 7208 §6.1)."
    case .modifier(.explanation(let spec)):
      return "on fail, the TXT record at '\(spec)' explains why (RFC 7208 §6.2); no lookup counts."
    case .modifier(.unknown(let name, _)):
      return "an unknown modifier '\(name)': receivers ignore it (RFC 7208 §6)."
    case .invalid:
      return "not a valid term: receivers return permerror for the whole record (RFC 7208 §4.6)."
    }
  }

  private static func mechanismMeaning(_ mechanism: Mechanism) -> String {
    let target = mechanism.domainSpec.map { "'\($0)'" } ?? "the domain itself"
    switch mechanism {
    case .all: return "matches every sender (RFC 7208 §5.1)"
    case .include(let spec): return "matches when the policy at '\(spec)' passes (RFC 7208 §5.2)"
    case .a: return "matches the A/AAAA addresses of \(target) (RFC 7208 §5.3)"
    case .mx: return "matches the addresses of the MX hosts of \(target), at most 10 (RFC 7208 §5.4)"
    case .ptr: return "matches when the client's validated reverse name is in \(target); deprecated (RFC 7208 §5.5)"
    case .ip4(let network): return "matches clients in \(network) (RFC 7208 §5.6)"
    case .ip6(let network): return "matches clients in \(network) (RFC 7208 §5.6)"
    case .exists(let spec): return "matches when '\(spec)' has an A record (RFC 7208 §5.7)"
    }
  }
}
