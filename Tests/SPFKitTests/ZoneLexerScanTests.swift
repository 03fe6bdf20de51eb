import Testing

@testable import SPFKit

/// The eight-bytes-at-a-time scan of quoted strings agrees with the byte test it stands for.
@Suite struct ZoneLexerScanTests {
  @Test func everyByteAtEveryPositionOfAWord() {
    WordScanCheck.everyByteAtEveryPosition(
      of: "abcdefgh", word: ZoneLexer.isPlainQuoted(word:), byte: ZoneLexer.isPlainQuotedByte)
  }

  @Test func randomWordsOfBoundaryBytes() {
    WordScanCheck.randomWords(
      count: 200_000, filler: 0x61...0x7A,
      boundary: [0x00, 0x01, 0x09, 0x0A, 0x0B, 0x21, 0x22, 0x23, 0x5B, 0x5C, 0x5D, 0x61, 0x80, 0xFF], seed: 0x0A22_5C00,
      word: ZoneLexer.isPlainQuoted(word:), byte: ZoneLexer.isPlainQuotedByte)
  }
}
