import Foundation

/// One of the openspf.org conformance suites (see `shared/testdata/openspf/README.md`): scenarios of
/// tests, each scenario with the zone data its tests see. Read by the in-process conformance tests and
/// by the CLI's (`spfkit check` against a real `named`).
public struct OpenSPFSuite: Sendable {
  public struct Scenario: Sendable {
    public let description: String
    public let tests: [Test]
    /// Owner name (as written) to its records and markers, in order.
    public let zone: [String: [ZoneEntry]]
  }

  public struct Test: Sendable {
    public let name: String
    public let spec: String
    public let helo: String
    public let host: String
    public let mailFrom: String
    /// Any of these results passes; the first is preferred.
    public let results: [String]
    /// The expected explanation of a fail, `DEFAULT` for the default one.
    public let explanation: String?
  }

  /// One entry of a name's list: a record, or the `TIMEOUT` marker.
  public enum ZoneEntry: Sendable {
    /// A record: its type as written (`SPF`, `TXT`, `A`, ...) and value. `TXT: NONE` is kept as a
    /// TXT entry with the value `NONE`; the zone builder reads it as a marker.
    case record(type: String, value: JSONValue)
    case timeout
  }

  public let scenarios: [Scenario]

  public var testCount: Int { scenarios.reduce(0) { $0 + $1.tests.count } }

  /// Loads a suite's JSON file.
  public init(contentsOf url: URL) throws {
    let data = try Data(contentsOf: url)
    guard case .array(let documents) = try JSONDecoder().decode(JSONValue.self, from: data) else {
      throw SuiteError("\(url.path): the top level is not a list of scenarios")
    }
    scenarios = try documents.map(Self.scenario)
  }

  private static func scenario(_ value: JSONValue) throws -> Scenario {
    guard let object = value.object, let tests = object["tests"]?.object else {
      throw SuiteError("a scenario without tests")
    }
    var zone: [String: [ZoneEntry]] = [:]
    for (name, entries) in object["zonedata"]?.object ?? [:] {
      guard case .array(let list) = entries else { throw SuiteError("zone data of '\(name)' is not a list") }
      zone[name] = try list.map(entry)
    }
    let parsed = try tests.map { name, test in try Self.test(name, test) }.sorted { $0.name < $1.name }
    return Scenario(description: object["description"]?.string ?? "?", tests: parsed, zone: zone)
  }

  private static func entry(_ value: JSONValue) throws -> ZoneEntry {
    if value.string == "TIMEOUT" { return .timeout }
    guard let object = value.object, object.count == 1, let (type, data) = object.first else {
      throw SuiteError("a zone entry that is neither TIMEOUT nor a one-key map")
    }
    return .record(type: type, value: data)
  }

  private static func test(_ name: String, _ value: JSONValue) throws -> Test {
    guard let object = value.object, let helo = object["helo"]?.string, let host = object["host"]?.string,
      let mailFrom = object["mailfrom"]?.string, let results = object["result"]?.strings
    else { throw SuiteError("test '\(name)' lacks helo, host, mailfrom or result") }
    return Test(
      name: name, spec: object["spec"]?.text ?? "", helo: helo, host: host, mailFrom: mailFrom,
      results: results, explanation: object["explanation"]?.string)
  }

  /// The suite folder, `../shared/testdata/openspf` beside the package root (the folder holding
  /// Package.swift above this file).
  public static func folder(from file: String = #filePath) -> URL {
    var directory = URL(fileURLWithPath: file).deletingLastPathComponent()
    while directory.path != "/" {
      if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) { break }
      directory.deleteLastPathComponent()
    }
    return directory.deletingLastPathComponent().appendingPathComponent("shared/testdata/openspf")
  }
}

/// A suite file that cannot be read, or data a test cannot use.
public struct SuiteError: Error, CustomStringConvertible {
  public let description: String
  public init(_ description: String) { self.description = description }
}
