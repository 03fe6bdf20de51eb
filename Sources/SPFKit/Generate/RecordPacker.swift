/// Lays a policy out in records of at most `maxLength` octets (generation rule 3).
///
/// When the policy does not fit one record, `+` IP blocks move, in address order, into an include
/// chain: the main record keeps what fits and includes `_spf1.NAME`, which holds the next blocks
/// and includes `_spf2.NAME`, and so on; the last member holds the rest. Each member ends in
/// `-all` (a fail inside an include is no match, RFC 7208 §5.2) and costs one lookup. Filling each
/// record in turn as full as it goes gives the fewest records for blocks kept in order.
struct RecordPacker {
  /// The longest record text, in octets.
  let maxLength: Int
  /// The owner name, without a trailing dot; nil when none was given.
  let domain: String?
  /// The chain prefix (`_spf`).
  let chainPrefix: String

  /// The most DNS lookups a policy may need (RFC 7208 §4.6.4).
  static let lookupLimit = 10

  /// The records, main first, then chain members in order, with their owner names (nil: the
  /// main record when no domain was given); and how many chain members there are.
  func pack(_ terms: PolicyTerms) throws(GenerateError) -> (records: [(owner: String?, record: SPFRecord)], chain: Int)
  {
    let single = SPFRecord(terms: mainTerms(terms, kept: terms.movableBlocks[...], chainInclude: nil))
    let singleLength = single.description.utf8.count
    let mainLimit = limit(at: domain)
    if singleLength <= mainLimit {
      try checkLookups(terms.lookupCount, chain: 0)
      return ([(domain, single)], 0)
    }
    guard let domain else { throw .chainNeedsDomain(length: singleLength, maxLength: mainLimit) }
    try checkChainName(1, domain)
    let blocks = terms.movableBlocks
    let lengths = blocks.map { $0.description.utf8.count }
    let bare = SPFRecord(terms: mainTerms(terms, kept: [], chainInclude: chainName(1, domain))).description
    guard !blocks.isEmpty else { throw .recordTooLong(single.description, maxLength: mainLimit) }
    guard bare.utf8.count <= mainLimit else { throw .recordTooLong(bare, maxLength: mainLimit) }
    let kept = take(lengths, from: 0, room: mainLimit - bare.utf8.count)
    let cuts = try chainCuts(lengths, from: kept, domain: domain, blocks: blocks)
    try checkLookups(terms.lookupCount, chain: cuts.count)
    try checkChainName(cuts.count, domain)
    let main = SPFRecord(terms: mainTerms(terms, kept: blocks[..<kept], chainInclude: chainName(1, domain)))
    var records: [(owner: String?, record: SPFRecord)] = [(domain, main)]
    var start = kept
    for (index, end) in cuts.enumerated() {
      var member = Array(blocks[start..<end])
      if index + 1 < cuts.count {
        member.append(.directive(.pass, .include(DomainSpec(domain: chainName(index + 2, domain)))))
      }
      member.append(.directive(.fail, .all))
      records.append((chainName(index + 1, domain), SPFRecord(terms: member)))
      start = end
    }
    return (records, cuts.count)
  }

  /// Where each chain member's blocks end: each member is filled as full as it goes, the last one
  /// without an include.
  private func chainCuts(_ lengths: [Int], from start: Int, domain: String, blocks: [Term]) throws(GenerateError)
    -> [Int]
  {
    var cuts: [Int] = []
    var next = start
    while next < lengths.count {
      let memberLimit = limit(at: chainName(cuts.count + 1, domain))
      let room = memberLimit - RecordPacker.memberBase
      var end = take(lengths, from: next, room: room)
      if end < lengths.count { end = take(lengths, from: next, room: room - chainIncludeCost(cuts.count + 2, domain)) }
      guard end > next else { throw .recordTooLong(blocks[next].description, maxLength: memberLimit) }
      cuts.append(end)
      next = end
    }
    return cuts
  }

  /// The longest text a record at `owner` may have: `maxLength`, and no more than keeps the owner name
  /// plus the text and its strings' length octets within 450 octets, so the answer fits in UDP (RFC 7208
  /// §3.4: what SPF101 counts, so the output lints clean under `--strict`).
  func limit(at owner: String?) -> Int {
    let nameSize = owner.map(RecordTooLarge.wireSize) ?? 0
    var length = maxLength
    while length > 0, nameSize + length + RecordPacker.stringCount(length) > RecordTooLarge.limit { length -= 1 }
    return length
  }

  /// How many character-strings a text of `length` octets is published as (255 octets each, RFC 7208 §3.3).
  static func stringCount(_ length: Int) -> Int {
    max(1, (length + CharacterString.maximumLength - 1) / CharacterString.maximumLength)
  }

  /// `v=spf1` and ` -all`: what every chain member holds besides its blocks.
  static let memberBase = SPFRecord.version.utf8.count + " -all".utf8.count

  /// The main record's terms in rule 2 order, with `kept` blocks and the chain's first include.
  private func mainTerms(_ terms: PolicyTerms, kept: ArraySlice<Term>, chainInclude: String?) -> [Term] {
    var result = terms.pinnedBlocks + kept + terms.hostLookups
    if let chainInclude { result.append(.directive(.pass, .include(DomainSpec(domain: chainInclude)))) }
    return result + terms.includes + terms.lateLookups + terms.tail
  }

  /// The end index of the terms from `start` that fit `room` octets, each with its leading space.
  private func take(_ lengths: [Int], from start: Int, room: Int) -> Int {
    var room = room
    var index = start
    while index < lengths.count, lengths[index] + 1 <= room {
      room -= lengths[index] + 1
      index += 1
    }
    return index
  }

  /// `_spfN.NAME`.
  func chainName(_ number: Int, _ domain: String) -> String { "\(chainPrefix)\(number).\(domain)" }

  /// The octets of ` include:_spfN.NAME`.
  private func chainIncludeCost(_ number: Int, _ domain: String) -> Int {
    " include:".utf8.count + chainName(number, domain).utf8.count
  }

  /// Refuses a chain name that is no usable domain name (over 253 octets, RFC 1035 §2.3.4).
  private func checkChainName(_ number: Int, _ domain: String) throws(GenerateError) {
    _ = try GenerateOptions.domainSpec(chainName(number, domain))
  }

  private func checkLookups(_ terms: Int, chain: Int) throws(GenerateError) {
    if terms + chain > RecordPacker.lookupLimit { throw .tooManyLookups(terms: terms, chain: chain) }
  }
}
