import Testing

@testable import SPFKit

struct HeloDiagnoserTests {
  struct SyntaxCase: Sendable, CustomStringConvertible {
    let name: String
    let isHostName: Bool
    let fullyQualified: Bool
    let why: String
    var description: String { "\(name) (\(why))" }
  }

  static let syntaxCases: [SyntaxCase] = [
    SyntaxCase(name: "mail.example.com", isHostName: true, fullyQualified: true, why: "plain host name"),
    SyntaxCase(name: "mail.example.com.", isHostName: true, fullyQualified: true, why: "trailing dot is the root"),
    SyntaxCase(name: "OEMCOMPUTER", isHostName: true, fullyQualified: false, why: "one label"),
    SyntaxCase(name: "[192.0.2.1]", isHostName: false, fullyQualified: false, why: "address literal"),
    SyntaxCase(name: "192.0.2.1", isHostName: false, fullyQualified: false, why: "bare address"),
    SyntaxCase(name: "bad_name.example", isHostName: false, fullyQualified: false, why: "underscore"),
    SyntaxCase(name: "-lead.example", isHostName: false, fullyQualified: false, why: "leading hyphen"),
    SyntaxCase(name: "a..b", isHostName: false, fullyQualified: false, why: "empty label"),
    SyntaxCase(
      name: String(repeating: "a", count: 64) + ".example", isHostName: false, fullyQualified: false,
      why: "label over 63"),
    SyntaxCase(name: "", isHostName: false, fullyQualified: false, why: "empty"),
  ]

  @Test(arguments: syntaxCases)
  func hostnameSyntax(_ c: SyntaxCase) {
    let syntax = HostnameSyntax(c.name)
    #expect(syntax.isHostName == c.isHostName)
    if case .fullyQualified = syntax { #expect(c.fullyQualified) } else { #expect(!c.fullyQualified) }
  }

  static func resolver() -> InMemoryResolver {
    var dns = InMemoryResolver()
    dns.add(name: "good.example", type: .a, data: .a(IPv4Address(192, 0, 2, 1)))
    dns.add(name: "mxonly.example", type: .mx, data: .mx(preference: 10, exchange: "mail.example"))
    dns.add(name: "1.2.0.192.in-addr.arpa", type: .ptr, data: .ptr("good.example"))
    dns.add(name: "2.2.0.192.in-addr.arpa", type: .ptr, data: .ptr("liar.example"))
    dns.add(name: "liar.example", type: .a, data: .a(IPv4Address(198, 51, 100, 1)))
    dns.fail(name: "refused.example", with: .refused)
    dns.fail(name: "slow.example", with: .timeout)
    dns.add(name: "txtonly.example", type: .txt, data: .txt(TXTRecord(text: "hello")))
    return dns
  }

  struct VerdictCase: Sendable, CustomStringConvertible {
    let name: String
    let action: PostfixVerdict.Action
    let why: String
    var description: String { "\(name) (\(why))" }
  }

  @Test(arguments: [
    VerdictCase(name: "good.example", action: .accept, why: "an A record"),
    VerdictCase(name: "mxonly.example", action: .accept, why: "an MX record is enough"),
    VerdictCase(name: "refused.example", action: .deferIfPermit, why: "REFUSED is temporary"),
    VerdictCase(name: "slow.example", action: .deferIfPermit, why: "a timeout is temporary"),
    VerdictCase(name: "txtonly.example", action: .reject, why: "no address and no MX: no data"),
    VerdictCase(name: "missing.example", action: .reject, why: "NXDOMAIN"),
    VerdictCase(name: "[192.0.2.1]", action: .accept, why: "address literals are not looked up"),
  ])
  func unknownHeloHostname(_ c: VerdictCase) async {
    let diagnosis = await HeloDiagnoser(resolver: Self.resolver()).diagnose(c.name)
    let verdict = diagnosis.verdicts.first { $0.restriction == "reject_unknown_helo_hostname" }
    #expect(verdict?.action == c.action)
  }

  /// Why a name is not looked up says what the name is: only an address literal is called one.
  @Test(arguments: [
    ("[192.0.2.1]", "an address literal is not checked"), ("192.0.2.1", "a bare IP address is not checked"),
    ("bad_name!", "a name that is not a valid host name is not checked"),
  ])
  func notLookedUpSaysWhatTheNameIs(_ name: String, _ reason: String) async {
    let diagnosis = await HeloDiagnoser(resolver: Self.resolver()).diagnose(name)
    let verdict = diagnosis.verdicts.first { $0.restriction == "reject_unknown_helo_hostname" }
    #expect(verdict?.reason == "Postfix looks up only host names; " + reason)
  }

  @Test func forwardConfirmedReverseNameIsSuggested() async {
    let address = IPAddress("192.0.2.1")!
    let diagnosis = await HeloDiagnoser(resolver: Self.resolver()).diagnose("refused.example", client: address)
    #expect(diagnosis.client?.confirmedNames == ["good.example"])
    #expect(diagnosis.client?.heloIsConfirmedName == false)
    #expect(diagnosis.suggestion?.hasPrefix("greet with 'EHLO good.example'") == true)
    #expect(!diagnosis.isAccepted)
  }

  @Test func reverseNameThatDoesNotResolveBackIsRejected() async {
    let address = IPAddress("192.0.2.2")!
    let diagnosis = await HeloDiagnoser(resolver: Self.resolver()).diagnose("good.example", client: address)
    let client = diagnosis.verdicts.first { $0.restriction == "reject_unknown_client_hostname" }
    #expect(client?.action == .reject)
    #expect(diagnosis.suggestion == nil, "no forward-confirmed name to suggest")
  }

  @Test func reverseNamesOfBothFamilies() {
    #expect(IPAddress("192.0.2.1")!.reverseName == "1.2.0.192.in-addr.arpa")
    #expect(IPAddress("2001:db8::1")!.reverseName.hasSuffix(".8.b.d.0.1.0.0.2.ip6.arpa"))
    #expect(IPAddress("::ffff:192.0.2.1")!.unmapped.reverseName == "1.2.0.192.in-addr.arpa")
  }
}
