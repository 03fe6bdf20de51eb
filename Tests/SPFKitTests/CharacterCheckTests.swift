import Testing

@testable import SPFKit

/// The record scan that lets the parser skip each term's character check.
@Suite struct PrintableScanTests {
  /// The whole-record scan, words and tail: every byte at every position of an 11-byte record.
  @Test func everyByteAtEveryPositionOfARecord() {
    for position in 0..<11 {
      for value in 0...255 {
        var bytes = Array("v=spf1 a -a".utf8)
        bytes[position] = UInt8(value)
        let expected = bytes.allSatisfy { $0 >= 0x20 && $0 <= 0x7E }
        #expect(CharacterCheck.isPrintableASCII(bytes) == expected, "byte \(value) at \(position)")
      }
    }
  }

  @Test func everyByteAtEveryPositionOfAWord() {
    WordScanCheck.everyByteAtEveryPosition(
      of: "v=spf1 a", word: CharacterCheck.isPrintableASCII(word:), byte: { $0 >= 0x20 && $0 <= 0x7E })
  }

  /// Mostly printable bytes, so a single bad one is what decides.
  @Test func randomWords() {
    WordScanCheck.randomWords(
      count: 100_000, filler: 0x20...0x7E, boundary: [0x00, 0x01, 0x1F, 0x20, 0x7E, 0x7F, 0x80, 0xFF],
      seed: 0x5EED_0020,
      word: CharacterCheck.isPrintableASCII(word:), byte: { $0 >= 0x20 && $0 <= 0x7E })
  }
}
