import Testing

@testable import spfkit

/// The renderers' byte buffer: every append lands in order across growth, and decimals are exact at
/// the ends of `Int`.
@Suite struct OutputBytesTests {
  @Test func appendsSurviveGrowthInOrder() {
    var bytes = OutputBytes(capacity: 1)
    var expected: [UInt8] = []
    for round in 0..<300 {
      let piece = [UInt8](repeating: UInt8(truncatingIfNeeded: round), count: round % 7)
      bytes.append(piece)
      expected += piece
      bytes.append(UInt8(truncatingIfNeeded: round &* 31))
      expected.append(UInt8(truncatingIfNeeded: round &* 31))
      bytes.append(repeating: 0x7E, count: round % 5)
      expected += [UInt8](repeating: 0x7E, count: round % 5)
    }
    bytes.append(StaticString("end"))
    bytes.append(utf8: "é")
    bytes.append(expected[3..<9])
    expected += Array("endé".utf8) + expected[3..<9]
    let (count, written) = (bytes.count, bytes.array)
    #expect(count == expected.count)
    #expect(written == expected)
  }

  /// A copy of bytes already written lands intact when the append grows the buffer (which moves the
  /// bytes the range names), and an empty range appends nothing.
  @Test func copiesOfWrittenBytesSurviveGrowth() {
    var bytes = OutputBytes(capacity: 1)
    var expected: [UInt8] = []
    for round in 0..<200 {
      let piece = (0..<(round % 11 + 1)).map { UInt8(truncatingIfNeeded: round &+ $0) }
      let start = bytes.count
      bytes.append(piece)
      expected += piece
      bytes.append(copyOf: start..<bytes.count)
      expected += piece
      bytes.append(copyOf: start..<start)
    }
    let (count, written) = (bytes.count, bytes.array)
    #expect(count == expected.count)
    #expect(written == expected)
  }

  @Test(arguments: [0, 7, -7, 10, 99, 100, -1_000_000, Int.max, Int.min])
  func decimalsAreExact(_ value: Int) {
    var bytes = OutputBytes(capacity: 1)
    bytes.append(0x3C)
    bytes.append(decimal: value)
    bytes.append(0x3E)
    #expect(String(decoding: bytes.array, as: UTF8.self) == "<\(value)>")
  }

  @Test func anyCollectionIsAppended() {
    var bytes = OutputBytes(capacity: 1)
    bytes.append(contentsOf: [0x61, 0x62] as [UInt8])
    bytes.append(contentsOf: (0x63...0x65 as ClosedRange<UInt8>).lazy.map { $0 })
    bytes.append(contentsOf: Array("xyz".utf8).dropFirst())
    let text = String(decoding: bytes.array, as: UTF8.self)
    #expect(text == "abcdeyz")
  }

  /// Below half full the bytes are copied; from half full the memory is handed over and the buffer
  /// allocates anew: either way the piece keeps its bytes while the buffer is written again.
  @Test(arguments: [0, 5, 40, 64, 200])
  func takeRenderedHandsOverTheBytesAndKeepsTheBufferUsable(length: Int) {
    let expected = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 7) }
    var bytes = OutputBytes(capacity: 64)
    for byte in expected { bytes.append(byte) }
    let taken = bytes.takeRendered()
    let emptied = bytes.isEmpty
    #expect(emptied)
    bytes.append(repeating: 0x61, count: 300)
    bytes.append(StaticString("second"))
    let second = bytes.takeRendered()
    #expect(Array(taken) == expected, "the first piece is untouched by later writes")
    #expect(taken.count == length)
    #expect(String(decoding: second, as: UTF8.self) == String(repeating: "a", count: 300) + "second")
  }
}
