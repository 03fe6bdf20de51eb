import Foundation

/// A position as LSP counts it: 0-based line, 0-based UTF-16 code unit in the line (LSP 3.17
/// "Position", the default `utf-16` position encoding).
struct LSPPosition: Hashable, Sendable, Comparable {
  var line: Int
  var character: Int

  static func < (lhs: LSPPosition, rhs: LSPPosition) -> Bool { (lhs.line, lhs.character) < (rhs.line, rhs.character) }

  init(line: Int, character: Int) {
    self.line = line
    self.character = character
  }

  /// Reads `{"line": n, "character": n}`; nil for anything else or negative numbers.
  init?(_ value: JSONValue?) {
    guard let line = value?["line"]?.int, let character = value?["character"]?.int, line >= 0, character >= 0
    else { return nil }
    self.init(line: line, character: character)
  }

  var json: JSONValue { ["line": .int(line), "character": .int(character)] }
}

/// A half-open range of LSP positions.
struct LSPRange: Hashable, Sendable {
  var start: LSPPosition
  var end: LSPPosition

  init(start: LSPPosition, end: LSPPosition) {
    self.start = start
    self.end = max(start, end)
  }

  init?(_ value: JSONValue?) {
    guard let start = LSPPosition(value?["start"]), let end = LSPPosition(value?["end"]) else { return nil }
    self.init(start: start, end: end)
  }

  func contains(_ position: LSPPosition) -> Bool { start <= position && (position < end || start == end) }
  var json: JSONValue { ["start": start.json, "end": end.json] }
}

/// An open document: its bytes and where its lines start, with conversions between the 1-based
/// UTF-8 byte columns lint reports and LSP's UTF-16 positions.
struct TextDocument: Sendable {
  let uri: String
  /// The file-system path of a `file:` URI (for `$INCLUDE` and file-name rules); nil otherwise.
  let path: String?
  var languageID: String
  var version: Int
  private(set) var bytes: [UInt8]
  /// Byte offset of each line's first byte.
  private(set) var lineStarts: [Int]

  init(uri: String, languageID: String, version: Int, text: String) {
    self.uri = uri
    path = TextDocument.path(ofURI: uri)
    self.languageID = languageID
    self.version = version
    bytes = Array(text.utf8)
    lineStarts = TextDocument.lineStarts(of: bytes)
  }

  /// The bytes of 0-based line `line` without its line break; empty past the end.
  func lineBytes(_ line: Int) -> ArraySlice<UInt8> {
    guard line >= 0, line < lineStarts.count else { return [] }
    var end = line + 1 < lineStarts.count ? lineStarts[line + 1] - 1 : bytes.count
    if end > lineStarts[line], bytes[end - 1] == 0x0D { end -= 1 }
    return bytes[lineStarts[line]..<max(lineStarts[line], end)]
  }

  var lineCount: Int { lineStarts.count }

  /// The LSP position of a 1-based line and 1-based UTF-8 byte column (clamped to the line).
  func position(line: Int, column: Int) -> LSPPosition {
    let text = lineBytes(line - 1)
    let bytesBefore = min(max(column - 1, 0), text.count)
    return LSPPosition(line: max(line - 1, 0), character: TextDocument.utf16Length(text.prefix(bytesBefore)))
  }

  /// The 0-based byte offset into the line of a UTF-16 position (clamped to the line).
  func byteColumn(of position: LSPPosition) -> Int {
    let text = lineBytes(position.line)
    var units = 0
    var index = text.startIndex
    while index < text.endIndex, units < position.character {
      units += TextDocument.utf16Units(leadByte: text[index])
      index += 1
      while index < text.endIndex, text[index] & 0xC0 == 0x80 { index += 1 }
    }
    return index - text.startIndex
  }

  /// The byte offset into the document of a position.
  func offset(of position: LSPPosition) -> Int {
    guard position.line < lineStarts.count else { return bytes.count }
    return lineStarts[position.line] + byteColumn(of: position)
  }

  /// Applies one `TextDocumentContentChangeEvent`: the whole text, or a range replaced.
  mutating func apply(_ change: JSONValue) -> Bool {
    guard let text = change["text"]?.string else { return false }
    guard let range = LSPRange(change["range"]) else {
      bytes = Array(text.utf8)
      lineStarts = TextDocument.lineStarts(of: bytes)
      return true
    }
    let start = offset(of: range.start)
    let end = max(start, offset(of: range.end))
    bytes.replaceSubrange(start..<end, with: Array(text.utf8))
    lineStarts = TextDocument.lineStarts(of: bytes)
    return true
  }

  static func lineStarts(of bytes: [UInt8]) -> [Int] {
    var starts = [0]
    for (index, byte) in bytes.enumerated() where byte == 0x0A { starts.append(index + 1) }
    return starts
  }

  /// UTF-16 code units of UTF-8 bytes: 2 for a 4-byte sequence, 1 for any other character, and 1
  /// for each byte that is not UTF-8 (an editor shows it as U+FFFD).
  static func utf16Length(_ bytes: ArraySlice<UInt8>) -> Int {
    var units = 0
    for byte in bytes where byte & 0xC0 != 0x80 { units += utf16Units(leadByte: byte) }
    return units
  }

  private static func utf16Units(leadByte byte: UInt8) -> Int { byte >= 0xF0 ? 2 : 1 }

  /// The path of a `file://` URI, percent-decoded.
  static func path(ofURI uri: String) -> String? {
    guard uri.hasPrefix("file://") else { return nil }
    var rest = Substring(uri.dropFirst(7))
    if !rest.hasPrefix("/"), let slash = rest.firstIndex(of: "/") { rest = rest[slash...] }  // file://host/path
    return String(rest).removingPercentEncoding
  }

  /// The `file://` URI of a path, percent-encoding what a URI path may not hold.
  static func uri(ofPath path: String) -> String {
    var allowed = CharacterSet.urlPathAllowed
    allowed.remove(charactersIn: "?#[]@!$&'()*+,;=:")
    allowed.insert(charactersIn: "/")
    return "file://" + (path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path)
  }
}
