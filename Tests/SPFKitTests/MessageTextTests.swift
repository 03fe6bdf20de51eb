import Testing

@testable import SPFKit

/// The byte buffer rules write messages into: literals, strings, excerpts and decimals, across growth.
@Suite struct MessageTextTests {
  @Test(arguments: [0, 7, -7, 10, 255, Int.max, Int.min])
  func decimals(_ value: Int) {
    var text = MessageText(capacity: 1)
    text.append("<")
    text.append(value)
    text.append(">")
    #expect(text.string == "<\(value)>")
  }

  @Test func piecesAcrossGrowthKeepTheirOrder() {
    var text = MessageText(capacity: 16)
    var expected = ""
    for index in 0..<200 {
      text.append("'")
      text.append(string: "piece \(index) é")
      text.append(Array("[\(index)]".utf8)[...])
      expected += "'piece \(index) é[\(index)]"
    }
    #expect(text.string == expected)
  }

  @Test func excerptsAreQuotedAsMessagesQuoteRecordText() {
    let samples: [[UInt8]] = [
      Array("ip4:192.0.2.1".utf8), [0x61, 0x09, 0x62], [0x61, 0xFF, 0x62], Array(repeating: 0x61, count: 100),
      Array("“quoted”".utf8),
    ]
    for sample in samples {
      var text = MessageText()
      text.append(excerpt: sample[...])
      #expect(text.string == Excerpt.of(sample[...]))
    }
  }

  @Test func invalidUTF8IsReplacedAsStringDecodingDoes() {
    var text = MessageText()
    text.append("remove '")
    text.append([0x61, 0xC3][...])
    text.append("'")
    #expect(text.string == String(decoding: Array("remove 'a".utf8) + [0xC3] + Array("'".utf8), as: UTF8.self))
  }
}
