import Foundation
import Testing

/// Runs the built `spfkit` binary as a user would and captures what it prints.
struct SPFKitProcess {
  /// What one run produced.
  struct Output {
    let stdout: String
    let stderr: String
    let status: Int32
    /// Wall-clock seconds from start to exit, measured on the waiting thread (not the test's), so a
    /// busy test pool does not inflate it.
    var seconds: Double = 0
  }

  /// The package root, found from this file's path.
  static let packageRoot: URL = {
    var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    while url.path != "/", !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
      url.deleteLastPathComponent()
    }
    return url
  }()

  /// The binary under test: `$SPFKIT_BIN`, else the debug build in `.build`.
  static let binary: URL = {
    if let path = ProcessInfo.processInfo.environment["SPFKIT_BIN"] { return URL(fileURLWithPath: path) }
    return packageRoot.appendingPathComponent(".build/debug/spfkit")
  }()

  /// Runs `spfkit` with arguments, optional standard input bytes and extra environment.
  static func run(
    _ arguments: [String], stdin: [UInt8]? = nil, environment: [String: String] = [:],
    directory: URL? = nil
  ) async throws -> Output {
    guard FileManager.default.isExecutableFile(atPath: binary.path) else {
      throw HarnessError("no spfkit binary at \(binary.path): run 'swift build' first (make test does)")
    }
    return try await ChildRun.run(
      binary, arguments, stdin: stdin, environment: childEnvironment(environment), directory: directory)
  }

  /// This process's environment without `NO_COLOR`, with `extra` added.
  private static func childEnvironment(_ extra: [String: String] = [:]) -> [String: String] {
    var environment = ProcessInfo.processInfo.environment
    environment.removeValue(forKey: "NO_COLOR")
    environment.merge(extra) { $1 }
    return environment
  }

  /// Runs `spfkit` with the file at `path` as standard input, opened by the shell as a user's
  /// `spfkit ARGUMENTS < PATH` is (a directory too, which only read(2) refuses).
  static func run(_ arguments: [String], standardInputFrom path: String) async throws -> Output {
    try await ChildRun.run(
      URL(fileURLWithPath: "/bin/sh"),
      ["-c", "input=$1; shift; exec \"$0\" \"$@\" < \"$input\"", binary.path, path] + arguments,
      environment: childEnvironment())
  }

  /// Runs `spfkit` with text on standard input.
  static func run(_ arguments: [String], input: String, environment: [String: String] = [:]) async throws -> Output {
    try await run(arguments, stdin: Array(input.utf8), environment: environment)
  }
}

/// Runs a child process and captures what it prints: the one runner of every CLI test.
enum ChildRun {
  /// Runs `executable` and waits on a thread of its own: blocking one of the few threads of the
  /// cooperative pool would stall every other test running meanwhile (and their timeouts).
  static func run(
    _ executable: URL, _ arguments: [String], stdin: [UInt8]? = nil, environment: [String: String],
    directory: URL? = nil
  ) async throws -> SPFKitProcess.Output {
    try await withCheckedThrowingContinuation { continuation in
      Thread {
        continuation.resume(
          with: Result {
            try runBlocking(executable, arguments, stdin: stdin, environment: environment, directory: directory)
          })
      }.start()
    }
  }

  private static func runBlocking(
    _ executable: URL, _ arguments: [String], stdin: [UInt8]?, environment: [String: String], directory: URL?
  ) throws -> SPFKitProcess.Output {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.environment = environment
    if let directory { process.currentDirectoryURL = directory }
    let outPipe = Pipe()
    let errPipe = Pipe()
    let inPipe = Pipe()
    process.standardOutput = outPipe
    process.standardError = errPipe
    process.standardInput = inPipe
    let start = ContinuousClock.now
    try process.run()
    // Read both pipes concurrently so neither can fill up and block the child.
    // The semaphore orders the reader's write of `errData` before the read below (ThreadSanitizer
    // reported polling `Thread.isFinished` as a race: it is no synchronization).
    nonisolated(unsafe) var errData = Data()
    let errRead = DispatchSemaphore(value: 0)
    Thread {
      errData = errPipe.fileHandleForReading.readDataToEndOfFile()
      errRead.signal()
    }.start()
    // A child that exits before reading its input (a usage error) closes the pipe: the write then
    // fails with EPIPE, which must neither raise SIGPIPE in the test process nor trap.
    signal(SIGPIPE, SIG_IGN)
    let writer = Thread {
      if let stdin { try? inPipe.fileHandleForWriting.write(contentsOf: Data(stdin)) }
      try? inPipe.fileHandleForWriting.close()
    }
    writer.start()
    let outData = outPipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let elapsed = ContinuousClock.now - start
    errRead.wait()
    return SPFKitProcess.Output(
      stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self),
      status: process.terminationStatus,
      seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
  }
}

/// Help text shared by several commands, as `--help` prints it.
enum HelpText {
  /// The rows of the DNS options (`DNSOptions.specs`), in every DNS command's help: asserted once here.
  static let dnsOptions = """
      --server <ip[:port]>    DNS server to ask instead of those in
                              /etc/resolv.conf; IPv6 as [addr]:port. Repeatable.
      --timeout <seconds>     How long to wait for one DNS answer before trying the
                              next server (default: 3).
      --deadline <seconds>    How long the whole run may spend on DNS; later queries
                              fail as timeouts (default: 30).
      --dns-zone <file>       A BIND zone file that answers first (TXT, A, AAAA, MX,
                              PTR), live DNS for every name it does not hold:
                              evaluate a draft before publishing it. Repeatable.
    """
}

/// A harness failure with a message.
struct HarnessError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}
