import Foundation
import SPFKitTestSupport
import Testing

@testable import spfkit

/// The line reader under bulk lint, merge and scan: lines across chunk boundaries, over-long lines cut
/// with the rest skipped (bounded memory), and a failed read kept as an error, not taken as the end.
@Suite struct ChunkReaderTests {
  /// Every line of the file written with `bytes`, read with lines cut after `maximum` bytes.
  static func lines(_ bytes: [UInt8], maximum: Int) throws -> (lines: [[UInt8]], error: Int32?) {
    let scratch = try ScratchDirectory("spfkit-chunks")
    defer { scratch.remove() }
    try scratch.write("input", bytes: bytes)
    let descriptor = open(scratch.path("input"), O_RDONLY)
    try #require(descriptor >= 0)
    defer { close(descriptor) }
    var reader = ChunkReader(descriptor: descriptor, maximumLineLength: maximum)
    var lines: [[UInt8]] = []
    while let line = reader.nextLine() { lines.append(line) }
    return (lines, reader.takeReadError())
  }

  @Test func linesAcrossChunkBoundariesComeOutWhole() throws {
    // Lines of 0 to 996 bytes: many of them straddle the 64 KiB chunks.
    let expected = (0..<3_000).map { Array(repeating: UInt8(0x61 + $0 % 26), count: $0 * 7 % 997) }
    let bytes = expected.flatMap { $0 + [0x0A] } + Array("last line without newline".utf8)
    let read = try Self.lines(bytes, maximum: 1_000)
    #expect(read.lines == expected + [Array("last line without newline".utf8)])
    #expect(read.error == nil)
  }

  @Test(arguments: [
    ("0123456789\nnext\n", ["0123456789", "next"], "a line of the limit is whole"),
    ("0123456789ABCDEF\nnext\n", ["0123456789A", "next"], "one byte over the limit is handed out"),
    ("0123456789ABCDEF", ["0123456789A"], "also as the last line without newline"),
    ("\n\nx", ["", "", "x"], "empty lines stay"),
  ])
  func shortInputs(_ text: String, _ expected: [String], _ why: Comment) throws {
    let read = try Self.lines(Array(text.utf8), maximum: 10)
    #expect(read.lines.map { String(decoding: $0, as: UTF8.self) } == expected, why)
  }

  @Test func aLineOfManyChunksIsCutAndTheRestSkipped() throws {
    let long = [UInt8](repeating: 0x78, count: 1 << 20)
    let read = try Self.lines(long + Array("\nnext\n".utf8) + long, maximum: 100)
    #expect(read.lines == [Array(long.prefix(101)), Array("next".utf8), Array(long.prefix(101))])
  }

  @Test func aDirectoryIsAReadErrorNotAnEmptyInput() throws {
    let scratch = try ScratchDirectory("spfkit-chunks")
    defer { scratch.remove() }
    let descriptor = open(scratch.url.path, O_RDONLY)
    try #require(descriptor >= 0)
    defer { close(descriptor) }
    var reader = ChunkReader(descriptor: descriptor, maximumLineLength: 100)
    #expect(reader.nextLine() == nil)
    #expect(reader.takeReadError() == EISDIR)
    #expect(reader.takeReadError() == nil, "told once")
    var list = DomainList(descriptor: descriptor)
    let next = list.next()
    let line = try #require(next)
    #expect(line.number == 1)
    guard case .failure(let error) = line.name else { Issue.record("a directory gave a name"); return }
    #expect(error.description == "cannot read: is a directory")
    let after = list.next()
    #expect(after == nil, "the error is told once")
  }

  @Test func theNewlineSearchAgreesWithFirstIndex() {
    let bytes = Array("ab\ncd\n\nefgh".utf8)
    for start in -1...(bytes.count + 1) {
      let expected = start >= 0 && start <= bytes.count ? bytes[start...].firstIndex(of: 0x0A) : nil
      #expect(ChunkReader.firstNewline(in: bytes, from: start) == expected, "from \(start)")
    }
    #expect(ChunkReader.firstNewline(in: [], from: 0) == nil)
  }

  /// The word-at-a-time scan against its definition: on lines of 1 to 24 bytes (three words and a
  /// tail) with one byte of every value at every position, and on random lines of random bytes,
  /// half of them kept below 0x80.
  @Test func theBinaryDataScanAgreesWithItsDefinition() {
    func defined(_ bytes: [UInt8]) -> Bool { bytes.contains { $0 == 0 || $0 >= 0x80 } }
    for length in 1...24 {
      for position in 0..<length {
        for value in 0...255 {
          var line = [UInt8](repeating: 0x61, count: length)
          line[position] = UInt8(value)
          #expect(LineRecords.mayHoldBinaryData(line) == defined(line), "\(value) at \(position) of \(length)")
        }
      }
    }
    var random = SplitMix64(seed: 7)
    var binary = 0
    for round in 0..<4_000 {
      let mask: UInt8 = round % 2 == 0 ? 0x7F : 0xFF
      let line = (0..<Int.random(in: 0...40, using: &random)).map { _ in
        UInt8.random(in: 0...255, using: &random) & mask
      }
      #expect(LineRecords.mayHoldBinaryData(line) == defined(line))
      if defined(line) { binary += 1 }
    }
    #expect(binary > 1_000 && binary < 3_000, "both kinds of line were drawn")
    #expect(!LineRecords.mayHoldBinaryData([]))
  }
}
