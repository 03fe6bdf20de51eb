import Testing

@testable import SPFKit

/// `SourceSpan.clamped(toCount:)`, which every `[clamped:]` read of a record's bytes and
/// `Fix.applied(to:)` go through: a span from elsewhere (an edited record, a hand-built term) never
/// reads or replaces past the text.
struct SourceSpanClampTests {
  static let cases: [(start: Int, end: Int, count: Int, expected: Range<Int>)] = [
    (2, 5, 10, 2..<5),
    (-3, 4, 10, 0..<4),
    (8, 14, 10, 8..<10),
    (12, 20, 10, 10..<10),
    (0, 0, 0, 0..<0),
  ]

  @Test(arguments: cases)
  func clampsToTheText(_ example: (start: Int, end: Int, count: Int, expected: Range<Int>)) {
    var span = SourceSpan(start: example.start, end: example.end)
    #expect(span.clamped(toCount: example.count) == example.expected)
    // A span edited to end before it starts is read as empty at its start.
    span.end = span.start - 1
    let reversed = span.clamped(toCount: example.count)
    #expect(reversed.isEmpty && reversed.lowerBound == min(max(example.start, 0), example.count))
  }

  @Test func arrayAndBufferReadTheSameBytes() {
    let bytes = Array("v=spf1 include:_spf.example.com -all".utf8)
    for start in -2...40 {
      for end in (start - 1)...42 {
        var span = SourceSpan(start: start, end: end)
        span.end = end
        let fromArray = Array(bytes[clamped: span])
        let fromBuffer = bytes.withUnsafeBufferPointer { Array($0[clamped: span]) }
        #expect(fromArray == fromBuffer, "\(start)..<\(end)")
      }
    }
  }
}
