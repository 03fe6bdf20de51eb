import Foundation
import Testing

/// `Examples/zones/example.com.zone`: what `spfkit lint --zone` prints for it is the golden file
/// `example.com.expected.txt` beside it. `SPFKIT_UPDATE_GOLDEN=1` rewrites the golden file instead.
@Suite struct ExampleZoneTests {
  static let zone = "Examples/zones/example.com.zone"
  static let golden = SPFKitProcess.packageRoot.appendingPathComponent("Examples/zones/example.com.expected.txt")

  @Test func outputEqualsTheGoldenFile() async throws {
    let run = try await SPFKitProcess.run(
      ["lint", "--zone", Self.zone], environment: ["NO_COLOR": "1"], directory: SPFKitProcess.packageRoot)
    #expect(run.status == 1)
    #expect(run.stderr.isEmpty)
    if ProcessInfo.processInfo.environment["SPFKIT_UPDATE_GOLDEN"] == "1" {
      try Data(run.stdout.utf8).write(to: Self.golden)
      return
    }
    let expected = try String(contentsOf: Self.golden, encoding: .utf8)
    #expect(run.stdout == expected, "rewrite with SPFKIT_UPDATE_GOLDEN=1 swift test --filter ExampleZoneTests")
  }

  /// The example is a zone BIND loads (from its own directory: BIND resolves `$INCLUDE` paths from
  /// its working directory).
  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/named-checkzone"), "no named-checkzone"))
  func bindLoadsTheExample() throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/named-checkzone")
    process.arguments = ["example.com", "example.com.zone"]
    process.currentDirectoryURL = SPFKitProcess.packageRoot.appendingPathComponent("Examples/zones")
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(text)")
  }
}
