import SPFKit

/// DNS in the background (setting `dns`): once a version is linted and published, its names with
/// SPF records are linted again with their include trees resolved, with the run's own cache; the
/// result replaces the published diagnostics if the document is still at that version. An edit
/// cancels the run.
extension LSPServer {
  func resolveInBackground(_ uri: String, _ lint: DocumentLint, version: Int) {
    resolutions.removeValue(forKey: uri)?.cancel()
    guard let resolver = settings.policyResolver() else { return }
    let linter = settings.linter
    let inbox = self.inbox
    resolutions[uri] = Task.detached {
      var names: [LintedName] = []
      for name in lint.names {
        guard !Task.isCancelled else { return }
        let input = name.result.input
        guard !LintContext(records: input.records).spfRecords.isEmpty else {
          names.append(name)
          continue
        }
        let diagnostics = await linter.lint(input.records, name: input.name, zone: input.zone, resolvingWith: resolver)
        names.append(
          LintedName(result: LintResult(input: input, diagnostics: diagnostics), recordLines: name.recordLines))
      }
      guard !Task.isCancelled else { return }
      inbox.put(.resolved(uri: uri, version: version, names: names))
    }
  }

  /// Publishes a background DNS lint, unless the document changed (or closed) since.
  func publishResolved(_ uri: String, version: Int, names: [LintedName]) {
    resolutions.removeValue(forKey: uri)
    guard let open = documents[uri], open.text.version == version, open.lintDue == nil, var lint = open.lint else {
      return
    }
    lint.names = names
    publish(uri, lint)
  }
}
