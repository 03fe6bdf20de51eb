import Foundation
import SPFKitTestSupport
import Testing

@testable import SPFKit

/// Zone lines of generated policies, loaded by the real `named-checkzone` (Debian bind9-utils).
struct GeneratedPolicyZoneTests {
  /// `named-checkzone`: `$NAMED_CHECKZONE` if set, else `/usr/bin/named-checkzone`.
  static let checkzone = ProcessInfo.processInfo.environment["NAMED_CHECKZONE"] ?? "/usr/bin/named-checkzone"
  static let isInstalled = FileManager.default.isExecutableFile(atPath: checkzone)
  /// Missing `named-checkzone` fails the tests when `CI` is `true`, else skips them with a note.
  static let enabled = isInstalled || ProcessInfo.processInfo.environment["CI"] == "true"
  static let skipNote: Comment = "named-checkzone not found: install bind9-utils (CI=true makes this a failure)"

  struct Case: Sendable, CustomStringConvertible {
    let options: GenerateOptions
    let why: String
    var description: String { why }
  }

  static func hosts(_ count: Int) -> [IPv4Network] {
    (0..<UInt32(count)).map { IPv4Network(address: IPv4Address(0xC633_6400 &+ $0 &* 2)) }
  }

  static let cases: [Case] = [
    Case(options: GenerateOptions(domain: "example.com", ip4: hosts(3), mx: [nil]), why: "one string"),
    Case(options: GenerateOptions(domain: "example.com.", ip4: hosts(20), maxLength: 450), why: "two strings"),
    Case(
      options: GenerateOptions(
        domain: "mail-out_1.example.com", ip4: hosts(60), includes: [DomainSpec(domain: "_spf.example.net")],
        chainPrefix: "_chain"),
      why: "an include chain"),
    Case(
      options: GenerateOptions(
        domain: "example.com", ip6: [IPv6Network("2001:db8::/32")!], includes: [GeneratedPolicyZoneTests.macroSpec]),
      why: "a macro with characters a zone file reads specially"),
  ]

  static let macroSpec = try! GenerateOptions.domainSpec("%{ir}.%{v}._spf.example.com")

  @Test(.enabled(if: enabled, skipNote), arguments: cases)
  func namedCheckzoneLoadsTheLines(_ c: Case) throws {
    try #require(GeneratedPolicyZoneTests.isInstalled, "\(GeneratedPolicyZoneTests.checkzone) is missing and CI=true")
    let policy = try PolicyGenerator.generate(c.options)
    let lines = try #require(policy.zoneLines(ttl: 300))
    let zone = NamedZone(origin: "example.com", records: lines)
    let dump = try GeneratedPolicyZoneTests.checkzone(zone)
    for record in policy.records {
      let owner = try #require(record.owner)
      #expect(dump.contains("\(owner). 300 IN TXT \(record.txt.presentation)"), "\(owner) in\n\(dump)")
    }
  }

  /// Runs `named-checkzone -D` on the zone; returns the dump with runs of blanks before the data
  /// collapsed to one space, or fails with named-checkzone's output.
  static func checkzone(_ zone: NamedZone) throws -> String {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("spfkit-zone-\(UUID().uuidString).db")
    try zone.zoneFile.write(to: file, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: file) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: checkzone)
    process.arguments = ["-D", "-o", "-", zone.origin, file.path]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let text = String(decoding: data, as: UTF8.self)
    guard process.terminationStatus == 0 else {
      throw HarnessFailure("named-checkzone refused the zone:\n\(text)\n\(zone.zoneFile)")
    }
    return text.split(separator: "\n").map { line in
      guard let quote = line.firstIndex(of: "\"") else { return String(line) }
      let head = line[..<quote].split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
      return head + " " + line[quote...]
    }.joined(separator: "\n")
  }

  struct HarnessFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
  }

  @Test func noOwnerMeansNoZoneLines() {
    let policy = GeneratedPolicy(
      records: [.init(owner: nil, txt: TXTRecord(text: "v=spf1 -all"), spf: SPFRecord(terms: []))],
      report: GenerationReport(lookups: 0, chainLookups: 0))
    #expect(policy.zoneLines(ttl: 300) == nil)
  }
}
