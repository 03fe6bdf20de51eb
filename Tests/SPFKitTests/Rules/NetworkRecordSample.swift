import SPFKitTestSupport

/// A seeded random record whose terms come from small pools, so networks nest, repeat and sit apart
/// often, qualifiers change between them, and other mechanisms repeat in varied case: the inputs on
/// which SPF108 and SPF109 are checked against their pairwise definitions.
struct NetworkRecordSample {
  let record: String

  init(seed: UInt64, terms count: ClosedRange<Int> = 0...24) {
    var rng = SplitMix64(seed: seed)
    var terms = ["v=spf1"]
    for _ in 0..<rng.int(count) { terms.append(Self.term(&rng)) }
    record = terms.joined(separator: " ")
  }

  private static func term(_ rng: inout SplitMix64) -> String {
    let qualifier = rng.chance(0.3) ? String(rng.pick("+-~?")) : ""
    switch rng.int(0...9) {
    case 0...3:
      // 192.0.2.0/22 split at prefixes /22 to /32: many nested and equal networks.
      let prefix = rng.int(22...32)
      let host = rng.int(0...1023)
      return qualifier + "ip4:192.0.\(rng.pick([0, 2, 3])).\(host % 256)/\(prefix)"
    case 4, 5:
      return qualifier
        + "ip6:2001:db8:\(String(rng.int(0...3), radix: 16))::\(rng.int(0...2))/\(rng.pick([32, 33, 34, 48, 128]))"
    case 6:
      return qualifier + rng.pick(["a", "mx", "ptr", "a/24", "mx:Example.com", "mx:example.COM"])
    case 7:
      return qualifier + "include:" + rng.pick(["_spf.example.com", "_SPF.Example.com", "spf.example.net"])
    case 8:
      return rng.pick(["exp=explain.example.com", "unknown=1", "redirect=_spf.example.com"])
    default:
      return qualifier + rng.pick(["all", "exists:%{i}.example.com", "ip4:0.0.0.0/0", "ip6:::/0"])
    }
  }
}
