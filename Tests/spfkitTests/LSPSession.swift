import Foundation

/// A scripted `spfkit lsp` session: messages framed with `Content-Length` headers, piped to the
/// binary at once, and what it wrote back split into messages.
struct LSPSession {
  private(set) var input: [UInt8] = []
  private var nextID = 1

  /// Starts with `initialize` (with `options` as `initializationOptions`) and `initialized`.
  init(options: [String: Any]? = nil, initialize: Bool = true) {
    guard initialize else { return }
    var params: [String: Any] = ["processId": NSNull(), "rootUri": NSNull(), "capabilities": [String: Any]()]
    if let options { params["initializationOptions"] = options }
    request("initialize", params)
    notify("initialized", [String: Any]())
  }

  /// Adds a request; returns its id.
  @discardableResult mutating func request(_ method: String, _ params: Any) -> Int {
    defer { nextID += 1 }
    append(["jsonrpc": "2.0", "id": nextID, "method": method, "params": params])
    return nextID
  }

  mutating func notify(_ method: String, _ params: Any) {
    append(["jsonrpc": "2.0", "method": method, "params": params])
  }

  mutating func open(_ uri: String, _ text: String, language: String = "", version: Int = 1) {
    notify(
      "textDocument/didOpen",
      ["textDocument": ["uri": uri, "languageId": language, "version": version, "text": text]])
  }

  /// Ends the session as the spec says: `shutdown`, then `exit`.
  mutating func shutDown() {
    request("shutdown", NSNull())
    notify("exit", NSNull())
  }

  /// Adds one framed JSON message.
  mutating func append(_ message: [String: Any]) {
    let body = (try? JSONSerialization.data(withJSONObject: message)) ?? Data()
    appendRaw(Array("Content-Length: \(body.count)\r\n\r\n".utf8) + Array(body))
  }

  /// Adds bytes as they are, framed or not.
  mutating func appendRaw(_ bytes: [UInt8]) { input += bytes }

  /// Runs `spfkit lsp` on the session; returns the exit status and the messages it wrote.
  func run() async throws -> (status: Int32, messages: [[String: Any]], stderr: String) {
    let output = try await SPFKitProcess.run(["lsp"], stdin: input)
    return (output.status, try Self.messages(Array(output.stdout.utf8)), output.stderr)
  }

  /// Splits framed output into JSON objects; throws on anything that is not a well-framed object.
  static func messages(_ bytes: [UInt8]) throws -> [[String: Any]] {
    var messages: [[String: Any]] = []
    var rest = bytes[...]
    let separator = Array("\r\n\r\n".utf8)
    while !rest.isEmpty {
      guard let end = rest.firstRange(of: separator) else { throw HarnessError("unterminated header") }
      let header = String(decoding: rest[..<end.lowerBound], as: UTF8.self)
      guard header.hasPrefix("Content-Length: "), let length = Int(header.dropFirst(16)) else {
        throw HarnessError("bad header '\(header)'")
      }
      let body = rest[end.upperBound...].prefix(length)
      guard body.count == length, let object = try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any]
      else { throw HarnessError("bad body") }
      messages.append(object)
      rest = rest[(end.upperBound + length)...]
    }
    return messages
  }
}

extension [[String: Any]] {
  /// The response to request `id`.
  func response(_ id: Int) -> [String: Any]? { first { ($0["id"] as? Int) == id && $0["method"] == nil } }

  /// Every `publishDiagnostics` notification for `uri`, in order.
  func published(_ uri: String) -> [[String: Any]] {
    compactMap { message in
      guard message["method"] as? String == "textDocument/publishDiagnostics",
        let params = message["params"] as? [String: Any], params["uri"] as? String == uri
      else { return nil }
      return params
    }
  }

  /// The diagnostics of the last `publishDiagnostics` for `uri`.
  func lastDiagnostics(_ uri: String) -> [[String: Any]] {
    (published(uri).last?["diagnostics"] as? [[String: Any]]) ?? []
  }
}

/// A diagnostic's code and start as `CODE@LINE:CHARACTER` (0-based LSP line, UTF-16 character).
func codeAndStart(_ diagnostic: [String: Any]) -> String {
  let start = (diagnostic["range"] as? [String: Any])?["start"] as? [String: Any]
  return "\(diagnostic["code"] as? String ?? "-")@\(start?["line"] as? Int ?? -1):\(start?["character"] as? Int ?? -1)"
}

/// Removes every `↓` from text and returns each mark's LSP position as `LINE:CHARACTER` (0-based
/// line, UTF-16 code units before it on its line).
func markedDocument(_ text: String) -> (text: String, marks: [String]) {
  var marks: [String] = []
  var lines: [String] = []
  for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
    var clean = ""
    for character in line {
      if character == "↓" {
        marks.append("\(number):\(clean.utf16.count)")
      } else {
        clean.append(character)
      }
    }
    lines.append(clean)
  }
  return (lines.joined(separator: "\n"), marks)
}
