import Foundation
import Glibc

/// The servers still running, stopped at exit so that a server held by a `static` fixture (never
/// released) does not outlive the test run nor leave its directory behind.
private let runningServers = RunningServers()

extension NamedServer {
  /// Remembers a started server until `untrack(_:)`.
  static func track(_ process: Process, directory: String) {
    runningServers.insert(process.processIdentifier, directory: directory)
  }

  /// Forgets a stopped server.
  static func untrack(_ process: Process) { runningServers.remove(process.processIdentifier) }
}

/// Process IDs and directories of running servers.
private final class RunningServers: @unchecked Sendable {
  private let lock = NSLock()
  private var directories: [Int32: String] = [:]
  private var exitHookInstalled = false

  func insert(_ identifier: Int32, directory: String) {
    let installHook = lock.withLock {
      directories[identifier] = directory
      defer { exitHookInstalled = true }
      return !exitHookInstalled
    }
    if installHook { atexit { runningServers.stopAll() } }
  }

  func remove(_ identifier: Int32) { _ = lock.withLock { directories.removeValue(forKey: identifier) } }

  /// Sends SIGTERM to every server, gives them 2 seconds to exit, and removes their directories.
  func stopAll() {
    let servers = lock.withLock { directories }
    for identifier in servers.keys { kill(identifier, SIGTERM) }
    let deadline = ContinuousClock.now + .seconds(2)
    while servers.keys.contains(where: { kill($0, 0) == 0 }) && ContinuousClock.now < deadline { usleep(10_000) }
    for directory in servers.values { try? FileManager.default.removeItem(atPath: directory) }
  }
}
