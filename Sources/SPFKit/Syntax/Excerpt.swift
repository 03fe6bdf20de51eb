/// Record text quoted in a message: control bytes and invalid UTF-8 shown as `\xNN`, long text cut
/// with `…`, so a finding never floods or corrupts a terminal.
enum Excerpt {
  /// The most UTF-8 bytes of source text quoted in one message.
  static let limit = 64

  /// Whether every byte is printable ASCII: such text is quoted as it is.
  static func isPrintableASCII(_ bytes: ArraySlice<UInt8>) -> Bool {
    bytes.withUnsafeBufferPointer(CharacterCheck.isPrintableASCII)
  }

  /// The printable excerpt of `bytes`.
  static func of(_ bytes: ArraySlice<UInt8>, limit: Int = Excerpt.limit) -> String {
    if bytes.count <= limit, isPrintableASCII(bytes) {
      return String(decoding: bytes, as: UTF8.self)
    }
    let array = Array(bytes.prefix(limit + 4))
    var text = ""
    var offset = 0
    while offset < array.count {
      if offset >= limit {
        return text + "…"
      }
      let byte = array[offset]
      let length = byte < 0x80 ? 1 : CharacterCheck.utf8SequenceLength(array, at: offset, end: array.count)
      if byte >= 0x20, byte != 0x7F, length > 0 {
        text += String(decoding: array[offset..<(offset + length)], as: UTF8.self)
        offset += length
      } else {
        text += "\\x" + CharacterCheck.hex(byte)
        offset += 1
      }
    }
    return bytes.count > array.count ? text + "…" : text
  }
}
