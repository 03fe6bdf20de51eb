/// What flattening changed and what the result depends on.
public struct FlattenReport: Hashable, Sendable {
  /// DNS lookups of the published policy, through its whole tree (RFC 7208 §4.6.4: `include`, `a`,
  /// `mx`, `ptr`, `exists`, `redirect` without `all`; worst case over every client).
  public var lookupsBefore: Int
  /// DNS lookups of the flattened policy: its records (with the include chain) and the trees of the
  /// terms it keeps.
  public var lookupsAfter: Int
  /// The limit the result was checked against.
  public var lookupLimit: Int
  /// The terms of the domain's record (and of a followed redirect) replaced by networks, in order.
  public var flattened: [FlattenedTerm]
  /// The lookup terms kept as written, in order, and why.
  public var kept: [KeptTerm]
  /// The domains whose DNS data the flattened networks copy, in first-use order: when a provider
  /// changes its ranges, the policy must be flattened again.
  public var watchedDomains: [String]
  /// What else was decided on the way, lowercase sentences.
  public var notes: [String]

  /// Creates a report.
  public init(
    lookupsBefore: Int, lookupsAfter: Int, lookupLimit: Int, flattened: [FlattenedTerm], kept: [KeptTerm],
    watchedDomains: [String], notes: [String] = []
  ) {
    self.lookupsBefore = lookupsBefore
    self.lookupsAfter = lookupsAfter
    self.lookupLimit = lookupLimit
    self.flattened = flattened
    self.kept = kept
    self.watchedDomains = watchedDomains
    self.notes = notes
  }
}

/// A term replaced by the networks it matches.
public struct FlattenedTerm: Hashable, Sendable {
  /// The term as written (`include:_spf.example.net`, `~include:...`, `mx`, `redirect=...`).
  public var term: String
  /// What it matched, as the fewest CIDR blocks: an include's or redirect's pass set, the addresses
  /// of `a` or `mx` at their prefix lengths.
  public var networks: AggregatedNetworks
  /// The DNS lookups it cost: the term and every lookup below it.
  public var lookups: Int
  /// The domains whose data it copied: the target and every record below it, or the host names.
  public var domains: [String]

  /// Creates a flattened term.
  public init(term: String, networks: AggregatedNetworks, lookups: Int, domains: [String]) {
    self.term = term
    self.networks = networks
    self.lookups = lookups
    self.domains = domains
  }
}

/// A lookup term the flattened policy keeps as written.
public struct KeptTerm: Hashable, Sendable {
  /// The term as written.
  public var term: String
  /// The DNS lookups it costs: the term and, for an include or redirect, every lookup below it.
  public var lookups: Int
  /// Why it is kept.
  public var reason: FlattenObstacle

  /// Creates a kept term.
  public init(term: String, lookups: Int, reason: FlattenObstacle) {
    self.term = term
    self.lookups = lookups
    self.reason = reason
  }
}
