/// How a published policy differs from a freshly generated one: what `spfkit flatten
/// --check-against` reports when the providers' networks changed since the policy was flattened.
///
/// Records are compared by owner (ASCII case and trailing dot ignored) and joined text (RFC 7208
/// §3.3): TTLs and the split into character-strings do not matter. The differences are summed
/// up over all records of each side: networks as exact address sets per qualifier (so a block
/// split across the include chain differently is no change), other terms as written, and the
/// owners added, removed or changed.
public struct PolicyDrift: Hashable, Sendable {
  /// Networks the new policy matches and the published one does not, as the fewest blocks
  /// (`ip4:192.0.2.0/25`, `-ip6:2001:db8::/48` for another qualifier).
  public var addedNetworks: [String] = []
  /// Networks the published policy matches and the new one does not.
  public var removedNetworks: [String] = []
  /// Other terms only in the new policy, as written (include-chain members left out).
  public var addedTerms: [String] = []
  /// Other terms only in the published policy.
  public var removedTerms: [String] = []
  /// Owners of new records that were not published.
  public var addedRecords: [String] = []
  /// Owners of published records the new policy no longer has.
  public var removedRecords: [String] = []
  /// Owners whose record text differs.
  public var changedRecords: [String] = []

  /// Whether the published records are exactly the new ones.
  public var isCurrent: Bool { addedRecords.isEmpty && removedRecords.isEmpty && changedRecords.isEmpty }

  /// Compares the SPF TXT records of `published` at `domain` and at its include-chain names
  /// (`<chainPrefix><number>.<domain>`) with the records of `current`; other records are ignored.
  public init(published: [ZoneRecord], current: GeneratedPolicy, domain: String, chainPrefix: String) {
    let domain = DNSQuestion.normalize(domain)
    var old: [String: String] = [:]
    for record in published where record.type == .txt && SPFRecord.isSelected(record.txt.joined) {
      let owner = DNSQuestion.normalize(record.owner.text)
      guard PolicyDrift.isPolicyName(owner, domain: domain, chainPrefix: chainPrefix) else { continue }
      let text = String(decoding: record.txt.joined, as: UTF8.self)
      old[owner] = old[owner].map { $0 + "\n" + text } ?? text
    }
    var new: [String: String] = [:]
    for record in current.records {
      new[DNSQuestion.normalize(record.owner ?? domain)] = String(decoding: record.txt.joined, as: UTF8.self)
    }
    addedRecords = new.keys.filter { old[$0] == nil }.sorted()
    removedRecords = old.keys.filter { new[$0] == nil }.sorted()
    changedRecords = new.keys.filter { old[$0] != nil && old[$0] != new[$0] }.sorted()
    let before = PolicyDrift.Summary(old)
    let after = PolicyDrift.Summary(new)
    for qualifier in [Qualifier.pass, .fail, .softfail, .neutral] {
      let oldSet = before.networks[qualifier] ?? .empty
      let newSet = after.networks[qualifier] ?? .empty
      addedNetworks += PolicyDrift.terms(newSet.subtracting(oldSet), qualifier)
      removedNetworks += PolicyDrift.terms(oldSet.subtracting(newSet), qualifier)
    }
    addedTerms = after.terms.filter { !before.terms.contains($0) }
    removedTerms = before.terms.filter { !after.terms.contains($0) }
  }

  /// Whether `owner` is the domain or one of its include-chain names.
  static func isPolicyName(_ owner: String, domain: String, chainPrefix: String) -> Bool {
    if owner == domain { return true }
    guard owner.hasSuffix("." + domain), let dot = owner.firstIndex(of: ".") else { return false }
    let label = owner[..<dot]
    let prefix = DNSQuestion.normalize(chainPrefix)
    guard label.hasPrefix(prefix) else { return false }
    let number = label.dropFirst(prefix.count)
    return !number.isEmpty && number.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
  }

  /// Blocks of a set as directives.
  private static func terms(_ set: NetworkSet, _ qualifier: Qualifier) -> [String] {
    let blocks = set.aggregated
    return (blocks.ipv4.map { Directive(qualifier, .ip4($0)) } + blocks.ipv6.map { Directive(qualifier, .ip6($0)) })
      .map(\.description)
  }

  /// What the records of one side hold: networks by qualifier, and the other terms in order
  /// without the includes of the side's own records (the chain).
  private struct Summary {
    var networks: [Qualifier: NetworkSet] = [:]
    var terms: [String] = []

    init(_ records: [String: String]) {
      for owner in records.keys.sorted() {
        for line in records[owner]!.split(separator: "\n") {
          for term in SPFParser.parse(String(line)).record.terms { add(term, owners: records) }
        }
      }
    }

    private mutating func add(_ term: Term, owners: [String: String]) {
      let qualifier = term.directive?.qualifier ?? .pass
      switch term.mechanism {
      case .ip4(let network)?:
        networks[qualifier, default: .empty] = networks[qualifier, default: .empty].union(
          NetworkSet(ipv4: [network]))
      case .ip6(let network)?:
        networks[qualifier, default: .empty] = networks[qualifier, default: .empty].union(
          NetworkSet(ipv4: [], ipv6: [network]))
      case .include(let spec)? where spec.literalName.map { owners[DNSQuestion.normalize($0)] != nil } ?? false:
        break
      default:
        if !terms.contains(term.description) { terms.append(term.description) }
      }
    }
  }
}
