import Foundation

/// An open document with its latest lint, and when it is due to be linted again.
struct OpenDocument: Sendable {
  var text: TextDocument
  var lint: DocumentLint?
  var findings: [PublishedFinding] = []
  /// When the document is to be linted: set by an edit, cleared once its diagnostics are published.
  var lintDue: Date?
}

/// Document synchronization, diagnostics publishing, hover and code actions.
extension LSPServer {
  func didOpen(_ params: JSONValue?) {
    guard let item = params?["textDocument"], let uri = item["uri"]?.string, let text = item["text"]?.string else {
      return
    }
    let document = TextDocument(
      uri: uri, languageID: item["languageId"]?.string ?? "", version: item["version"]?.int ?? 0, text: text)
    documents[uri] = OpenDocument(text: document, lintDue: Date())
  }

  /// Applies full or incremental changes in order; the lint runs once the edits pause, on the
  /// latest text.
  func didChange(_ params: JSONValue?) {
    guard let uri = params?["textDocument"]?["uri"]?.string, var open = documents[uri],
      let changes = params?["contentChanges"]?.array
    else { return }
    resolutions.removeValue(forKey: uri)?.cancel()
    for change in changes { _ = open.text.apply(change) }
    if let version = params?["textDocument"]?["version"]?.int { open.text.version = version }
    open.lintDue = Date().addingTimeInterval(Self.debounce)
    documents[uri] = open
  }

  func didClose(_ params: JSONValue?) {
    guard let uri = params?["textDocument"]?["uri"]?.string, documents.removeValue(forKey: uri) != nil else { return }
    resolutions.removeValue(forKey: uri)?.cancel()
    sendNotification("textDocument/publishDiagnostics", ["uri": .string(uri), "diagnostics": []])
  }

  func scheduleLint(_ uri: String?) {
    guard let uri, documents[uri] != nil else { return }
    documents[uri]?.lintDue = Date()
  }

  /// Lints and publishes every document whose quiet time has passed.
  func publishDueDiagnostics(now: Date) {
    for (uri, open) in documents {
      if let due = open.lintDue, due <= now { lintAndPublish(uri) }
    }
  }

  /// Lints the document's current text and publishes its diagnostics with its version; with DNS,
  /// starts resolving its include trees in the background.
  private func lintAndPublish(_ uri: String) {
    guard let open = documents[uri] else { return }
    let document = open.text
    let kind = settings.documentKind ?? DocumentKind.detect(path: document.path, languageID: document.languageID)
    let lint = DocumentLint(document, kind: kind, linter: settings.linter)
    publish(uri, lint)
    resolveInBackground(uri, lint, version: document.version)
  }

  /// Stores a lint of the document's current version and publishes its diagnostics.
  func publish(_ uri: String, _ lint: DocumentLint) {
    guard var open = documents[uri] else { return }
    let document = open.text
    open.lint = lint
    open.findings = PublishedFinding.all(in: lint, document: document, threshold: settings.threshold)
    open.lintDue = nil
    documents[uri] = open
    var diagnostics = lint.inputErrors.map { PublishedFinding.inputErrorJSON($0, lint: lint, document: document) }
    diagnostics += open.findings.map { $0.json(in: lint, document: document, strict: settings.strict) }
    sendNotification(
      "textDocument/publishDiagnostics",
      ["uri": .string(uri), "version": .int(document.version), "diagnostics": .array(diagnostics)])
  }

  /// The open document a request names, linted first if an edit is pending; nil for a closed one.
  private func currentDocument(_ params: JSONValue?) -> OpenDocument? {
    guard let uri = params?["textDocument"]?["uri"]?.string, let open = documents[uri] else { return nil }
    if open.lintDue != nil || open.lint == nil { lintAndPublish(uri) }
    return documents[uri]
  }

  func hover(_ params: JSONValue?) -> JSONValue {
    guard let open = currentDocument(params), let lint = open.lint, let position = LSPPosition(params?["position"]),
      let text = DocumentHover.markdown(at: position, lint: lint, findings: open.findings, document: open.text)
    else { return .null }
    return ["contents": ["kind": "markdown", "value": .string(text)]]
  }

  func codeActions(_ params: JSONValue?) -> JSONValue {
    guard let open = currentDocument(params), let lint = open.lint, let range = LSPRange(params?["range"]) else {
      return []
    }
    return .array(CodeActions.actions(in: range, lint: lint, findings: open.findings, document: open.text))
  }
}
