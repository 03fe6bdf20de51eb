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
