import Foundation

/// A copy of `Examples/zones/example.com.zone` and its included file in a scratch directory, and
/// what `spfkit lint --zone --format json` finds in it.
struct LSPExampleZone {
  /// One finding of the JSON output: 1-based line, 1-based UTF-8 byte column.
  struct Finding: Hashable {
    let code: String
    let line: Int
    let column: Int
  }

  let path: String
  let text: String
  var lines: [Substring] { text.split(separator: "\n", omittingEmptySubsequences: false) }

  init(copiedTo scratch: ScratchDirectory) throws {
    let examples = SPFKitProcess.packageRoot.appendingPathComponent("Examples/zones")
    text = try String(contentsOf: examples.appendingPathComponent("example.com.zone"), encoding: .utf8)
    try scratch.write("example.com.zone", text)
    let include = try String(
      contentsOf: examples.appendingPathComponent("includes/mail-hosts.inc"), encoding: .utf8)
    try scratch.write("includes/mail-hosts.inc", include)
    path = scratch.path("example.com.zone")
  }

  /// The findings `lint --zone` reports in the file itself (not in the file it includes).
  func lintFindings() async throws -> [Finding] {
    let run = try await SPFKitProcess.run(["lint", "--zone", path, "--format", "json"])
    let document = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
    let inputs = document?["inputs"] as? [[String: Any]] ?? []
    return inputs.flatMap { $0["diagnostics"] as? [[String: Any]] ?? [] }.compactMap { finding in
      guard finding["source"] as? String == path, let code = finding["code"] as? String,
        let line = finding["line"] as? Int, let column = finding["column"] as? Int
      else { return nil }
      return Finding(code: code, line: line, column: column)
    }
  }
}
