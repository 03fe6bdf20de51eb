import SPFKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The arguments of `spfkit check`, validated: the `check_host()` request and the evaluation settings.
///
/// Every refusal is a usage error whose message names the argument or option and quotes the text.
struct CheckInput {
  /// The request: `<ip>`, `<domain>`, `<sender>` (RFC 7208 §4.1) and the HELO name (`%{h}`).
  let request: CheckHostRequest
  /// The limits: RFC 7208 §4.6.4, with the lookup limit of `--max-lookups`.
  let settings: EvaluationSettings

  /// The most `--max-lookups` allows: evaluation stays small whatever the policy.
  static let maximumLookupLimit = 1000

  /// Reads `<ip> <domain>`, `--sender`, `--helo` and `--max-lookups`.
  init(_ arguments: ParsedArguments) throws(CLIError) {
    let positionals = arguments.positionals
    switch positionals.count {
    case 0: throw .usage("missing <ip> and <domain>")
    case 1: throw .usage("missing <domain> after '\(positionals[0])'")
    case 2: break
    default: throw .usage("unexpected argument '\(positionals[2])': give one <ip> and one <domain>")
    }
    let ip = try CheckInput.clientIP(positionals[0])
    let domain = try CheckInput.domain(positionals[1])
    let sender = try arguments.value("--sender").map { text throws(CLIError) in try CheckInput.sender(text) }
    let helo = try arguments.value("--helo").map { text throws(CLIError) in try CheckInput.helo(text) }
    request = CheckHostRequest(
      clientIP: ip, domain: domain, sender: sender ?? "postmaster@" + domain,
      helo: helo ?? domain, timestamp: Int64(time(nil)))
    settings = EvaluationSettings(lookupLimit: try CheckInput.lookupLimit(arguments.value("--max-lookups")))
  }

  /// `<ip>`: an IPv4 or IPv6 address, as written in a mail log.
  static func clientIP(_ text: String) throws(CLIError) -> IPAddress {
    guard let ip = IPAddress(text) else {
      throw .usage("invalid <ip> '\(text)': give an IPv4 or IPv6 address ('192.0.2.1', '2001:db8::1')")
    }
    return ip
  }

  /// `<domain>`: the domain as a receiver sees it, ASCII, without spaces.
  ///
  /// A name `check_host()` cannot check (a single label, an empty label, an all-numeric top label) is
  /// no usage error: receivers see such names, and `check_host()` returns `none` for them (RFC 7208
  /// §4.3), which the report explains.
  static func domain(_ text: String) throws(CLIError) -> String {
    if text.contains("@") {
      throw .usage("invalid <domain> '\(text)': give the domain, and the address with '--sender'")
    }
    if let problem = nameCharacterProblem(text) { throw .usage("invalid <domain> '\(text)': \(problem)") }
    return text
  }

  /// A `<domain>` whose policy must be read (`flatten`): a name `check_host()` cannot check is refused,
  /// since there is nothing to read (RFC 7208 §4.3).
  static func checkableDomain(_ text: String) throws(CLIError) -> String {
    let domain = try domain(text)
    if let problem = CheckHostRequest.domainProblem(domain) { throw .usage("invalid <domain>: \(problem)") }
    return domain
  }

  /// `--sender`: `local-part@domain`, or a domain alone (the local-part is then `postmaster`,
  /// RFC 7208 §4.3), as the client sent it.
  ///
  /// A local-part may hold spaces and quotes (an RFC 5321 quoted string, `"Macro Error"@example.com`
  /// seen unquoted in logs): only what no SMTP command can carry, a control character, is refused.
  static func sender(_ text: String) throws(CLIError) -> String {
    func refuse(_ why: String) -> CLIError { .usage("invalid value '\(printable(text))' for '--sender': \(why)") }
    guard !text.isEmpty else { throw refuse("give an address ('user@example.com')") }
    if let problem = smtpCharacterProblem(text) { throw refuse(problem) }
    let domain = text.lastIndex(of: "@").map { String(text[text.index(after: $0)...]) } ?? text
    guard !domain.isEmpty else { throw refuse("give a domain after '@'") }
    return text
  }

  /// `--helo`: the name the client gave, whatever it is: a domain, an address literal (`[192.0.2.1]`)
  /// or any other text a client sends (`JUMPIN' JUPITER`); only a control character is refused.
  static func helo(_ text: String) throws(CLIError) -> String {
    guard !text.isEmpty else { throw .usage("invalid value '' for '--helo': give the HELO/EHLO name") }
    if let problem = smtpCharacterProblem(text) {
      throw .usage("invalid value '\(printable(text))' for '--helo': \(problem)")
    }
    return text
  }

  /// `--max-lookups`: a whole number from 0 to `maximumLookupLimit`; 10 when not given.
  static func lookupLimit(_ text: String?) throws(CLIError) -> Int {
    guard let text else { return EvaluationSettings.rfcLookupLimit }
    guard !text.isEmpty, text.utf8.count <= 4, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
      let limit = Int(text), limit <= maximumLookupLimit
    else {
      throw .usage("invalid value '\(text)' for '--max-lookups': give a whole number from 0 to \(maximumLookupLimit)")
    }
    return limit
  }

  /// Why text cannot be part of an SMTP command (RFC 5321 §2.3.8, §4.1.2): a control character, which
  /// includes NUL, CR and LF. Spaces and non-ASCII (RFC 6531) can be.
  private static func smtpCharacterProblem(_ text: String) -> String? {
    text.utf8.contains { $0 < 0x20 || $0 == 0x7F } ? "it contains a control character" : nil
  }

  /// Text as quoted in an error: control characters shown as `\xNN`, so the message stays one line.
  private static func printable(_ text: String) -> String {
    text.unicodeScalars.map { scalar in
      scalar.value < 0x20 || scalar.value == 0x7F
        ? "\\x" + String(scalar.value, radix: 16, uppercase: true).leftPadded(2) : String(scalar)
    }.joined()
  }

  /// Why text cannot be a domain name on the command line: a space, a control character, or non-ASCII.
  private static func nameCharacterProblem(_ text: String) -> String? {
    for byte in text.utf8 {
      if byte == 0x20 { return "it contains a space" }
      if byte < 0x20 || byte == 0x7F { return "it contains a control character" }
      if byte >= 0x80 { return "it is not ASCII: give an internationalized name in its 'xn--' form" }
    }
    return nil
  }
}

extension String {
  /// The string with zeros in front up to `width` characters.
  fileprivate func leftPadded(_ width: Int) -> String {
    count >= width ? self : String(repeating: "0", count: width - count) + self
  }
}
