import SPFKit
import SPFKitDNS

/// The server's settings, from `initializationOptions` or `workspace/didChangeConfiguration`
/// (`settings`), either at the top level or under a `spfkit` key:
/// `{"disable": ["SPF102"], "strict": true, "severity": "info", "documentKind": "zone", "dns": true,
/// "dnsServers": ["192.0.2.53"]}`.
struct LSPSettings: Sendable {
  /// Rule codes or slugs not to run, as `--disable`.
  var disabledRules: Set<String> = []
  /// Warnings shown as errors, as `--strict` fails on them.
  var strict = false
  /// The lowest severity shown, as `--severity`: warnings by default, as `lint --zone` and `lint -`
  /// show them, so the editor shows what the pre-commit hook reports; `info` adds SPF201's counts.
  var threshold = Severity.warning
  /// How documents are read; nil chooses by file name (`DocumentKind.detect`).
  var documentKind: DocumentKind?
  /// Whether include trees are resolved over DNS in the background (off by default: typing must
  /// not send queries unasked).
  var usesDNS = false
  /// The servers asked, as `--server`; empty: those of /etc/resolv.conf.
  var dnsServers: [DNSServer] = []

  /// The settings in `value`, unknown rule names ignored; members not given keep their value.
  func updated(with value: JSONValue?) -> LSPSettings {
    guard let value else { return self }
    let options = value["spfkit"] ?? value
    var settings = self
    if let names = options["disable"]?.array {
      settings.disabledRules = Set(names.compactMap { $0.string.flatMap(RuleCatalog.rule(named:))?.metadata.code })
    }
    if let strict = options["strict"]?.bool { settings.strict = strict }
    if let severity = options["severity"]?.string.flatMap(Severity.init(rawValue:)) { settings.threshold = severity }
    if let kind = options["documentKind"]?.string { settings.documentKind = DocumentKind(rawValue: kind) }
    if let dns = options["dns"]?.bool { settings.usesDNS = dns }
    if let servers = options["dnsServers"]?.array {
      settings.dnsServers = servers.compactMap { $0.string.flatMap { try? DNSServer(parsing: $0) } }
    }
    return settings
  }

  var linter: Linter { Linter(disabling: disabledRules) }

  /// A resolver for one lint run, with the run's own cache and a 30-second deadline (as the CLI's
  /// defaults); nil without DNS, or when /etc/resolv.conf names no server and none is set.
  func policyResolver() -> PolicyResolver? {
    guard usesDNS else { return nil }
    let deadline = ContinuousClock.now + .seconds(30)
    if !dnsServers.isEmpty {
      return PolicyResolver(SocketResolver(servers: dnsServers, timeout: .seconds(3), deadline: deadline))
    }
    return (try? SocketResolver.system(timeout: .seconds(3), deadline: deadline)).map { PolicyResolver($0) }
  }
}
