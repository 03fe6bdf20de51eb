/// Runs the rule catalog over one name's records.
public struct Linter: Sendable {
  /// The rules that run.
  public let rules: [any Rule]
  /// The lowest severity whose findings are shown. Findings below it are still found and counted,
  /// but a rule may leave their message and notes empty (`LintContext.wantsDetail(_:)`): a bulk
  /// run that hides infos need not build an info's text for every record. `.info` (the default)
  /// gives every finding its text.
  public var detailThreshold: Severity = .info

  /// The codes of `rules`, in order: with the threshold, what a memo's entries depend on besides the records.
  private let ruleCodes: [String]
  /// Positions in `rules` of the rules that can run, in order, for each `Situation` (by raw value):
  /// a rule that needs DNS answers or zone facts is not called without them (seven of the catalog's
  /// rules, for every record linted offline), nor one that only reports the parser's issues for a
  /// name without any (seven more, for most names). Decided once here, not per rule and name.
  private let runnable: [RunnableRules]

  /// The rules that can run in one situation, all of them and split as a `LintMemo` needs them.
  private struct RunnableRules: Sendable {
    var all: [Int] = []
    /// Those that read the records alone: a `LintMemo` keeps their findings.
    var recordsAlone: [Int] = []
    /// Those that read the name, the zone facts or DNS answers too.
    var owner: [Int] = []
  }

  /// Creates a linter with every catalog rule except the disabled ones (codes or slugs).
  public init(disabling disabled: Set<String> = [], rules: [any Rule] = RuleCatalog.rules) {
    self.rules = rules.filter { !disabled.contains($0.metadata.code) && !disabled.contains($0.metadata.slug) }
    ruleCodes = self.rules.map(\.metadata.code)
    let rules = self.rules
    runnable = (0..<Situation.count).map { raw in
      var runnable = RunnableRules()
      for index in rules.indices where Self.canRun(rules[index], in: Situation(rawValue: raw)) {
        runnable.all.append(index)
        let metadata = rules[index].metadata
        if metadata.scope == .record && metadata.requirement == .none {
          runnable.recordsAlone.append(index)
        } else {
          runnable.owner.append(index)
        }
      }
      return runnable
    }
  }

  /// What a context offers the rules besides its records.
  private struct Situation: OptionSet {
    let rawValue: Int
    static let resolving = Situation(rawValue: 1)
    static let zone = Situation(rawValue: 2)
    static let syntaxIssues = Situation(rawValue: 4)
    /// How many situations there are: every combination of the flags above.
    static let count = Situation([.resolving, .zone, .syntaxIssues]).rawValue + 1

    init(rawValue: Int) { self.rawValue = rawValue }

    init(_ context: LintContext) {
      self = []
      if context.isResolving { insert(.resolving) }
      if context.zone != nil { insert(.zone) }
      if context.hasSyntaxIssues { insert(.syntaxIssues) }
    }
  }

  /// Whether `rule` has what it needs in `situation`.
  private static func canRun(_ rule: any Rule, in situation: Situation) -> Bool {
    if rule is any SyntaxIssueRule, !situation.contains(.syntaxIssues) { return false }
    return switch rule.metadata.requirement {
    case .none: true
    case .dns: situation.contains(.resolving)
    case .zone: situation.contains(.zone)
    }
  }

  /// The rules that can run in `context`.
  private func runnable(in context: LintContext) -> RunnableRules { runnable[Situation(context).rawValue] }

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
    for index in runnable(in: context).all {
      let first = diagnostics.count
      rules[index].check(context, into: &diagnostics)
      guard let zone = suppressing, diagnostics.count > first else { continue }
      let metadata = rules[index].metadata
      diagnostics[first...].removeAll { zone.suppresses(metadata, record: $0.record) }
    }
    Self.sortFindings(&diagnostics)
    return FindingCauses.fold(diagnostics, in: context)
  }

  /// Lints the TXT records published at one name, parsing and checking records seen before only once.
  ///
  /// The findings are those of `lint(_:)` over the same records, name and zone facts. The rules that
  /// read the records alone (`RuleScope.record` with no `RuleRequirement`) run once per distinct set of
  /// records and `memo` keeps their findings; the others run at every name, over the records parsed
  /// before. Records whose zone lines carry a suppression comment, or longer than
  /// `LintMemo.longestMemoized`, are linted as by `lint(_:)`.
  public func lint(
    _ records: [TXTRecord], name: String? = nil, zone: ZoneFacts? = nil, memo: inout LintMemo
  ) -> [Diagnostic] {
    guard zone.map({ !$0.hasSuppressions }) ?? true, let key = LintMemo.Key(records) else {
      return lint(LintContext(records: records, name: name, zone: zone))
    }
    let owner = LintMemo.Owner(detailThreshold: detailThreshold, ruleCodes: ruleCodes)
    guard let entry = memo.entry(for: key, owner: owner) ?? admitted(records, key: key, into: &memo) else {
      return lint(LintContext(records: records, name: name, zone: zone))
    }
    var context = LintContext(linted: entry.records, name: name, zone: zone)
    context.detailThreshold = detailThreshold
    var more: [Diagnostic] = []
    for index in runnable(in: context).owner { rules[index].check(context, into: &more) }
    guard !more.isEmpty else { return entry.folded }
    // Different rules, so different codes: no tie between the two parts, and the sort is stable.
    var diagnostics = entry.findings
    diagnostics.append(contentsOf: more)
    Self.sortFindings(&diagnostics)
    return FindingCauses.fold(diagnostics, in: context)
  }

  /// The entry of records seen before and not held: they are parsed and the rules that read them
  /// alone run, without a name or zone facts, and `memo` keeps the result. Nil the first time.
  private func admitted(_ records: [TXTRecord], key: LintMemo.Key, into memo: inout LintMemo) -> LintMemo.Entry? {
    guard memo.admits(key) else { return nil }
    var context = LintContext(records: records)
    context.detailThreshold = detailThreshold
    var findings: [Diagnostic] = []
    if !context.spfRecords.isEmpty { findings.reserveCapacity(4) }
    for index in runnable(in: context).recordsAlone { rules[index].check(context, into: &findings) }
    Self.sortFindings(&findings)
    let entry = LintMemo.Entry(
      records: context.records, findings: findings, folded: FindingCauses.fold(findings, in: context))
    memo.add(entry, for: key)
    return entry
  }

  /// Orders findings by record, then position, then code.
  private static func sortFindings(_ diagnostics: inout [Diagnostic]) {
    guard diagnostics.count > 1 else { return }
    diagnostics.sort { a, b in
      (a.record ?? -1, a.span?.start ?? -1, a.code) < (b.record ?? -1, b.span?.start ?? -1, b.code)
    }
  }
}
