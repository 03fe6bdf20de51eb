/// Runs the rule catalog over one name's records.
public struct Linter: Sendable {
  /// The rules that run.
  public let rules: [any Rule]
  /// The lowest severity whose findings are shown. Findings below it are still found and counted,
  /// but a rule may leave their message and notes empty (`LintContext.wantsDetail(_:)`): a bulk
  /// run that hides infos need not build an info's text for every record. `.info` (the default)
  /// gives every finding its text.
  public var detailThreshold: Severity = .info

  /// Creates a linter with every catalog rule except the disabled ones (codes or slugs).
  public init(disabling disabled: Set<String> = [], rules: [any Rule] = RuleCatalog.rules) {
    self.rules = rules.filter { !disabled.contains($0.metadata.code) && !disabled.contains($0.metadata.slug) }
  }

  /// Lints the TXT records published at one name.
  public func lint(_ records: [TXTRecord], name: String? = nil) -> [Diagnostic] {
    lint(LintContext(records: records, name: name))
  }

  /// Lints prepared facts; findings are ordered by record, then position, then code.
  ///
  /// A finding that a cause explains (a fused term's syntax error, under SPF014) is a note of the
  /// cause, not a finding of its own (see `FindingCauses`).
  ///
  /// With zone facts, findings a `; spfkit-disable` comment names are dropped (see
  /// `ZoneFacts.suppresses(_:record:)`).
  public func lint(_ context: LintContext) -> [Diagnostic] {
    var context = context
    context.detailThreshold = detailThreshold
    var diagnostics: [Diagnostic] = []
    // A name with an SPF record has a few findings as a rule: room for them at once, not 1, 2, 4.
    if !context.spfRecords.isEmpty { diagnostics.reserveCapacity(4) }
    // Most zone records carry no suppression comment: their findings skip the filter (which copies the tail).
    let suppressing = context.zone.flatMap { $0.hasSuppressions ? $0 : nil }
    for index in rules.indices {
      let first = diagnostics.count
      rules[index].check(context, into: &diagnostics)
      guard let zone = suppressing, diagnostics.count > first else { continue }
      let metadata = rules[index].metadata
      diagnostics[first...].removeAll { zone.suppresses(metadata, record: $0.record) }
    }
    if diagnostics.count > 1 {
      diagnostics.sort { a, b in
        (a.record ?? -1, a.span?.start ?? -1, a.code) < (b.record ?? -1, b.span?.start ?? -1, b.code)
      }
    }
    return FindingCauses.fold(diagnostics, in: context)
  }
}
