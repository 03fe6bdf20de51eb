import SPFKit
import SPFKitTestSupport
import Testing

@testable import spfkit

/// The record window under a finding: the copy taken for printable ASCII gives what the
/// character-by-character path gives, and both mark the span where it is.
@Suite struct SnippetTests {
  @Test(arguments: [
    // (record, span start, span end, text shown, marker start, marker width)
    ("v=spf1 -all", 7, 11, "v=spf1 -all", 7, 4),
    ("v=spf1 -all", 0, 0, "v=spf1 -all", 0, 1),
    ("v=spf1 -all", 11, 11, "v=spf1 -all", 11, 1),
    ("v=spf1 -all", 20, 30, "v=spf1 -all", 11, 1),
    (
      "v=spf1 " + String(repeating: "a", count: 100) + " -all", 108, 112,
      "…" + String(repeating: "a", count: 59) + " -all", 61, 4
    ),
  ])
  func window(_ record: String, _ start: Int, _ end: Int, _ shown: String, _ markerStart: Int, _ width: Int) {
    let snippet = Snippet(Array(record.utf8), span: SourceSpan(start: start, end: end))
    #expect(String(decoding: snippet.text, as: UTF8.self) == shown)
    #expect(snippet.markerStart == markerStart)
    #expect(snippet.markerWidth == width)
  }

  @Test func controlBytesTakeOneColumnEach() {
    let snippet = Snippet(Array("v=spf1\tip4:é -all".utf8), span: SourceSpan(start: 14, end: 18))
    #expect(String(decoding: snippet.text, as: UTF8.self) == "v=spf1→ip4:é -all")
    #expect(snippet.markerStart == 13)
    #expect(snippet.markerWidth == 4)
  }

  /// Random printable records and spans, in and out of bounds, long and short.
  @Test func printableCopyAgreesWithTheGeneralPath() {
    var random = SplitMix64(seed: 255)
    for _ in 0..<2_000 {
      let count = Int(random.next() % 400)
      let bytes = (0..<count).map { _ in UInt8(0x20 + random.next() % 0x5F) }
      let start = Int(random.next() % UInt64(count + 20)) - 10
      let end = start + Int(random.next() % 200) - 20
      let window = Snippet.Window(count: bytes.count, span: SourceSpan(start: start, end: end))
      let general = Snippet(characterByCharacter: bytes, window)
      #expect(Snippet(printableASCII: bytes, window) == general, "record of \(count) bytes, span \(start)..<\(end)")
      #expect(Snippet(bytes, span: SourceSpan(start: start, end: end)) == general)
    }
  }
}
