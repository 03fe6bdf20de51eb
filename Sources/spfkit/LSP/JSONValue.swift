import Foundation

/// A JSON value of a JSON-RPC message: decoded with Foundation's `JSONSerialization`, written by
/// `serialized` (every string escaped per RFC 8259 §7, so any document text is safe to send).
enum JSONValue: Hashable, Sendable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  /// Decodes a JSON document; nil for anything that is not JSON.
  static func decode(_ bytes: [UInt8]) -> JSONValue? {
    guard let object = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]) else {
      return nil
    }
    return JSONValue(foundation: object)
  }

  private init?(foundation value: Any) {
    switch value {
    case is NSNull: self = .null
    case let number as NSNumber:
      // Foundation hands booleans over as NSNumber too; only their type code tells them apart.
      self = String(cString: number.objCType) == "c" ? .bool(number.boolValue) : .number(number.doubleValue)
    case let string as String: self = .string(string)
    case let array as [Any]:
      var values: [JSONValue] = []
      for element in array {
        guard let value = JSONValue(foundation: element) else { return nil }
        values.append(value)
      }
      self = .array(values)
    case let dictionary as [String: Any]:
      var values: [String: JSONValue] = [:]
      for (key, element) in dictionary {
        guard let value = JSONValue(foundation: element) else { return nil }
        values[key] = value
      }
      self = .object(values)
    default: return nil
    }
  }

  /// The member `key` of an object; nil for a missing member or a value that is no object.
  subscript(key: String) -> JSONValue? {
    if case .object(let members) = self { members[key] } else { nil }
  }

  var string: String? { if case .string(let value) = self { value } else { nil } }
  var bool: Bool? { if case .bool(let value) = self { value } else { nil } }
  var array: [JSONValue]? { if case .array(let value) = self { value } else { nil } }

  /// The value as an integer, when it is a number without a fraction within `Int` range.
  var int: Int? {
    guard case .number(let value) = self, value.rounded() == value, abs(value) < 9e15 else { return nil }
    return Int(value)
  }

  /// Compact JSON text, keys sorted so output is stable.
  var serialized: String {
    var out = ""
    write(to: &out)
    return out
  }

  private func write(to out: inout String) {
    switch self {
    case .null: out += "null"
    case .bool(let value): out += value ? "true" : "false"
    case .number(let value):
      if value.rounded() == value, abs(value) < 9e15 { out += String(Int(value)) } else { out += "\(value)" }
    case .string(let value): JSONValue.writeString(value, to: &out)
    case .array(let values):
      out += "["
      for (index, value) in values.enumerated() {
        if index > 0 { out += "," }
        value.write(to: &out)
      }
      out += "]"
    case .object(let members):
      out += "{"
      for (index, key) in members.keys.sorted().enumerated() {
        if index > 0 { out += "," }
        JSONValue.writeString(key, to: &out)
        out += ":"
        members[key]!.write(to: &out)
      }
      out += "}"
    }
  }

  /// A string literal: quote, backslash and control characters escaped (RFC 8259 §7).
  private static func writeString(_ text: String, to out: inout String) {
    out += "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    out += "\""
  }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
  ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
  init(stringLiteral value: String) { self = .string(value) }
  init(integerLiteral value: Int) { self = .number(Double(value)) }
  init(booleanLiteral value: Bool) { self = .bool(value) }
  init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
  init(dictionaryLiteral elements: (String, JSONValue)...) {
    self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
  }

  /// An integer value.
  static func int(_ value: Int) -> JSONValue { .number(Double(value)) }
}
