import Foundation
import Testing

/// Where `spfkit lint --output FILE` writes, as a shell's `>` would: through symbolic links, keeping
/// an existing file's permissions, straight into a FIFO; never onto one of the run's inputs; and no
/// temporary file left by a signal that ends the run.
@Suite struct OutputFileTests {
  static let record = "v=spf1 +all"

  @Test func aSymbolicLinkIsWrittenThroughNotReplaced() async throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    try scratch.write("real/report.txt", "old\n")
    try FileManager.default.createSymbolicLink(atPath: scratch.path("link.txt"), withDestinationPath: "real/report.txt")
    let run = try await SPFKitProcess.run(["lint", "--output", scratch.path("link.txt"), Self.record])
    #expect(run.status == 0, "\(run.stderr)")
    let attributes = try FileManager.default.attributesOfItem(atPath: scratch.path("link.txt"))
    #expect(attributes[.type] as? FileAttributeType == .typeSymbolicLink)
    let report = try String(contentsOfFile: scratch.path("real/report.txt"), encoding: .utf8)
    #expect(report.contains("SPF103"), "\(report)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path("real")) == ["report.txt"])
  }

  @Test func aLinkToAMissingFileCreatesIt() async throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    try FileManager.default.createSymbolicLink(atPath: scratch.path("link.txt"), withDestinationPath: "new.txt")
    let run = try await SPFKitProcess.run(["lint", "--output", scratch.path("link.txt"), Self.record])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(try String(contentsOfFile: scratch.path("new.txt"), encoding: .utf8).contains("SPF103"))
  }

  @Test func anExistingFileKeepsItsPermissions() async throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    try scratch.write("report.txt", "old\n")
    try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: scratch.path("report.txt"))
    let run = try await SPFKitProcess.run(["lint", "--output", scratch.path("report.txt"), Self.record])
    #expect(run.status == 0, "\(run.stderr)")
    let attributes = try FileManager.default.attributesOfItem(atPath: scratch.path("report.txt"))
    #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    #expect(try String(contentsOfFile: scratch.path("report.txt"), encoding: .utf8).contains("SPF103"))
  }

  /// A FIFO is written into, as `>` writes it: its reader gets the report and it stays a FIFO.
  @Test func aFIFOIsWrittenIntoNotReplaced() async throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let fifo = scratch.path("report.fifo")
    try #require(mkfifo(fifo, 0o600) == 0)
    // The shell starts the reader, as a user would (opening a FIFO to write waits for one); the
    // reader gives up after 20 s, so a build that replaced the FIFO fails here instead of hanging.
    let run = try await ToolProcess.run(
      [
        "sh", "-c",
        "timeout 20 cat \"$1\" > \"$2\" & \"$0\" lint --output \"$1\" 'v=spf1 +all'; status=$?; wait; exit $status",
        SPFKitProcess.binary.path, fifo, scratch.path("received.txt"),
      ], directory: nil)
    #expect(run.status == 0, "\(run.stderr)")
    let received = try String(contentsOfFile: scratch.path("received.txt"), encoding: .utf8)
    #expect(received.contains("SPF103"), "\(received)")
    var status = stat()
    #expect(stat(fifo, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO, "no longer a FIFO")
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).sorted() == [
        "received.txt", "report.fifo",
      ])
  }

  /// `/dev/stdout` leads through /proc to a pipe here: written into, and the link in /dev untouched.
  @Test func devStdoutIntoAPipeIsWrittenInto() async throws {
    let run = try await ToolProcess.run(
      ["sh", "-c", "\"$0\" lint --output /dev/stdout 'v=spf1 +all' | cat", SPFKitProcess.binary.path], directory: nil)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.hasPrefix("<arg1>:1:8: warning[SPF103]"), "\(run.stdout)")
    let attributes = try FileManager.default.attributesOfItem(atPath: "/dev/stdout")
    #expect(attributes[.type] as? FileAttributeType == .typeSymbolicLink)
  }

  @Test func aDirectoryIsRefusedBeforeAnyWork() async throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    try FileManager.default.createDirectory(atPath: scratch.path("reports"), withIntermediateDirectories: true)
    let run = try await SPFKitProcess.run(["lint", "--output", scratch.path("reports"), Self.record])
    #expect(run.status == 2)
    #expect(run.stderr == "error: \(scratch.path("reports")): cannot write '--output' file: it is a directory\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path) == ["reports"])
  }

  /// The report never replaces what it reports on: the zone itself, a link to it, or the file
  /// standard input is read from.
  @Test(arguments: ["zone", "link", "stdin"])
  func anInputIsNeverTheOutput(_ form: String) async throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let zone = "$ORIGIN example.com.\n@ IN TXT \"v=spf1 +all\"\n"
    try scratch.write("example.com.zone", zone)
    try FileManager.default.createSymbolicLink(
      atPath: scratch.path("link.zone"), withDestinationPath: "example.com.zone")
    let run: SPFKitProcess.Output
    switch form {
    case "zone":
      run = try await SPFKitProcess.run(
        ["lint", "--zone", scratch.path("example.com.zone"), "--output", scratch.path("example.com.zone")])
    case "link":
      run = try await SPFKitProcess.run(
        ["lint", "--zone", scratch.path("example.com.zone"), "--output", scratch.path("link.zone")])
    default:
      run = try await ToolProcess.run(
        [
          "sh", "-c", "\"$0\" lint - --output \"$1\" < \"$1\"", SPFKitProcess.binary.path,
          scratch.path("example.com.zone"),
        ], directory: nil)
    }
    #expect(run.status == 2)
    #expect(run.stderr.contains("the report would replace it"), "\(run.stderr)")
    #expect(try String(contentsOfFile: scratch.path("example.com.zone"), encoding: .utf8) == zone)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).sorted() == [
        "example.com.zone", "link.zone",
      ])
  }

  /// Every signal that ends a run, sent while standard input is still open, removes the temporary
  /// file and leaves the old report.
  @Test(arguments: [SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM])
  func aSignalLeavesTheOldFileAndNoTemporaryOne(_ signalNumber: Int32) async throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    try scratch.write("report.txt", "old\n")
    let process = Process()
    process.executableURL = SPFKitProcess.binary
    process.arguments = ["lint", "--output", scratch.path("report.txt"), "-"]
    let input = Pipe()
    process.standardInput = input
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    input.fileHandleForWriting.write(Data("v=spf1 +all\n".utf8))
    // The temporary file appears when the run starts; wait for it (no time is asserted).
    var waits = 0
    while try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).count < 2, waits < 2_000 {
      try await Task.sleep(for: .milliseconds(5))
      waits += 1
    }
    try #require(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).count == 2, "no temporary file")
    kill(process.processIdentifier, signalNumber)
    while process.isRunning { try await Task.sleep(for: .milliseconds(5)) }
    #expect(process.terminationStatus == 128 + signalNumber)
    #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path) == ["report.txt"])
    #expect(try String(contentsOfFile: scratch.path("report.txt"), encoding: .utf8) == "old\n")
  }
}
