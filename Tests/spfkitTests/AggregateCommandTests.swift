import Foundation
import SPFKitTestSupport
import Testing

@Suite(.serialized) struct AggregateCommandTests {
  @Test func standardInputAggregates() async throws {
    let input = "# mail\n192.0.2.1\n192.0.2.0   # mx1\n\n192.0.2.2/31\n2001:db8::1\r\n10.0.0.0/8\n10.1.0.0/16\n"
    let run = try await SPFKitProcess.run(["aggregate"], input: input)
    #expect(run.status == 0)
    #expect(run.stdout == "10.0.0.0/8\n192.0.2.0/30\n2001:db8::1\n")
    #expect(run.stderr.isEmpty)
  }

  @Test func dashReadsStandardInput() async throws {
    let run = try await SPFKitProcess.run(["aggregate", "-"], input: "192.0.2.3\n192.0.2.2\n")
    #expect(run.stdout == "192.0.2.2/31\n")
  }

  @Test func wideningReportsOnStandardError() async throws {
    let run = try await SPFKitProcess.run(
      ["aggregate", "--widen", "/24"], input: "192.0.2.1\n192.0.2.2\n198.51.100.9\n")
    #expect(run.status == 0)
    #expect(run.stdout == "192.0.2.0/30\n198.51.100.9\n")
    #expect(
      run.stderr == """
        widened: 192.0.2.0/30 authorizes 2 unlisted addresses
        widened: 2 unlisted IPv4 addresses in total

        """)
  }

  @Test func badLineNamesFileLineAndColumn() async throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("spfkit-agg-\(UUID().uuidString).txt")
    try "192.0.2.1\n300.0.0.1\n".write(to: file, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: file) }
    let run = try await SPFKitProcess.run(["aggregate", file.path])
    #expect(run.status == 2)
    #expect(run.stdout.isEmpty)
    #expect(
      run.stderr
        == "error: \(file.path):2:1: '300.0.0.1' is not an IPv4 address or network: octet is greater than 255\n")
  }

  /// A stream without newlines ends at the line limit, with bounded memory, not when memory runs out.
  @Test func aLineOverTheLimitIsAnInputError() async throws {
    let aggregate = try await SPFKitProcess.run(["aggregate", "/dev/zero"])
    #expect(aggregate.status == 2)
    #expect(aggregate.stderr == "error: /dev/zero:1:1: line is longer than 16 MiB\n")
    let input = "192.0.2.1\n192.0.2.2\n" + String(repeating: "1", count: 16 << 20 + 1) + "\n"
    let generate = try await SPFKitProcess.run(["generate", "--domain", "example.com", "--ips", "-"], input: input)
    #expect(generate.status == 2)
    #expect(generate.stderr == "error: <stdin>:3:1: line is longer than 16 MiB\n")
  }

  @Test func allOfIPv6WidensWithNoUnlistedAddress() async throws {
    let run = try await SPFKitProcess.run(["aggregate", "--widen", "//0"], input: "::/1\n8000::/1\n")
    #expect(run.status == 0)
    #expect(run.stdout == "::/0\n")
    #expect(run.stderr.isEmpty, "\(run.stderr)")
  }

  @Test func standardInputErrorsSayStdin() async throws {
    let run = try await SPFKitProcess.run(["aggregate"], input: "192.0.2.1\n  2001:db8::g\n")
    #expect(run.status == 2)
    #expect(
      run.stderr == "error: <stdin>:2:13: '2001:db8::g' is not an IPv6 address or network: expected a hex group\n")
  }

  @Test(arguments: [
    (["aggregate", "a", "b"], "give at most one <file>"),
    (["aggregate", "--widen", "/33"], "'/33' is not a usable '--widen' prefix: prefix length is greater than 32"),
    (["aggregate", "--widen"], "option '--widen' needs a value <prefix>"),
  ])
  func usageErrorsExitTwo(_ arguments: [String], _ message: String) async throws {
    let run = try await SPFKitProcess.run(arguments, input: "")
    #expect(run.status == 2)
    #expect(run.stdout.isEmpty)
    #expect(
      run.stderr == """
        error: \(message)
        Usage: spfkit aggregate [<file>] [--widen <prefix>]
          See 'spfkit aggregate --help' for more information.

        """)
  }

  @Test func missingFileIsAnInputError() async throws {
    let run = try await SPFKitProcess.run(["aggregate", "/nonexistent/list.txt"])
    #expect(run.status == 2)
    #expect(run.stderr == "error: cannot read '/nonexistent/list.txt': no such file or directory\n")
  }

  /// The same blocks as `iprange --optimize` (Debian package iprange), when it is installed.
  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/iprange"), "iprange not installed"))
  func sameBlocksAsIprange() async throws {
    var random = SplitMix64(seed: 2024)
    var lines = ""
    for _ in 0..<20_000 {
      let address = UInt32(truncatingIfNeeded: random.next()) & 0x0FFF_FFFF | 0x1000_0000
      let prefix = [32, 32, 32, 31, 30, 28, 24][Int(random.next() % 7)]
      let masked = address & (UInt32.max << UInt32(32 - prefix))
      let text = "\(masked >> 24).\(masked >> 16 & 0xFF).\(masked >> 8 & 0xFF).\(masked & 0xFF)"
      lines += prefix == 32 ? text + "\n" : "\(text)/\(prefix)\n"
    }
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("spfkit-iprange-\(UUID().uuidString).txt")
    try lines.write(to: file, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: file) }
    let ours = try await SPFKitProcess.run(["aggregate", file.path])
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/iprange")
    process.arguments = ["--optimize", file.path]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let theirs = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(ours.status == 0)
    #expect(ours.stdout == theirs)
  }

  @Test func helpIsComplete() async throws {
    let run = try await SPFKitProcess.run(["aggregate", "--help"])
    #expect(run.status == 0)
    #expect(
      run.stdout == """
        OVERVIEW: Aggregate IP addresses and networks into the fewest CIDR blocks.

        USAGE: spfkit aggregate [<file>] [--widen <prefix>]

        ARGUMENTS:
          <file>                  An address list: one IPv4 or IPv6 address or network
                                  per line; blank lines and '#' comments allowed. '-' or
                                  nothing reads standard input.

        OPTIONS:
          --widen <prefix>        Allow blocks as wide as /N (IPv4), //N (IPv6) or /N//M
                                  (both) where that saves blocks; each widened block and
                                  the unlisted addresses it authorizes are reported on
                                  standard error.
          -h, --help              Show help information.

        Blocks are printed IPv4 first, then IPv6, each in address order; duplicates,
        covered and adjacent networks are merged, host bits cleared. The output reads
        back as an address list.

        EXIT STATUS:
          0  success
          2  usage or input error (the message names the file, line and column)

        """)
  }
}
