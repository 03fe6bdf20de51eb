import Foundation
import Glibc

/// A real BIND `named` serving fixture zones on `127.0.0.1` and `::1` at a free port, for tests of the
/// socket resolver and the command line.
///
/// ```swift
/// let server = try await NamedServer(zones: [NamedZone(origin: "example.com", records: "@ TXT \"v=spf1 -all\"")])
/// let resolver = SocketResolver(servers: [DNSServer(address: .v4(IPv4Address(127, 0, 0, 1)), port: server.port)])
/// ```
///
/// The configuration, zone files, pid and key files and the log live in a fresh temporary directory;
/// `named` runs in the foreground (`-g`) with recursion off, and is stopped (SIGTERM, then waited for)
/// by `stop()` or when the server is released. Works as root.
public final class NamedServer: @unchecked Sendable {
  /// The port `named` listens on, UDP and TCP, on both loopback addresses.
  public let port: UInt16
  /// The temporary directory holding the configuration, zones and `named.log`.
  public let directory: String
  /// The zones served.
  public let zones: [NamedZone]

  private let process: Process
  private let lock = NSLock()
  private var stopped = false

  /// How long a start may take before it is abandoned. Generous: the readiness probe runs in the test
  /// process, which under a sanitizer and a parallel suite can wait many seconds for a thread although
  /// named itself is up within a second; a healthy start returns as soon as named answers.
  static let startTimeout = Duration.seconds(60)
  /// How long the SOA probe waits for an answer once named's log says it is running.
  static let probeTimeout = Duration.seconds(20)

  /// Writes the configuration and zones, starts `named` at a free port and waits until it answers.
  ///
  /// - Parameters:
  ///   - zones: the zones to serve as primary.
  ///   - options: extra lines for the `options { }` block, each ending with `;` (`max-udp-size 512;`).
  /// - Throws: `NamedServerError` when `named` is missing, fails to start, or fails to load a zone;
  ///   the message carries the relevant log lines.
  public init(zones: [NamedZone], options: [String] = []) async throws(NamedServerError) {
    guard let executable = NamedServer.executablePath else { throw NamedServerError(NamedServer.missingMessage) }
    let directory = try NamedServer.makeDirectory()
    for (index, zone) in zones.enumerated() {
      try NamedServer.write(zone.zoneFile, to: "\(directory)/zone\(index).db")
    }
    var lastError = NamedServerError("named did not start")
    for _ in 0..<5 {
      let port = try NamedServer.freePort()
      let configuration = NamedServer.configuration(directory: directory, port: port, zones: zones, options: options)
      try NamedServer.write(configuration, to: "\(directory)/named.conf")
      let process = try NamedServer.launch(executable, directory: directory, port: port)
      do throws(NamedServerError) {
        try await NamedServer.waitUntilReady(process, directory: directory, port: port, zones: zones)
        self.port = port
        self.directory = directory
        self.zones = zones
        self.process = process
        NamedServer.track(process, directory: directory)
        return
      } catch {
        NamedServer.terminate(process)
        lastError = error
        if !error.message.hasPrefix(NamedServer.portConflictPrefix) { break }
      }
    }
    try? FileManager.default.removeItem(atPath: directory)
    throw lastError
  }

  deinit { stop() }

  /// `127.0.0.1:PORT`, as `--server` takes it.
  public var ipv4Server: String { "127.0.0.1:\(port)" }
  /// `[::1]:PORT`, as `--server` takes it.
  public var ipv6Server: String { "[::1]:\(port)" }

  /// What `named` logged so far.
  public var log: String { (try? String(contentsOfFile: "\(directory)/named.log", encoding: .utf8)) ?? "" }

  /// Stops `named` (SIGTERM, SIGKILL after 5 seconds), waits for it and removes the directory; safe to
  /// call more than once.
  public func stop() {
    let alreadyStopped = lock.withLock {
      defer { stopped = true }
      return stopped
    }
    guard !alreadyStopped else { return }
    NamedServer.terminate(process)
    NamedServer.untrack(process)
    try? FileManager.default.removeItem(atPath: directory)
  }
}
