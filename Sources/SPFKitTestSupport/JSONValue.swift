/// Any JSON value: the suite's fields have variable shapes (a string or a list, a number or a string).
public enum JSONValue: Decodable, Sendable {
  case string(String)
  case number(Double)
  case bool(Bool)
  case array([JSONValue])
  case object([String: JSONValue])
  case null

  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .null
    } else if let value = try? container.decode(Bool.self) {
      self = .bool(value)
    } else if let value = try? container.decode(Double.self) {
      self = .number(value)
    } else if let value = try? container.decode(String.self) {
      self = .string(value)
    } else if let value = try? container.decode([JSONValue].self) {
      self = .array(value)
    } else {
      self = .object(try container.decode([String: JSONValue].self))
    }
  }

  /// The string, if the value is one.
  public var string: String? { if case .string(let value) = self { value } else { nil } }
  /// The members, if the value is an object.
  public var object: [String: JSONValue]? { if case .object(let value) = self { value } else { nil } }

  /// A string, or the strings of a list: `result` and `TXT`/`SPF` values take both shapes.
  public var strings: [String]? {
    switch self {
    case .string(let value): [value]
    case .array(let values): values.compactMap(\.string).count == values.count ? values.compactMap(\.string) : nil
    default: nil
    }
  }

  /// Text for display whatever the shape (`spec` is a string, a number, or a list).
  public var text: String {
    switch self {
    case .string(let value): value
    case .number(let value): value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    case .bool(let value): String(value)
    case .array(let values): values.map(\.text).joined(separator: ", ")
    case .object: "{...}"
    case .null: "null"
    }
  }
}
