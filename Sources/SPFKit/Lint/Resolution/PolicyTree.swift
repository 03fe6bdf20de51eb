/// The include tree of one SPF record as DNS answered it: every policy reached through `include`
/// and `redirect`, and every DNS-querying term with what its queries returned.
///
/// The tree records the worst case over every client IP (RFC 7208 §4.6.4): every term before `all`
/// is evaluated and every include is followed, as if nothing matched. Nodes live in one flat array
/// (`nodes[0]` is the root) and refer to each other by index, so the tree is a plain value. A policy
/// included twice (by two branches) appears twice, as a receiver evaluates it twice; its DNS
/// questions are asked once.
public struct PolicyTree: Hashable, Sendable {
  /// Every policy of the tree; `nodes[0]` is the root, a child comes after its parent.
  public var nodes: [PolicyNode]
  /// The bounds of `PolicyResolver.Limits` the resolution reached: the tree is cut there.
  public var boundsReached: Set<PolicyBound>

  /// Creates a tree.
  public init(nodes: [PolicyNode], boundsReached: Set<PolicyBound> = []) {
    self.nodes = nodes
    self.boundsReached = boundsReached
  }

  /// The linted record's policy.
  public var root: PolicyNode { nodes[0] }

  /// The lookup a reference points to.
  public subscript(reference: LookupReference) -> PolicyLookup { nodes[reference.node].lookups[reference.lookup] }
}

/// A lookup of a `PolicyTree`: the node and the index of the lookup among the node's lookups.
public struct LookupReference: Hashable, Sendable {
  /// The index of the node in `PolicyTree.nodes`.
  public var node: Int
  /// The index of the lookup in that node's `lookups`.
  public var lookup: Int

  /// Creates a reference.
  public init(node: Int, lookup: Int) {
    self.node = node
    self.lookup = lookup
  }
}

/// One policy of a tree: the name it was found at, its record (or why there is none), and the
/// DNS-querying terms of the record.
public struct PolicyNode: Hashable, Sendable {
  /// The domain of the policy, which `%{d}` and a bare `a` or `mx` stand for (lowercase, no
  /// trailing dot); nil for a root record linted without a name.
  public var name: String?
  /// How many includes and redirects lie between the root and this policy (the root is 0).
  public var depth: Int
  /// The include or redirect of the parent policy that leads here; nil for the root.
  public var parent: LookupReference?
  /// What looking up the policy found.
  public var outcome: PolicyOutcome
  /// The record's DNS-querying terms in evaluation order (RFC 7208 §4.6.4): include, a, mx, ptr and
  /// exists before the first `all`, then redirect when there is no `all`. Empty without a record.
  public var lookups: [PolicyLookup]

  /// Creates a node.
  public init(
    name: String?, depth: Int, parent: LookupReference?, outcome: PolicyOutcome,
    lookups: [PolicyLookup] = []
  ) {
    self.name = name
    self.depth = depth
    self.parent = parent
    self.outcome = outcome
    self.lookups = lookups
  }

  /// The selected record's TXT text, when there is one.
  public var txt: TXTRecord? { if case .record(let txt, _) = outcome { txt } else { nil } }
}

/// What looking up a policy found (RFC 7208 §4.4, §4.5).
public enum PolicyOutcome: Hashable, Sendable {
  /// One SPF record: its TXT text and how many syntax errors it has (a receiver returns permerror
  /// for a record with any, RFC 7208 §4.6; the tree still follows it to count).
  case record(TXTRecord, syntaxErrors: Int)
  /// No SPF record: a receiver returns permerror for an include or redirect of it (§5.2, §6.1).
  case noRecord(MissingRecord)
  /// More than one SPF record: a receiver returns permerror (§4.5).
  case multipleRecords(Int)
  /// The TXT query failed (REFUSED, SERVFAIL, timeout...): a receiver returns temperror (§4.4), and
  /// what the policy would look up is unknown.
  case failed(DNSError)
  /// The name is already on the path from the root: following it again would loop until the
  /// lookup limit ends it with permerror. Not queried.
  case loop
}

/// Why a name has no SPF record.
public enum MissingRecord: Hashable, Sendable, CustomStringConvertible {
  /// The name does not exist (NXDOMAIN).
  case nameError
  /// The name exists but has no TXT records.
  case noTXTRecords
  /// The name has TXT records, none of which is SPF.
  case noSPFRecord(txtRecords: Int)

  public var description: String {
    switch self {
    case .nameError: "NXDOMAIN"
    case .noTXTRecords: "no TXT records"
    case .noSPFRecord(let count): count == 1 ? "its TXT record is not SPF" : "none of its \(count) TXT records is SPF"
    }
  }
}

/// A bound of the resolution (`PolicyResolver.Limits`); a tree that reached one is cut there.
public enum PolicyBound: String, Hashable, Sendable, CustomStringConvertible {
  /// Includes and redirects nest deeper than `Limits.depth`.
  case depth
  /// More policies than `Limits.policies`.
  case policies
  /// More distinct DNS questions than `Limits.queries`.
  case queries

  public var description: String {
    switch self {
    case .depth: "includes nest too deep"
    case .policies: "too many policies in the tree"
    case .queries: "too many DNS questions"
    }
  }
}
