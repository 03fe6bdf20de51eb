import SPFKitTestSupport

@testable import SPFKit

/// Generates SPF records that are valid per the ABNF of RFC 7208 §12, spelt in every way the grammar allows:
/// any case, several spaces, redundant qualifiers and prefixes, any IPv6 notation, macro-literals with `/`, `:`
/// and `=`. One function per production.
struct RecordGenerator {
  var rng: SplitMix64

  /// `record = version terms *SP`
  mutating func record() -> String {
    var text = anyCase("v=spf1")
    for _ in 0..<rng.int(0...8) { text += spaces() + term() }
    return text + String(repeating: " ", count: rng.int(0...2))
  }

  mutating func spaces() -> String { String(repeating: " ", count: rng.chance(0.8) ? 1 : rng.int(2...3)) }

  mutating func term() -> String { rng.chance(0.75) ? directive() : modifier() }

  /// `directive = [ qualifier ] mechanism`
  mutating func directive() -> String {
    (rng.chance(0.5) ? String(rng.pick("+-~?")) : "") + mechanism()
  }

  mutating func mechanism() -> String {
    let kind = rng.pick(MechanismKind.allCases)
    let name = anyCase(kind.rawValue)
    switch kind {
    case .all: return name
    case .include, .exists: return name + ":" + domainSpec()
    case .a, .mx: return name + (rng.chance(0.5) ? ":" + domainSpec() : "") + dualCIDR()
    case .ptr: return name + (rng.chance(0.5) ? ":" + domainSpec() : "")
    case .ip4: return name + ":" + ip4Network() + (rng.chance(0.5) ? "/\(rng.int(0...32))" : "")
    case .ip6: return name + ":" + ip6Network() + (rng.chance(0.5) ? "/\(rng.int(0...128))" : "")
    }
  }

  /// `dual-cidr-length = [ ip4-cidr-length ] [ "/" ip6-cidr-length ]`
  mutating func dualCIDR() -> String {
    (rng.chance(0.4) ? "/\(rng.int(0...32))" : "") + (rng.chance(0.4) ? "//\(rng.int(0...128))" : "")
  }

  /// `modifier = redirect / explanation / unknown-modifier`
  mutating func modifier() -> String {
    switch rng.int(0...2) {
    case 0: return anyCase("redirect") + "=" + domainSpec()
    case 1: return anyCase("exp") + "=" + domainSpec()
    default:
      var name = ""
      repeat {
        name = String(rng.pick(Self.letters))
        for _ in 0..<rng.int(0...6) { name.append(rng.pick(Self.letters + Self.digits + "-_.")) }
      } while ["redirect", "exp"].contains(name.lowercased())
      return name + "=" + macroString()
    }
  }

  /// `domain-spec = macro-string domain-end`, `domain-end = ( "." toplabel [ "." ] ) / macro-expand`
  mutating func domainSpec() -> String {
    macroString() + (rng.chance(0.7) ? "." + toplabel() + (rng.chance(0.2) ? "." : "") : macroExpand())
  }

  /// `toplabel = ( *alphanum ALPHA *alphanum ) / ( 1*alphanum "-" *( alphanum / "-" ) alphanum )`
  mutating func toplabel() -> String {
    let alphanum = Self.letters + Self.digits
    if rng.chance(0.7) {
      return run(of: alphanum, 0...3) + String(rng.pick(Self.letters)) + run(of: alphanum, 0...3)
    }
    return run(of: alphanum, 1...3) + "-" + run(of: alphanum + "-", 0...3) + String(rng.pick(alphanum))
  }

  /// `macro-string = *( macro-expand / macro-literal )`; the letters are those allowed outside `exp` text.
  mutating func macroString() -> String {
    var text = ""
    for _ in 0..<rng.int(0...4) {
      text += rng.chance(0.6) ? run(of: Self.macroLiterals, 1...6) : macroExpand()
    }
    return text
  }

  /// `macro-expand = ( "%{" macro-letter transformers *delimiter "}" ) / "%%" / "%_" / "%-"`
  mutating func macroExpand() -> String {
    guard rng.chance(0.8) else { return rng.pick(["%%", "%_", "%-"]) }
    let letter = String(rng.pick("slodiphv"))
    let transformers = (rng.chance(0.4) ? "\(rng.int(1...128))" : "") + (rng.chance(0.3) ? anyCase("r") : "")
    return "%{" + anyCase(letter) + transformers + run(of: ".-+,/_=", 0...2) + "}"
  }

  /// `ip4-network = qnum "." qnum "." qnum "." qnum`
  mutating func ip4Network() -> String {
    (0..<4).map { _ in String(rng.int(0...255)) }.joined(separator: ".")
  }

  /// `ip6-network` (RFC 4291 §2.2): full or with one `::` of at least one group, hex in any case, leading zeros,
  /// sometimes an embedded IPv4 address in the last 32 bits.
  mutating func ip6Network() -> String {
    let embedsIPv4 = rng.chance(0.2)
    var groups: [String] = []
    for _ in 0..<(embedsIPv4 ? 6 : 8) {
      let value = rng.chance(0.3) ? 0 : rng.int(0...0xFFFF)
      let hex = String(value, radix: 16, uppercase: rng.chance(0.3))
      groups.append(String(repeating: "0", count: rng.int(0...(4 - hex.count))) + hex)
    }
    let tail = embedsIPv4 ? [ip4Network()] : []
    guard rng.chance(0.6) else { return (groups + tail).joined(separator: ":") }
    let start = rng.int(0...(groups.count - 1))
    let end = rng.int((start + 1)...groups.count)
    let left = groups[..<start].joined(separator: ":")
    let right = (Array(groups[end...]) + tail).joined(separator: ":")
    return left + "::" + right
  }

  /// Text in random ASCII case.
  mutating func anyCase(_ text: String) -> String {
    String(text.map { rng.chance(0.2) ? Character($0.uppercased()) : $0 })
  }

  mutating func run(of characters: String, _ count: ClosedRange<Int>) -> String {
    String((0..<rng.int(count)).map { _ in rng.pick(characters) })
  }

  static let letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
  static let digits = "0123456789"
  /// `macro-literal = %x21-24 / %x26-7E`: visible ASCII but `%`.
  static let macroLiterals = String((0x21...0x7E).filter { $0 != 0x25 }.map { Character(Unicode.Scalar($0)) })
}
