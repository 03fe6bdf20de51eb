import SPFKit
import Testing

/// One case of a DNS rule test: a record with `↓` before each term the rule should point at,
/// published at `name`, with the rest of the world in `zone` (see `InMemoryResolver(zone:)`).
struct DNSRuleCase: Sendable, CustomTestStringConvertible {
  let marked: String
  var zone = ""
  var name: String? = "example.com"
  /// Text every finding's message must contain, if given.
  var message: String? = nil
  /// Text some finding's notes must contain, if given.
  var note: String? = nil
  let why: String
  var testDescription: String { why }

  static let marker = "↓"

  /// The record without markers.
  var record: String { marked.replacingOccurrences(of: Self.marker, with: "") }

  /// The UTF-8 offsets of the markers in the record without them.
  var expectedOffsets: [Int] {
    var offsets: [Int] = []
    var offset = 0
    var rest = Substring(marked)
    while let range = rest.range(of: Self.marker) {
      offset += rest[..<range.lowerBound].utf8.count
      offsets.append(offset)
      rest = rest[range.upperBound...]
    }
    return offsets
  }
}

enum DNSRuleHarness {
  /// The findings of rule `code` for the case, linted with resolution through the case's zone.
  static func findings(_ code: String, _ c: DNSRuleCase) async -> [Diagnostic] {
    let resolver = PolicyResolver(InMemoryResolver(zone: c.zone))
    let linter = Linter(rules: RuleCatalog.rules.filter { $0.metadata.code == code })
    return await linter.lint([TXTRecord(text: c.record)], name: c.name, resolvingWith: resolver)
  }

  /// Expects the findings of `code` at the case's markers, with its message and note text.
  static func expect(_ code: String, _ c: DNSRuleCase, sourceLocation: Testing.SourceLocation = #_sourceLocation) async
  {
    let diagnostics = await findings(code, c)
    #expect(diagnostics.map { $0.span?.start ?? -1 } == c.expectedOffsets, sourceLocation: sourceLocation)
    #expect(diagnostics.allSatisfy { $0.code == code && $0.record == 0 }, sourceLocation: sourceLocation)
    if let message = c.message {
      #expect(
        diagnostics.allSatisfy { $0.message.contains(message) }, "\(diagnostics.map(\.message))",
        sourceLocation: sourceLocation)
    }
    if let note = c.note {
      #expect(
        diagnostics.contains { $0.notes.contains { $0.contains(note) } }, "\(diagnostics.map(\.notes))",
        sourceLocation: sourceLocation)
    }
  }
}
