import Foundation

/// The one way every command prints JSON: pretty, keys sorted (stable for diffs and tests), slashes
/// unescaped.
enum JSONOutput {
  /// `value` as a JSON document; `{}` if it cannot be encoded (no reporter's document can fail).
  static func string(_ value: some Encodable) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
  }
}

/// Parts shared by the JSON documents of several commands.
enum JSONReport {
  /// The `tool` object: `{"name": "spfkit", "version": "0.1.0"}`.
  struct Tool: Encodable {
    let name: String
    let version: String
  }
}
