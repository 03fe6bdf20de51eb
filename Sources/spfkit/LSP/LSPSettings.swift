import SPFKit

/// The server's settings, from `initializationOptions` or `workspace/didChangeConfiguration`
/// (`settings`), either at the top level or under a `spfkit` key:
/// `{"disable": ["SPF102"], "strict": true, "documentKind": "auto"}`.
struct LSPSettings: Sendable {
  /// Rule codes or slugs not to run, as `--disable`.
  var disabledRules: Set<String> = []
  /// Warnings shown as errors, as `--strict` fails on them.
  var strict = false
  /// How documents are read; nil chooses by file name (`DocumentKind.detect`).
  var documentKind: DocumentKind?

  /// The settings in `value`, unknown rule names ignored; members not given keep their value.
  func updated(with value: JSONValue?) -> LSPSettings {
    guard let value else { return self }
    let options = value["spfkit"] ?? value
    var settings = self
    if let names = options["disable"]?.array {
      settings.disabledRules = Set(names.compactMap { $0.string.flatMap(RuleCatalog.rule(named:))?.metadata.code })
    }
    if let strict = options["strict"]?.bool { settings.strict = strict }
    if let kind = options["documentKind"]?.string { settings.documentKind = DocumentKind(rawValue: kind) }
    return settings
  }

  var linter: Linter { Linter(disabling: disabledRules) }
}
