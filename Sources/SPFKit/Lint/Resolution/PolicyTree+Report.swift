/// How the rules that read a `PolicyTree` word their findings.
extension PolicyTree {
  /// ` in the policy of '_spf.example.net'` for a lookup below the root, empty for the root's own.
  func place(of step: PolicyStep) -> String {
    guard !step.via.isEmpty else { return "" }
    return " in the policy of '\(owner(of: step.reference) ?? rootLabel)'"
  }

  /// `path: example.com → include:_spf.example.net → a:gone.example.org` for a lookup below the root.
  func pathNotes(_ step: PolicyStep) -> [String] { step.via.isEmpty ? [] : ["path: \(path(to: step))"] }

  /// A lookup as written, with its target when the text does not show it: `a:mail.example.com`,
  /// `mx (example.com)`.
  func label(_ lookup: PolicyLookup) -> String {
    guard let target = lookup.target, !lookup.text.lowercased().contains(target) else { return lookup.text }
    return "\(lookup.text) (\(target))"
  }

  /// The lookup count of the whole tree, `at least` when a branch could not be read.
  var countText: String { isExact() ? "\(lookupCount())" : "at least \(lookupCount())" }

  /// A lookup as written with what it costs: `include:_spf.example.net (4)`; a branch that could not
  /// be read says why: `include:x.example.net (1+, TXT REFUSED)`.
  func annotated(_ lookup: PolicyLookup) -> String {
    guard lookup.followsPolicy else { return lookup.text }
    guard let child = lookup.child else { return "\(lookup.text) (1+, not followed)" }
    switch nodes[child].outcome {
    case .record: return "\(lookup.text) (\(cost(of: lookup))\(isExact(lookup) ? "" : "+"))"
    case .noRecord: return "\(lookup.text) (1, no SPF record)"
    case .multipleRecords(let count): return "\(lookup.text) (1, \(count) SPF records)"
    case .failed(let error): return "\(lookup.text) (1+, TXT \(error))"
    case .loop: return "\(lookup.text) (1, loop)"
    }
  }

  /// One policy's line: the path to it with what each step costs, then its own lookups.
  /// `example.com (7): mx, include:_spf.example.net (4)` for the root, then
  /// `example.com → include:_spf.example.net (4): include:a.example.net (1), a` below it.
  func branchLine(of node: Int) -> String {
    var chain: [String] = []
    var current = nodes[node].parent
    while let reference = current {
      chain.insert(annotated(self[reference]), at: 0)
      current = nodes[reference.node].parent
    }
    let head = node == 0 ? "\(rootLabel) (\(countText))" : ([rootLabel] + chain).joined(separator: " → ")
    return head + ": " + nodes[node].lookups.map(annotated).joined(separator: ", ")
  }

  /// The line of every policy that was read and makes lookups, in tree order, at most `limit`.
  func branchLines(limit: Int = 40) -> [String] {
    let shown = nodes.indices.filter { index in
      guard case .record = nodes[index].outcome else { return false }
      return !nodes[index].lookups.isEmpty
    }
    let lines = shown.prefix(limit).map(branchLine(of:))
    let hidden = shown.count - lines.count
    return hidden > 0 ? lines + ["\(hidden) more polic\(hidden == 1 ? "y" : "ies") not shown"] : lines
  }

  /// What kept the count or the void lookups from being known, one line each, without repeats:
  /// failed queries, targets not queried, bounds reached.
  func unresolvedNotes(limit: Int = 20) -> [String] {
    var notes: [String] = []
    var seen: Set<String> = []
    func add(_ note: String) { if seen.insert(note).inserted { notes.append(note) } }
    for step in steps {
      let lookup = self[step.reference]
      let place = self.place(of: step)
      if lookup.followsPolicy, let child = lookup.child, case .failed(let error) = nodes[child].outcome {
        add("'\(nodes[child].name ?? "?")' TXT: \(error): the lookups of its policy are not counted")
      } else if lookup.followsPolicy, let skip = lookup.skip {
        add("'\(lookup.text)'\(place) was not followed: \(skip): the lookups of its policy are not counted")
      } else if let failure = lookup.failures.first {
        add(
          "'\(failure.question.name)' \(failure.question.type.rawValue): \(failure.answer): "
            + "whether '\(lookup.text)'\(place) is a void lookup is not known")
      } else if let skip = lookup.skip, skip != .ptr {
        add("'\(lookup.text)'\(place) was not looked up: \(skip)")
      }
    }
    for bound in boundsReached.sorted(by: { $0.rawValue < $1.rawValue }) {
      add("the tree was cut where \(bound): counts are lower bounds")
    }
    return notes.count > limit ? Array(notes.prefix(limit)) + ["\(notes.count - limit) more not shown"] : notes
  }
}

extension LintContext {
  /// Calls `body` for every selected SPF record that was resolved, with its include tree.
  func forEachTree(_ body: (LintedRecord, PolicyTree) -> Void) {
    guard let resolution else { return }
    for record in selectedRecords {
      if let tree = resolution.tree(of: record) { body(record, tree) }
    }
  }
}
