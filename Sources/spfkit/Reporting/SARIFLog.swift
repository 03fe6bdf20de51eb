/// The subset of a SARIF 2.1.0 log (OASIS Static Analysis Results Interchange Format) that
/// `spfkit lint --format sarif` writes: one run, its rules, results, fixes and input errors.
///
/// Property names follow the specification; optional properties are left out when nil.
struct SARIFLog: Encodable {
  let schema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
  let version = "2.1.0"
  var runs: [Run]

  enum CodingKeys: String, CodingKey {
    case schema = "$schema"
    case version, runs
  }

  struct Run: Encodable {
    var tool: Tool
    var invocations: [Invocation]
    var results: [Result]
  }

  struct Tool: Encodable {
    var driver: Driver
  }

  struct Driver: Encodable {
    var name: String
    var version: String
    var semanticVersion: String
    var informationUri: String
    var rules: [Rule]
  }

  /// A `reportingDescriptor`: one lint rule.
  struct Rule: Encodable {
    var id: String
    var name: String
    var shortDescription: Message
    var fullDescription: Message
    var help: Message
    var helpUri: String?
    var defaultConfiguration: Configuration
    var properties: Properties
  }

  struct Configuration: Encodable {
    var level: String
  }

  struct Properties: Encodable {
    var tags: [String]
  }

  /// A message: plain text, and Markdown where it helps.
  struct Message: Encodable {
    var text: String
    var markdown: String? = nil
  }

  struct Invocation: Encodable {
    var executionSuccessful: Bool
    var toolExecutionNotifications: [Notification]
    var properties: RunSummary
  }

  /// The run's counts in the invocation's property bag, and the summary line of the text format
  /// (`0 records checked: 1 input could not be read`).
  struct RunSummary: Encodable {
    var summary: String
    var records: Int
    var errors: Int
    var warnings: Int
    var infos: Int
    var inputErrors: Int
    var omitted: Int
  }

  /// An input that could not be read, or findings the cap left out.
  struct Notification: Encodable {
    var level: String
    var message: Message
    var locations: [Location]
  }

  struct Result: Encodable {
    var ruleId: String
    var ruleIndex: Int
    var level: String
    var message: Message
    var locations: [Location]
    var fixes: [Fix]?
  }

  struct Location: Encodable {
    var physicalLocation: PhysicalLocation
  }

  struct PhysicalLocation: Encodable {
    var artifactLocation: ArtifactLocation
    var region: Region
  }

  struct ArtifactLocation: Encodable {
    var uri: String
  }

  /// 1-based lines and columns; `endColumn` is just past the region (SARIF §3.30).
  struct Region: Encodable {
    var startLine: Int
    var startColumn: Int
    var endLine: Int?
    var endColumn: Int
  }

  struct Fix: Encodable {
    var description: Message
    var artifactChanges: [ArtifactChange]
  }

  struct ArtifactChange: Encodable {
    var artifactLocation: ArtifactLocation
    var replacements: [Replacement]
  }

  struct Replacement: Encodable {
    var deletedRegion: Region
    var insertedContent: Content
  }

  struct Content: Encodable {
    var text: String
  }
}
