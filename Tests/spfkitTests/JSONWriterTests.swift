import Foundation
import SPFKitTestSupport
import Testing

@testable import spfkit

/// The byte-level JSON writer: escapes (RFC 8259 §7), invalid UTF-8 replaced and reported, commas.
@Suite struct JSONWriterTests {
  /// What the writer produces.
  static func written(_ body: (inout JSONWriter) -> Void) -> String {
    var writer = JSONWriter()
    body(&writer)
    return String(decoding: writer.bytes.array, as: UTF8.self)
  }

  @Test(arguments: [
    ("plain", #""plain""#, "ASCII as is"),
    ("a\"b\\c", #""a\"b\\c""#, "quote and backslash"),
    ("\n\r\t\u{08}\u{0C}", #""\n\r\t\b\f""#, "the short escapes"),
    ("\u{00}\u{01}\u{1F}\u{7F}", #""\u0000\u0001\u001f\u007f""#, "other control characters as \\u00XX"),
    ("é→😀", "\"é→😀\"", "non-ASCII as UTF-8"),
    ("/", #""/""#, "slashes unescaped"),
  ])
  func stringsAreEscaped(_ value: String, _ expected: String, _ why: String) {
    #expect(Self.written { $0.element(value) } == expected, "\(why)")
  }

  /// Every ASCII byte: as it is, unless RFC 8259 §7 requires an escape (controls, quote,
  /// backslash) or it is DEL, which the writer escapes too.
  @Test func everyASCIIByteIsEscapedExactlyWhenItMustBe() {
    for byte in UInt8(0)..<0x80 {
      let mustEscape = byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F
      let text = Self.written { _ = $0.element(bytes: [0x61, byte, 0x62]) }
      #expect((text == "\"a\(Character(UnicodeScalar(byte)))b\"") == !mustEscape, "byte \(byte)")
      #expect(text.hasPrefix("\"a") && text.hasSuffix("b\""), "byte \(byte)")
    }
  }

  /// The eight-byte check agrees with the byte check: every byte value at every position among plain
  /// ones, and random words (bytes near the special values most often).
  @Test func theWordCheckAgreesWithTheByteCheck() {
    func bytewise(_ word: UInt64) -> Bool {
      (0..<8).allSatisfy { JSONWriter.isPlainASCII(UInt8(truncatingIfNeeded: word >> ($0 * 8))) }
    }
    let plain: UInt64 = 0x6161_6161_6161_6161
    for byte in 0..<256 {
      for position in 0..<8 {
        let shift = UInt64(position * 8)
        let word = plain & ~(0xFF << shift) | UInt64(byte) << shift
        #expect(JSONWriter.isPlainASCII(word: word) == bytewise(word), "byte \(byte) at \(position)")
      }
    }
    var random = SplitMix64(seed: 7)
    let near: [UInt8] = [0x00, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x5B, 0x5C, 0x5D, 0x7E, 0x7F, 0x80, 0xFF]
    for _ in 0..<100_000 {
      var word: UInt64 = 0
      for position in 0..<8 {
        let pick = random.next()
        let byte = pick % 4 == 0 ? near[Int(pick >> 8) % near.count] : UInt8(truncatingIfNeeded: pick >> 16)
        word |= UInt64(byte) << UInt64(position * 8)
      }
      #expect(JSONWriter.isPlainASCII(word: word) == bytewise(word), "word \(String(word, radix: 16))")
    }
  }

  @Test(
    arguments: [
      ([0x61, 0xFF, 0x62], "\"a\u{FFFD}b\"", "a byte never in UTF-8"),
      ([0xC3], "\"\u{FFFD}\"", "a sequence cut short"),
      ([0xC0, 0xAF], "\"\u{FFFD}\u{FFFD}\"", "an overlong form, each byte replaced"),
      ([0xED, 0xA0, 0x80], "\"\u{FFFD}\u{FFFD}\u{FFFD}\"", "a surrogate"),
      ([0xF4, 0x90, 0x80, 0x80], "\"\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\"", "past U+10FFFF"),
      ([0x80], "\"\u{FFFD}\"", "a stray continuation byte"),
    ] as [([UInt8], String, String)])
  func invalidUTF8IsReplacedAndSaidSo(_ bytes: [UInt8], _ expected: String, _ why: String) {
    var replaced = false
    #expect(Self.written { replaced = $0.element(bytes: bytes) } == expected, "\(why)")
    #expect(replaced, "\(why)")
  }

  @Test func validUTF8BytesAreNotReported() {
    var replaced = true
    #expect(Self.written { replaced = $0.element(bytes: Array("é😀\u{01}".utf8)) } == "\"é😀\\u0001\"")
    #expect(!replaced)
  }

  @Test func objectsAndArraysGetTheirCommas() {
    let text = Self.written { writer in
      writer.beginObject()
      writer.field("a", 1)
      writer.field("b", -42)
      writer.field("c", ifPresent: nil)
      writer.key("d")
      writer.beginArray()
      writer.element("x")
      writer.element()
      writer.beginObject()
      writer.endObject()
      writer.endArray()
      writer.key(text: "e\"")
      writer.bytes.append(decimal: Int.min)
      writer.field("f", true)
      writer.endObject()
    }
    #expect(text == #"{"a":1,"b":-42,"d":["x",{}],"e\"":-9223372036854775808,"f":true}"#)
  }
}
