import Foundation

/// The language server (LSP 3.17): reads messages from the inbox on one thread, answers requests,
/// and publishes diagnostics once a document has been quiet for `debounce`.
///
/// Lifecycle per the spec: requests before `initialize` get `ServerNotInitialized`, requests after
/// `shutdown` get `InvalidRequest`, and `exit` ends the server with 0 after `shutdown`, else 1.
final class LSPServer {
  /// JSON-RPC and LSP error codes.
  enum ErrorCode: Int {
    case parseError = -32700
    case invalidRequest = -32600
    case methodNotFound = -32601
    case invalidParams = -32602
    case serverNotInitialized = -32002
  }

  /// How long a document must go unchanged before it is linted: typing a word lints once.
  static let debounce: TimeInterval = 0.05

  let transport: LSPTransport
  var settings = LSPSettings()
  var documents: [String: OpenDocument] = [:]
  let inbox = Inbox()
  /// The DNS lint running in the background for each document: cancelled by an edit.
  var resolutions: [String: Task<Void, Never>] = [:]
  private var isInitialized = false
  private var isShutDown = false

  init(transport: LSPTransport) { self.transport = transport }

  /// Serves until `exit` or the end of input; returns the process exit status.
  func run() -> Int32 {
    transport.startReading(into: inbox)
    while true {
      // Due documents are linted before the next message too: a steady stream of messages must
      // not hold diagnostics back.
      publishDueDiagnostics(now: Date())
      let deadline = documents.values.compactMap(\.lintDue).min()
      guard let event = inbox.take(until: deadline) else { continue }
      switch event {
      case .end: return isShutDown ? 0 : 1
      case .resolved(let uri, let version, let names): publishResolved(uri, version: version, names: names)
      case .malformed(let reason): sendError(nil, .parseError, "malformed message: \(reason)")
      case .message(let body):
        if let status = handle(body) { return status }
      }
    }
  }

  /// Handles one message; returns an exit status when the message is `exit`.
  private func handle(_ body: [UInt8]) -> Int32? {
    guard let message = JSONValue.decode(body), case .object = message else {
      sendError(nil, .parseError, "the message is not a JSON object")
      return nil
    }
    let id = message["id"]
    if let id, !Self.isValidID(id) {
      sendError(nil, .invalidRequest, "'id' must be a number or a string")
      return nil
    }
    guard let method = message["method"]?.string else {
      if id == nil || message["result"] == nil && message["error"] == nil {
        sendError(id, .invalidRequest, "the message has no 'method'")
      }
      return nil  // a response to a request of ours: the server sends none
    }
    if method == "exit" { return isShutDown ? 0 : 1 }
    let params = message["params"]
    guard let id else {
      if isInitialized, !isShutDown { notify(method, params) }
      return nil
    }
    guard isInitialized || method == "initialize" else {
      sendError(id, .serverNotInitialized, "the server is not initialized")
      return nil
    }
    guard !isShutDown else {
      sendError(id, .invalidRequest, "the server is shut down")
      return nil
    }
    respond(id, method, params)
    return nil
  }

  private static func isValidID(_ id: JSONValue) -> Bool {
    switch id {
    case .number, .string: true
    default: false
    }
  }

  private func respond(_ id: JSONValue, _ method: String, _ params: JSONValue?) {
    switch method {
    case "initialize":
      isInitialized = true
      settings = settings.updated(with: params?["initializationOptions"])
      sendResult(id, Self.initializeResult)
    case "shutdown":
      isShutDown = true
      sendResult(id, .null)
    case "textDocument/hover": sendResult(id, hover(params))
    case "textDocument/codeAction": sendResult(id, codeActions(params))
    default: sendError(id, .methodNotFound, "unknown method '\(method)'")
    }
  }

  private func notify(_ method: String, _ params: JSONValue?) {
    switch method {
    case "textDocument/didOpen": didOpen(params)
    case "textDocument/didChange": didChange(params)
    case "textDocument/didClose": didClose(params)
    case "textDocument/didSave": scheduleLint(params?["textDocument"]?["uri"]?.string)
    case "workspace/didChangeConfiguration":
      settings = settings.updated(with: params?["settings"])
      for uri in documents.keys { scheduleLint(uri) }
    default: break  // `initialized`, `$/cancelRequest`, `$/setTrace` and unknown notifications
    }
  }

  /// What the server can do: full or incremental sync (incremental asked for), hover, quick fixes.
  static let initializeResult: JSONValue = [
    "capabilities": [
      "positionEncoding": "utf-16",
      "textDocumentSync": ["openClose": true, "change": 2, "save": ["includeText": false]],
      "hoverProvider": true,
      "codeActionProvider": ["codeActionKinds": ["quickfix"]],
    ],
    "serverInfo": ["name": "spfkit", "version": .string(SPFKitCommand.version)],
  ]

  func sendResult(_ id: JSONValue, _ result: JSONValue) {
    transport.send(["jsonrpc": "2.0", "id": id, "result": result])
  }

  func sendError(_ id: JSONValue?, _ code: ErrorCode, _ message: String) {
    transport.send([
      "jsonrpc": "2.0", "id": id ?? .null, "error": ["code": .int(code.rawValue), "message": .string(message)],
    ])
  }

  func sendNotification(_ method: String, _ params: JSONValue) {
    transport.send(["jsonrpc": "2.0", "method": .string(method), "params": params])
  }
}
