import SPFKitTestSupport
import Testing

@testable import SPFKit

extension RuleTests {
  /// SPF009 `invalid-domain-spec`.
  struct InvalidDomainSpecTests {
    static let label63 = String(repeating: "a", count: 63)

    static let cases: [RuleCase] = [
      .flags("an empty label: the argument", "v=spf1 include:↓_spf..example.com↓ -all"),
      .flags("a leading dot", "v=spf1 a:↓.example.com↓ -all"),
      .flags("include without a domain: the whole term", "v=spf1 ↓include↓ -all"),
      .flags("exists without a domain", "v=spf1 ↓exists↓ -all"),
      .flags("include with an empty domain", "v=spf1 ↓include:↓ -all"),
      .flags("redirect with an empty domain", "v=spf1 ↓redirect=↓"),
      .flags("exp with an empty domain", "v=spf1 -all ↓exp=↓"),
      .flags("no dot and no top-level label", "v=spf1 include:↓localhost↓ -all"),
      .flags(
        "the keyword typed twice: the fix drops the second", "v=spf1 include:↓include:_spf.example.com↓ -all",
        fixed: "v=spf1 include:_spf.example.com -all"),
      .flags(
        "exists typed twice, any case", "v=spf1 exists:↓EXISTS:%{i}.example.com↓ -all",
        fixed: "v=spf1 exists:%{i}.example.com -all"),
      .passes("a keyword inside a label is a name like any other", "v=spf1 include:include.example.com -all"),
      .flags("an address where a domain belongs: all-numeric top label", "v=spf1 a:↓192.0.2.1↓ -all"),
      .flags("a top label ending with '-'", "v=spf1 mx:↓example.com-↓ -all"),
      .flags("a bad domain before a prefix length: the domain only", "v=spf1 a:↓mail..example.com↓/24 -all"),
      .flags("a label of 64 octets", "v=spf1 include:↓\(label63)a.example.com↓ -all"),
      .flags(
        "a name of 256 octets",
        "v=spf1 include:↓\(label63).\(label63).\(label63).\(String(repeating: "b", count: 60)).com↓ -all"),
      .flags("a bad redirect target", "v=spf1 redirect=↓_spf.example.123↓"),
      .passes("a final dot", "v=spf1 include:_spf.example.com. -all"),
      .passes("a, mx and ptr need no domain", "v=spf1 a mx ptr a/24 mx//64 -all"),
      .passes("a 63-octet label", "v=spf1 include:\(label63).example.com -all"),
      .passes(
        "a name of 253 octets",
        "v=spf1 include:\(label63).\(label63).\(label63).\(String(repeating: "b", count: 57)).com -all"),
      .passes("a top label with a digit and a dash", "v=spf1 include:_spf.example.x-1 -all"),
      .passes("macros end a domain (RFC 7208 §7.4)", "v=spf1 exists:%{ir}.%{v}._spf.%{d2} -all"),
      .passes("RFC 7208 B.1: a and mx with a domain", "v=spf1 a:example.org -all", "v=spf1 mx:example.org -all"),
      .passes("two includes", "v=spf1 include:example.com include:example.net -all"),
      .passes("redirect and exp", "v=spf1 redirect=_spf.example.com exp=explain._spf.%{d}"),
    ]

    @Test(arguments: cases)
    func check(_ c: RuleCase) throws { try RuleTest.check(InvalidDomainSpec.self, c) }

    /// The rule judges an argument written without `%` on its bytes: the same verdict as on the parsed
    /// domain-spec, for random names of dots, letters, digits, dashes and underscores.
    @Test func writtenBytesAndParsedSpecAgree() throws {
      var random = SplitMix64(seed: 9)
      let alphabet = Array("..aZ09-_x".utf8)
      var checked = 0
      for _ in 0..<3_000 {
        let length = 1 + Int(random.next() % 90)
        var name = (0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }
        if random.next() % 8 == 0 { name += [UInt8](repeating: 0x61, count: 64) }
        let record = Array("v=spf1 include:".utf8) + name + Array(" -all".utf8)
        let parsed = SPFParser.parse(record)
        guard parsed.isValid, let term = parsed.record.terms.first, let span = term.argumentSpan else { continue }
        let bytes = record[span.start..<span.end]
        #expect(
          bytes.withUnsafeBufferPointer(InvalidDomainSpec.nameProblem(literal:))
            == InvalidDomainSpec.nameProblem(of: term),
          "\(String(decoding: bytes, as: UTF8.self))")
        checked += 1
      }
      #expect(checked > 1_000)
    }
  }
}
