/// Builds one `PolicyTree` depth by depth: plan the questions of every policy at one depth, ask the
/// new ones concurrently, then read the answers into lookups and child policies.
///
/// Planning walks the policies in tree order, so which lookups a bound cuts off never depends on
/// which answer arrived first: the tree is the same on every run.
struct PolicyTreeBuilder {
  let limits: PolicyResolver.Limits
  private var nodes: [PolicyNode] = []
  private var bounds: Set<PolicyBound> = []
  /// The questions the tree may ask (within `limits.queries`).
  private var admitted: Set<DNSQuestion> = []
  /// The answers received so far.
  private var results: [DNSQuestion: Result<[DNSRecordData], DNSError>] = [:]
  /// Policies in the tree or planned for it.
  private var policies = 1

  init(limits: PolicyResolver.Limits) { self.limits = limits }

  /// One lookup's planned questions.
  private struct Plan {
    let reference: LookupReference
    let questions: [DNSQuestion]
  }

  /// Resolves the tree of `root`, a record published at `name`.
  mutating func build(root: TXTRecord, name: String?, resolver: CachingResolver) async -> PolicyTree {
    let parsed = SPFParser.parse(root.joined)
    nodes = [
      PolicyNode(
        name: name, depth: 0, parent: nil, outcome: .record(root, syntaxErrors: parsed.issues.count),
        lookups: Self.lookups(of: parsed.record, in: root))
    ]
    var level = [0]
    while !level.isEmpty {
      var plans: [Plan] = []
      for node in level {
        for index in nodes[node].lookups.indices {
          plans.append(plan(LookupReference(node: node, lookup: index)))
        }
      }
      var fresh: [DNSQuestion] = []
      var seen: Set<DNSQuestion> = []
      for question in plans.flatMap(\.questions) where results[question] == nil && seen.insert(question).inserted {
        fresh.append(question)
      }
      results.merge(await Self.ask(fresh, resolver: resolver, concurrency: limits.concurrency)) { $1 }
      level = plans.compactMap { apply($0) }
    }
    return PolicyTree(nodes: nodes, boundsReached: bounds)
  }

  /// The DNS-querying terms of a record in evaluation order, not yet asked.
  static func lookups(of record: SPFRecord, in txt: TXTRecord) -> [PolicyLookup] {
    RecordLookups(record).terms(in: record).map {
      PolicyLookup(term: $0, text: Excerpt.of(txt.joined[clamped: $0.span]))
    }
  }

  /// Names the lookup's target, decides what to ask, and admits the questions within the bounds.
  private mutating func plan(_ reference: LookupReference) -> Plan {
    let node = nodes[reference.node]
    var lookup = node.lookups[reference.lookup]
    defer { nodes[reference.node].lookups[reference.lookup] = lookup }
    let none = Plan(reference: reference, questions: [])
    let target: String
    switch Self.target(of: lookup.term, at: node.name) {
    case .skip(let skip):
      lookup.skip = skip
      return none
    case .name(let name): target = name
    }
    lookup.target = target
    let questions: [DNSQuestion]
    if lookup.followsPolicy {
      if path(to: reference.node).contains(target) {
        lookup.child = nodes.count
        nodes.append(PolicyNode(name: target, depth: node.depth + 1, parent: reference, outcome: .loop))
        return none
      }
      if let bound = node.depth >= limits.depth ? PolicyBound.depth : policies >= limits.policies ? .policies : nil {
        lookup.skip = .bound(bound)
        bounds.insert(bound)
        return none
      }
      questions = [DNSQuestion(name: target, type: .txt)]
    } else {
      switch lookup.term.mechanism?.kind {
      case .a?: questions = [DNSQuestion(name: target, type: .a), DNSQuestion(name: target, type: .aaaa)]
      case .mx?: questions = [DNSQuestion(name: target, type: .mx)]
      default: questions = [DNSQuestion(name: target, type: .a)]
      }
    }
    let new = Set(questions).subtracting(admitted)
    guard admitted.count + new.count <= limits.queries else {
      lookup.skip = .bound(.queries)
      bounds.insert(.queries)
      return none
    }
    admitted.formUnion(new)
    if lookup.followsPolicy { policies += 1 }
    return Plan(reference: reference, questions: questions)
  }

  /// Stores the answers of a planned lookup; for an include or redirect, adds the target's policy
  /// and returns its index when it has a record to read next.
  private mutating func apply(_ plan: Plan) -> Int? {
    guard !plan.questions.isEmpty else { return nil }
    let reference = plan.reference
    var lookup = nodes[reference.node].lookups[reference.lookup]
    defer { nodes[reference.node].lookups[reference.lookup] = lookup }
    lookup.queries = plan.questions.map { PolicyQuery(question: $0, answer: PolicyAnswer(result($0), type: $0.type)) }
    guard lookup.followsPolicy, let target = lookup.target else { return nil }
    let (outcome, lookups) = Self.policy(result(plan.questions[0]))
    lookup.child = nodes.count
    nodes.append(
      PolicyNode(
        name: target, depth: nodes[reference.node].depth + 1, parent: reference, outcome: outcome,
        lookups: lookups))
    if case .record = outcome { return lookup.child }
    return nil
  }

  private func result(_ question: DNSQuestion) -> Result<[DNSRecordData], DNSError> {
    results[question] ?? .failure(.other("not asked"))
  }

  /// The names from the root down to `node`, for loop detection.
  private func path(to node: Int) -> [String] {
    var names: [String] = []
    var current: Int? = node
    while let index = current {
      if let name = nodes[index].name { names.append(name) }
      current = nodes[index].parent?.node
    }
    return names
  }
}
