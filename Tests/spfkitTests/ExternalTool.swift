import Foundation
import Testing

/// A tool some tests run: Python's `jsonschema` module, or `pre-commit`.
///
/// When it is missing the tests are skipped with a note, unless the environment variable `CI` is
/// `true`: then they run and fail (`.ci/run` installs both).
struct ExternalTool: Sendable {
  /// What to install.
  let name: String
  /// Whether it can run here.
  let isAvailable: Bool

  /// Whether a missing tool fails the tests.
  static var isRequired: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }
  /// Whether the tests that need the tool run.
  var testsEnabled: Bool { isAvailable || Self.isRequired }
  /// The note of a skipped test.
  var skipNote: Comment { Comment(rawValue: "\(name) is not installed: skipped (CI=true makes this a failure)") }

  static let jsonschema = ExternalTool(
    name: "Python's jsonschema", isAvailable: succeeds("python3", "-c", "import jsonschema"))
  static let preCommit = ExternalTool(name: "pre-commit", isAvailable: succeeds("pre-commit", "--version"))
  static let git = ExternalTool(name: "git", isAvailable: succeeds("git", "--version"))

  /// Whether a command found on `PATH` exits 0.
  static func succeeds(_ arguments: String...) -> Bool {
    // Asked once, while the test traits are built: a plain blocking run is fine here.
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
  }
}

/// Runs a program found on `PATH` (git, pre-commit, python3) and captures what it prints.
enum ToolProcess {
  /// The environment of every run: the caller's, without Git's user and system configuration (a
  /// developer's hooks path or commit signing must not change a test), with a fixed identity and date
  /// so commits of the same tree have the same hash.
  static let baseEnvironment: [String: String] = {
    var environment = ProcessInfo.processInfo.environment
    let fixed = [
      "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_SYSTEM": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1",
      "GIT_AUTHOR_NAME": "spfkit tests", "GIT_AUTHOR_EMAIL": "tests@example.com", "GIT_COMMITTER_NAME": "spfkit tests",
      "GIT_COMMITTER_EMAIL": "tests@example.com", "GIT_AUTHOR_DATE": "2024-01-01T00:00:00Z",
      "GIT_COMMITTER_DATE": "2024-01-01T00:00:00Z",
    ]
    environment.merge(fixed) { $1 }
    return environment
  }()

  /// Runs `arguments` (the program first, found on `PATH`) in `directory`.
  static func run(_ arguments: [String], directory: URL?, environment: [String: String] = [:]) async throws
    -> SPFKitProcess.Output
  {
    try await ChildRun.run(
      URL(fileURLWithPath: "/usr/bin/env"), arguments, environment: baseEnvironment.merging(environment) { $1 },
      directory: directory)
  }
}
