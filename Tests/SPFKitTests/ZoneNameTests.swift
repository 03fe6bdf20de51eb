import Testing

@testable import SPFKit

/// A name as written, the origin it is read under, and what it becomes.
struct ZoneNameCase: Sendable, CustomTestStringConvertible {
  var why: String
  var text: String
  var origin = "example.com."
  var absolute: String
  var presentation: String
  var wireLength: Int
  var testDescription: String { why }
}

let zoneNameCases: [ZoneNameCase] = [
  .init(
    why: "relative: the origin follows", text: "www", absolute: "www.example.com.", presentation: "www.example.com.",
    wireLength: 17),
  .init(why: "absolute: kept", text: "a.test.", absolute: "a.test.", presentation: "a.test.", wireLength: 8),
  .init(why: "'@' is the origin", text: "@", absolute: "example.com.", presentation: "example.com.", wireLength: 13),
  .init(why: "'.' is the root", text: ".", absolute: ".", presentation: ".", wireLength: 1),
  .init(why: "relative to the root", text: "a", origin: ".", absolute: "a.", presentation: "a.", wireLength: 3),
  .init(
    why: "escapes keep their text and resolve their bytes", text: #"a\.b\065\ c"#, origin: ".",
    absolute: #"a\.b\065\ c."#, presentation: #"a\.bA\032c."#, wireLength: 8),
  .init(
    why: "special characters print escaped", text: #"\"\;\(\)\@\$\\"#, origin: ".", absolute: #"\"\;\(\)\@\$\\."#,
    presentation: #"\"\;\(\)\@\$\\."#, wireLength: 9),
]

/// A name that cannot be read, with the 1-based column of the problem.
struct ZoneNameErrorCase: Sendable, CustomTestStringConvertible {
  var why: String
  var text: String
  var message: String
  var column: Int
  var testDescription: String { why }
}

let zoneNameErrorCases: [ZoneNameErrorCase] = [
  .init(why: "empty", text: "", message: "empty name", column: 1),
  .init(why: "two dots", text: "a..b", message: "empty label in 'a..b'", column: 3),
  .init(why: "a leading dot", text: ".a", message: "empty label in '.a'", column: 1),
  .init(
    why: "a label over 63 octets", text: "a." + String(repeating: "b", count: 64), message: "is longer than 63 octets",
    column: 3),
  .init(
    why: "a name over 255 octets", text: String(repeating: "abc.", count: 64), message: "is longer than 255 octets",
    column: 1),
  .init(why: "a trailing backslash", text: #"a\"#, message: "backslash at the end of 'a\\'", column: 2),
  .init(why: "a short decimal escape", text: #"a\12"#, message: "needs three decimal digits", column: 2),
  .init(why: "a decimal escape over 255", text: #"a\256"#, message: "is greater than 255", column: 2),
]

@Suite struct ZoneNameTests {
  @Test(arguments: zoneNameCases)
  func parses(_ testCase: ZoneNameCase) throws {
    let name = try ZoneName(testCase.text, origin: try ZoneName(testCase.origin))
    #expect(name.text == testCase.absolute, "\(testCase.why)")
    #expect(name.presentation == testCase.presentation, "\(testCase.why)")
    #expect(name.wireLength == testCase.wireLength, "\(testCase.why)")
    #expect(try ZoneName(name.presentation) == name, "\(testCase.why): presentation reads back")
  }

  @Test(arguments: zoneNameErrorCases)
  func rejects(_ testCase: ZoneNameErrorCase) {
    #expect(throws: ZoneNameError.self) { try ZoneName(testCase.text) }
    do {
      _ = try ZoneName(testCase.text)
    } catch {
      #expect(error.message.contains(testCase.message), "\(testCase.why): \(error.message)")
      #expect(error.column == testCase.column, "\(testCase.why)")
    }
  }

  /// A relative name's text is decoded once, joined with its origin's: the same text as decoding
  /// each part, invalid UTF-8 included (a zone reader that does not require UTF-8 names).
  @Test func joinsRelativeTextInOneDecoding() throws {
    let origin = try ZoneName("example.com.")
    let cases: [[UInt8]] = [Array("www".utf8), [0x61, 0xC3], [0xE2, 0x82], [0xFF], Array(#"h\.1"#.utf8)]
    for raw in cases {
      let expected = String(decoding: raw, as: UTF8.self) + "." + origin.text
      #expect(ZoneName.absoluteText(raw, form: .relative, origin: origin) == expected, "\(raw)")
      #expect(ZoneName.absoluteText(raw, form: .relative, origin: .root) == String(decoding: raw, as: UTF8.self) + ".")
    }
    let long = [UInt8](repeating: 0x61, count: 63) + [0x2E] + [UInt8](repeating: 0x62, count: 63)
    #expect(
      ZoneName.absoluteText(long, form: .relative, origin: origin) == String(decoding: long, as: UTF8.self)
        + ".example.com.")
  }

  @Test func comparesLikeDNS() throws {
    let upper = try ZoneName("WWW.Example.COM.")
    let escaped = try ZoneName(#"w\119w.example.com."#)
    #expect(upper == escaped)
    #expect(upper.hashValue == escaped.hashValue)
    #expect(upper.text != escaped.text)
    #expect(try ZoneName("www.example.org.") != upper)
  }

  @Test func labelsAnyOctets() throws {
    let name = try ZoneName(labels: [[0x00, 0x2E, 0xFF], Array("com".utf8)])
    #expect(name.labels == [[0x00, 0x2E, 0xFF], Array("com".utf8)])
    #expect(name.presentation == #"\000\.\255.com."#)
    #expect(throws: ZoneNameError.self) { try ZoneName(labels: [[]]) }
    #expect(throws: ZoneNameError.self) { try ZoneName(labels: [Array(repeating: 0x61, count: 64)]) }
  }
}
