import SPFKitTestSupport
import Testing

@testable @_spi(ByteScan) import SPFKit

/// Checks that an eight-byte test agrees with the byte test it stands for.
enum WordScanCheck {
  /// Every byte value at every position of `filler` (eight bytes that pass `byteTest`).
  static func everyByteAtEveryPosition(
    of filler: String, word wordTest: (UInt64) -> Bool, byte byteTest: (UInt8) -> Bool
  ) {
    for position in 0..<8 {
      for value in 0...255 {
        var bytes = Array(filler.utf8)
        bytes[position] = UInt8(value)
        #expect(wordTest(word(bytes)) == bytes.allSatisfy(byteTest), "byte \(value) at \(position)")
      }
    }
  }

  /// `count` words of `filler`'s bytes with, in a quarter of the places, one of `boundary`: the
  /// bytes that decide and their neighbours, where a borrow from one byte could spill into the next.
  static func randomWords(
    count: Int, filler: ClosedRange<UInt8>, boundary: [UInt8], seed: UInt64, word wordTest: (UInt64) -> Bool,
    byte byteTest: (UInt8) -> Bool
  ) {
    var random = SplitMix64(seed: seed)
    for _ in 0..<count {
      let bytes = (0..<8).map { _ in
        Int.random(in: 0..<4, using: &random) == 0
          ? boundary[Int.random(in: 0..<boundary.count, using: &random)] : UInt8.random(in: filler, using: &random)
      }
      #expect(wordTest(word(bytes)) == bytes.allSatisfy(byteTest), "\(bytes)")
    }
  }

  static func word(_ bytes: [UInt8]) -> UInt64 { bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) } }
}

@Suite struct ByteWordTests {
  @Test(arguments: [0x00, 0x0A, 0x22, 0x5C, 0x7F, 0x80, 0xFF] as [UInt8])
  func contains(_ byte: UInt8) {
    WordScanCheck.everyByteAtEveryPosition(
      of: "aaaaaaaa", word: { !ByteWord.contains(byte, in: $0) }, byte: { $0 != byte })
  }

  @Test(arguments: [0x01, 0x20, 0x21, 0x7F, 0x80] as [UInt8])
  func containsByteBelow(_ bound: UInt8) {
    WordScanCheck.everyByteAtEveryPosition(
      of: "\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}", word: { !ByteWord.containsByte(below: bound, in: $0) },
      byte: { $0 >= bound })
  }

  @Test func containsNonASCII() {
    WordScanCheck.everyByteAtEveryPosition(
      of: "abcdefgh", word: { !ByteWord.containsNonASCII($0) }, byte: { $0 < 0x80 })
  }

  @Test func randomWordsAgreeWithTheByteTests() {
    let boundary: [UInt8] = [0x00, 0x01, 0x09, 0x0A, 0x0B, 0x1F, 0x20, 0x21, 0x22, 0x5C, 0x7E, 0x7F, 0x80, 0xFF]
    WordScanCheck.randomWords(
      count: 100_000, filler: 0x20...0x7E, boundary: boundary, seed: 0xB17E_5CA9,
      word: { !ByteWord.containsByte(below: 0x20, in: $0) && !ByteWord.contains(0x5C, in: $0) },
      byte: { $0 >= 0x20 && $0 != 0x5C })
  }

  /// `matches` marks exactly the bytes equal to the one sought, whatever their neighbours (the
  /// exactness that `contains`, which only answers whether, does not need).
  @Test(arguments: [0x00, 0x20, 0x7F, 0x80, 0xFF] as [UInt8])
  func matchesMarksExactlyTheEqualBytes(_ byte: UInt8) {
    var random = SplitMix64(seed: 0x20 &+ UInt64(byte))
    let boundary: [UInt8] = [byte, byte &- 1, byte &+ 1, 0x00, 0x7F, 0x80, 0xFF]
    for _ in 0..<50_000 {
      let bytes = (0..<8).map { _ in
        random.chance(0.5) ? random.pick(boundary) : UInt8.random(in: 0...255, using: &random)
      }
      let expected = bytes.indices.reduce(0 as UInt64) { $0 | (bytes[$1] == byte ? 0x80 << (8 * UInt64($1)) : 0) }
      #expect(ByteWord.matches(byte, in: UInt64(littleEndian: WordScanCheck.word(bytes))) == expected, "\(bytes)")
    }
  }

  /// The parser's search for the end of a term agrees with a byte-by-byte search, over any range.
  @Test func firstSpaceAgreesWithAByteSearch() {
    var random = SplitMix64(seed: 0x5FAC_E000)
    for _ in 0..<20_000 {
      let others = Array("ab:.0/\u{80}".utf8)
      let bytes = (0..<random.int(0...40)).map { _ in random.chance(0.15) ? 0x20 : random.pick(others) }
      let start = random.int(0...bytes.count)
      let end = random.int(start...bytes.count)
      let expected = bytes[start..<end].firstIndex(of: 0x20) ?? end
      let found = bytes.withUnsafeBufferPointer { CharacterCheck.firstSpace(in: $0, from: start, to: end) }
      #expect(found == expected, "\(bytes) \(start)..<\(end)")
    }
  }
}
