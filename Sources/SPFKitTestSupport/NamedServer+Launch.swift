import Foundation
import Glibc

extension NamedServer {
  /// The start of the error message for a port another process took first: the start is retried.
  static let portConflictPrefix = "named could not listen on port"

  static func makeDirectory() throws(NamedServerError) -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("spfkit-named-\(UUID().uuidString)").path
    do {
      try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    } catch {
      throw NamedServerError("cannot create '\(path)': \(error.localizedDescription)")
    }
    return path
  }

  static func write(_ text: String, to path: String) throws(NamedServerError) {
    guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
      throw NamedServerError("cannot write '\(path)'")
    }
  }

  /// A port free on UDP and TCP on both loopback addresses at the time of asking.
  static func freePort() throws(NamedServerError) -> UInt16 {
    for _ in 0..<20 {
      let probe = try LoopbackSocket(.ipv4, kind: .udp)
      let others: [(LoopbackSocket.Family, LoopbackSocket.Kind)] = [(.ipv4, .tcp), (.ipv6, .udp), (.ipv6, .tcp)]
      let free = others.allSatisfy { (try? LoopbackSocket($0.0, kind: $0.1, port: probe.port)) != nil }
      if free { return probe.port }
    }
    throw NamedServerError("no free loopback port found")
  }

  /// named.conf: loopback only, no recursion, every state file inside `directory`.
  static func configuration(directory: String, port: UInt16, zones: [NamedZone], options: [String]) -> String {
    var lines = [
      "options {",
      "  directory \"\(directory)\";",
      "  pid-file \"\(directory)/named.pid\";",
      "  session-keyfile \"\(directory)/session.key\";",
      "  managed-keys-directory \"\(directory)\";",
      "  listen-on port \(port) { 127.0.0.1; };",
      "  listen-on-v6 port \(port) { ::1; };",
      "  recursion no;",
      "  dnssec-validation no;",
      "  notify no;",
      "  allow-transfer { none; };",
    ]
    lines += options.map { "  \($0)" }
    lines += ["};", "controls { };"]
    for (index, zone) in zones.enumerated() {
      let refusal = zone.refusesQueries ? " allow-query { none; };" : ""
      let name = zone.origin.isEmpty ? "." : zone.origin  // the root zone, origin "." without its dot
      lines.append("zone \"\(name)\" { type primary; file \"\(directory)/zone\(index).db\";\(refusal) };")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func launch(_ executable: String, directory: String, port: UInt16) throws(NamedServerError) -> Process {
    let logPath = "\(directory)/named.log"
    guard FileManager.default.createFile(atPath: logPath, contents: nil),
      let log = FileHandle(forWritingAtPath: logPath)
    else { throw NamedServerError("cannot write '\(logPath)'") }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = ["-g", "-n", "1", "-c", "\(directory)/named.conf", "-p", "\(port)"]
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = log
    process.standardError = log
    do {
      try process.run()
    } catch {
      throw NamedServerError("cannot run '\(executable)': \(error.localizedDescription)")
    }
    return process
  }

  /// Waits until named has loaded every zone and answers on `127.0.0.1` (bounded by `startTimeout`).
  ///
  /// The wait runs on a thread of its own: a task of the cooperative pool, which CPU-bound tests in
  /// parallel (more so under a sanitizer) can hold for many seconds, once resumed after the deadline
  /// with named long since running, and the start failed.
  static func waitUntilReady(_ process: Process, directory: String, port: UInt16, zones: [NamedZone])
    async
    throws(NamedServerError)
  {
    let outcome: Result<Void, NamedServerError> = await withCheckedContinuation { continuation in
      Thread {
        let result = Result { () throws(NamedServerError) in
          try blockingWaitUntilReady(process, directory: directory, port: port, zones: zones)
        }
        continuation.resume(returning: result)
      }.start()
    }
    try outcome.get()
  }

  private static func blockingWaitUntilReady(_ process: Process, directory: String, port: UInt16, zones: [NamedZone])
    throws(NamedServerError)
  {
    let deadline = ContinuousClock.now + startTimeout
    let logPath = "\(directory)/named.log"
    func log() -> String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }
    while !log().split(separator: "\n").contains(where: { $0.hasSuffix(" running") }) {
      guard process.isRunning else { throw NamedServerError("named exited at start:\n\(tail(log()))") }
      guard ContinuousClock.now < deadline else {
        throw NamedServerError("named did not start in time:\n\(tail(log()))")
      }
      Thread.sleep(forTimeInterval: 0.02)
    }
    let text = log()
    guard text.contains("127.0.0.1#\(port)\n") else {
      throw NamedServerError("\(portConflictPrefix) \(port):\n\(tail(text))")
    }
    if text.contains("not loaded due to errors") {
      let reasons = text.split(separator: "\n").filter { $0.contains("\(directory)/zone") || $0.contains("not loaded") }
      throw NamedServerError("named did not load a zone:\n\(reasons.joined(separator: "\n"))")
    }
    let probeDeadline = max(deadline, ContinuousClock.now + probeTimeout)
    guard answers(port: port, zone: zones.first?.origin ?? ".", deadline: probeDeadline) else {
      throw NamedServerError("named does not answer on 127.0.0.1#\(port):\n\(tail(text))")
    }
  }

  /// Sends SOA queries to `127.0.0.1#port` until any answer comes back or the deadline passes (at
  /// least one query is sent).
  private static func answers(port: UInt16, zone: String, deadline: ContinuousClock.Instant) -> Bool {
    guard let socket = try? LoopbackSocket(.ipv4) else { return false }
    var query: [UInt8] = [0x53, 0x50, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]
    for label in zone.split(separator: ".") {
      query.append(UInt8(truncatingIfNeeded: label.utf8.count))
      query += label.utf8
    }
    query += [0x00, 0x00, 0x06, 0x00, 0x01]
    repeat {
      socket.send(query, toPort: port)
      if let answer = socket.receive(timeout: .milliseconds(100)), answer.bytes.starts(with: [0x53, 0x50]) {
        return true
      }
    } while ContinuousClock.now < deadline
    return false
  }

  /// Sends SIGTERM, waits up to 5 seconds, then SIGKILL, and reaps the process.
  static func terminate(_ process: Process) {
    guard process.isRunning else { return }
    process.terminate()
    let deadline = ContinuousClock.now + .seconds(5)
    while process.isRunning && ContinuousClock.now < deadline { usleep(10_000) }
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
  }

  private static func tail(_ log: String) -> String {
    log.split(separator: "\n").suffix(15).joined(separator: "\n")
  }
}
