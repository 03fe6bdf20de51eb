import Foundation
import SPFKit
import SPFKitTestSupport
import Testing

/// Runs the real `named-checkzone` (Debian package bind9-utils) on writer output.
///
/// Without it the test is skipped with a note, except when `CI` is `true`: then it fails.
@Suite struct ZoneWriterNamedCheckzoneTests {
  static let tool = "/usr/bin/named-checkzone"

  @Test func namedCheckzoneAcceptsWriterOutputAndReadsTheSameBytes() throws {
    guard FileManager.default.isExecutableFile(atPath: ZoneWriterNamedCheckzoneTests.tool) else {
      if ProcessInfo.processInfo.environment["CI"] == "true" {
        Issue.record("named-checkzone is missing at \(ZoneWriterNamedCheckzoneTests.tool): install bind9-utils")
      } else {
        print("note: skipping the named-checkzone test: \(ZoneWriterNamedCheckzoneTests.tool) is not installed")
      }
      return
    }
    var written: [(ZoneName, TXTRecord)] = [
      (try ZoneName("example.com."), TXTRecord(strings: [CharacterString("v=spf1 ip4:192.0.2.0/24 -all")])),
      (
        try ZoneName(labels: [Array("we\"ird name;(x)".utf8), Array("example".utf8), Array("com".utf8)]),
        TXTRecord(strings: [CharacterString("v=spf1 \"quoted\" \\ back"), CharacterString(" -all")])
      ),
    ]
    var random = SplitMix64(seed: 42)
    for _ in 0..<60 { written.append(try ZoneWriterTests.randomRecord(&random)) }
    var zone = "$TTL 3600\n"
    zone += "example.com. 3600 IN SOA ns.example.com. hostmaster.example.com. 1 7200 3600 1209600 300\n"
    zone += "example.com. 3600 IN NS ns.example.com.\nns.example.com. 3600 IN A 192.0.2.53\n"
    for (index, (owner, record)) in written.enumerated() {
      let writer = ZoneWriter(layout: index % 2 == 0 ? .oneLine : .stringPerLine)
      zone += writer.text(owner: owner, ttl: 300, record: record) + "\n"
    }
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("spfkit-zone-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let zoneFile = directory.appendingPathComponent("example.com.zone")
    let dumpFile = directory.appendingPathComponent("dump.zone")
    try Data(zone.utf8).write(to: zoneFile)

    let (status, output) = try run(["-D", "-o", dumpFile.path, "example.com", zoneFile.path])
    #expect(status == 0, "named-checkzone rejected the writer's output:\n\(output)\n\(zone)")
    guard status == 0 else { return }

    // BIND's canonical dump, read back by the reader, holds the same owners and bytes.
    let dump = try [UInt8](Data(contentsOf: dumpFile))
    var reader = ZoneTestSupport.reader(dump, name: "dump.zone", origin: ".")
    var read: [String] = []
    while let record = try reader.next() { read.append(ZoneWriterNamedCheckzoneTests.key(record.owner, record.txt)) }
    #expect(read.sorted() == written.map { ZoneWriterNamedCheckzoneTests.key($0.0, $0.1) }.sorted())
  }

  /// Owner labels and string bytes in hexadecimal, to compare records independent of order.
  static func key(_ owner: ZoneName, _ record: TXTRecord) -> String {
    let hex = { (bytes: [UInt8]) in bytes.map { String($0, radix: 16) }.joined(separator: ",") }
    return owner.labels.map(hex).joined(separator: ".") + " "
      + record.strings.map { hex($0.bytes) }.joined(separator: " | ")
  }

  private func run(_ arguments: [String]) throws -> (Int32, String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: ZoneWriterNamedCheckzoneTests.tool)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: output, as: UTF8.self))
  }
}
