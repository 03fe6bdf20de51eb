import Foundation
import Testing

/// `docs/lint-output.schema.json` describes what `--format json` and `--format jsonl` really write:
/// real output validated with Python's `jsonschema`, as the SARIF tests do with the OASIS schema.
@Suite struct LintOutputSchemaTests {
  static let schema = SPFKitProcess.packageRoot.appendingPathComponent("docs/lint-output.schema.json")

  /// 25 private networks: over the cap of SPF111 findings.
  static let privateNetworks = (1...25).map { "ip4:10.0.0.\($0)" }.joined(separator: " ")

  /// Findings with fixes and notes, a capped code, invalid UTF-8, a control character, an
  /// unreadable file.
  static let zone = """
    $ORIGIN example.com.
    a 300 IN TXT "v=spf1 ip4:81.2.0.0/16" "ip4:81.3.0.0/16 -all"
    b 300 IN TXT "v=spf1 \\255 ip4:10.0.0.1 \\001 ?all"
    c 300 IN TXT "v=spf1 \(privateNetworks) -all"
    c 300 IN TXT "v=spf1 ptr -all"

    """

  /// Validates `text` (a document, or JSON lines each an input object) against the schema;
  /// returns jsonschema's complaint, or nil.
  static func violation(_ text: String, lines: Bool) async throws -> String? {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    try scratch.write("output.json", text)
    let script = """
      import json, sys, jsonschema
      schema = json.load(open(sys.argv[2]))
      validator = jsonschema.Draft202012Validator
      validator.check_schema(schema)
      text = open(sys.argv[1], encoding="utf-8").read()
      if sys.argv[3] == "lines":
          lines = text.splitlines()
          assert lines, "no lines"
          line_schema = {"$schema": schema["$schema"], "$ref": "#/$defs/input", "$defs": schema["$defs"]}
          for line in lines:
              validator(line_schema).validate(json.loads(line))
      else:
          validator(schema).validate(json.loads(text))
      """
    let run = try await ToolProcess.run(
      ["python3", "-c", script, scratch.path("output.json"), schema.path, lines ? "lines" : "document"], directory: nil)
    return run.status == 0 ? nil : run.stderr
  }

  static func lint(_ format: String) async throws -> SPFKitProcess.Output {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    try scratch.write("z.zone", zone)
    return try await SPFKitProcess.run(
      ["lint", "--format", format, "--severity", "info", "--zone", "z.zone", "missing.zone", "--", "v=spf1 +all"],
      directory: scratch.url)
  }

  @Test(
    .enabled(if: ExternalTool.jsonschema.testsEnabled, ExternalTool.jsonschema.skipNote), arguments: ["json", "jsonl"])
  func outputIsValidAgainstTheSchema(_ format: String) async throws {
    try #require(ExternalTool.jsonschema.isAvailable, "python3 -c 'import jsonschema' fails: CI=true requires it")
    let run = try await Self.lint(format)
    #expect(run.status == 2)
    #expect(run.stdout.contains("\"omitted\":[{"), "the cap is exercised")
    #expect(run.stdout.contains("\"invalidUTF8\":true"), "replaced bytes are exercised")
    #expect(run.stdout.contains("\\u0001"), "a control character is escaped")
    let violation = try await Self.violation(run.stdout, lines: format == "jsonl")
    #expect(violation == nil, "\(violation ?? "")")
  }

  /// The check can fail: a document without its summary is rejected.
  @Test(.enabled(if: ExternalTool.jsonschema.testsEnabled, ExternalTool.jsonschema.skipNote))
  func aDocumentWithoutItsSummaryIsRejected() async throws {
    try #require(ExternalTool.jsonschema.isAvailable, "python3 -c 'import jsonschema' fails: CI=true requires it")
    let run = try await Self.lint("json")
    var document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    document["summary"] = nil
    let text = String(decoding: try JSONSerialization.data(withJSONObject: document), as: UTF8.self)
    #expect(try await Self.violation(text, lines: false)?.contains("'summary' is a required property") == true)
  }
}
