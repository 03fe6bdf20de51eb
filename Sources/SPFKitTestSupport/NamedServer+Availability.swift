import Foundation

extension NamedServer {
  /// The `named` binary: `$NAMED` if set, else `/usr/sbin/named`; nil when it is not executable.
  public static var executablePath: String? {
    let path = ProcessInfo.processInfo.environment["NAMED"] ?? "/usr/sbin/named"
    return FileManager.default.isExecutableFile(atPath: path) ? path : nil
  }

  /// Whether tests that need `named` must fail when it is missing: the environment variable `CI` is
  /// `true`.
  public static var isRequired: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

  /// Whether tests that need `named` run: it is installed, or required (then they fail with
  /// `missingMessage`). Use with `.enabled(if: NamedServer.testsEnabled, NamedServer.skipNote)`.
  public static var testsEnabled: Bool { executablePath != nil || isRequired }

  /// The note shown for tests skipped because `named` is missing.
  public static let skipNote =
    "named not found at $NAMED or /usr/sbin/named: install bind9 (CI=true makes this a failure)"

  /// The error of a start without `named`.
  static var missingMessage: String {
    "named not found at \(ProcessInfo.processInfo.environment["NAMED"] ?? "/usr/sbin/named")"
      + (isRequired ? ": CI=true requires it, install bind9" : ": install bind9 or set NAMED to its path")
  }
}
