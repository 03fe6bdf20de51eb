import Testing

@testable import SPFKit

/// The record scan that lets the parser skip each term's character check.
@Suite struct PrintableScanTests {
  @Test func everyByteAtEveryPositionOfAWord() {
    for position in 0..<11 {
      for value in 0...255 {
        var bytes = Array("v=spf1 a -a".utf8)
        bytes[position] = UInt8(value)
        let expected = bytes.allSatisfy { $0 >= 0x20 && $0 <= 0x7E }
        #expect(CharacterCheck.isPrintableASCII(bytes) == expected, "byte \(value) at \(position)")
      }
    }
  }

  @Test func randomWords() {
    var random = SystemRandomNumberGenerator()
    for _ in 0..<100_000 {
      // Mostly printable bytes, so a single bad one is what decides.
      let bytes = (0..<8).map { _ in
        random.next() % 8 == 0
          ? UInt8.random(in: 0...255, using: &random) : UInt8.random(in: 0x20...0x7E, using: &random)
      }
      let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
      #expect(CharacterCheck.isPrintableASCII(word: word) == bytes.allSatisfy { $0 >= 0x20 && $0 <= 0x7E })
    }
  }
}
