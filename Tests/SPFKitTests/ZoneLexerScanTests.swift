import SPFKitTestSupport
import Testing

@testable import SPFKit

/// The eight-bytes-at-a-time scan of quoted strings agrees with the byte test it stands for.
@Suite struct ZoneLexerScanTests {
  @Test func everyByteAtEveryPositionOfAWord() {
    for position in 0..<8 {
      for value in 0...255 {
        var bytes = Array("abcdefgh".utf8)
        bytes[position] = UInt8(value)
        #expect(
          ZoneLexer.isPlainQuoted(word: Self.word(bytes)) == bytes.allSatisfy(ZoneLexer.isPlainQuotedByte),
          "byte \(value) at \(position)")
      }
    }
  }

  /// Words mixing the bytes that stop a run with their neighbours (0x01, 0x09, 0x0B, 0x21, 0x23,
  /// 0x5B, 0x5D, 0x80, 0xFF), where a borrow from one byte could spill into the next.
  @Test func randomWordsOfBoundaryBytes() {
    var random = SplitMix64(seed: 0x0A22_5C00)
    let values: [UInt8] = [0x00, 0x01, 0x09, 0x0A, 0x0B, 0x21, 0x22, 0x23, 0x5B, 0x5C, 0x5D, 0x61, 0x80, 0xFF]
    for _ in 0..<200_000 {
      let bytes = (0..<8).map { _ in
        Int.random(in: 0..<4, using: &random) == 0
          ? values[Int.random(in: 0..<values.count, using: &random)] : UInt8.random(in: 0x61...0x7A, using: &random)
      }
      #expect(ZoneLexer.isPlainQuoted(word: Self.word(bytes)) == bytes.allSatisfy(ZoneLexer.isPlainQuotedByte))
    }
  }

  static func word(_ bytes: [UInt8]) -> UInt64 { bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) } }
}
