/// Record text cut into character-strings for publication.
extension TXTRecord {
  /// The text as character-strings of at most 255 octets (RFC 1035 §3.3), cut after a space
  /// between terms so that every string but the last ends in the space that separates two terms:
  /// the strings join back (RFC 7208 §3.3) into the same text, and each reads on its own.
  ///
  /// A term longer than a whole string (none the generator makes) is cut at 255 octets.
  init(splittingRecordText text: String) {
    let bytes = Array(text.utf8)
    let limit = CharacterString.maximumLength
    var strings: [CharacterString] = []
    var start = 0
    while bytes.count - start > limit {
      var end = start + limit
      while end > start, bytes[end - 1] != 0x20 { end -= 1 }
      if end == start { end = start + limit }
      strings.append(CharacterString(bytes: Array(bytes[start..<end])))
      start = end
    }
    strings.append(CharacterString(bytes: Array(bytes[start...])))
    self.init(strings: strings)
  }
}
