/// The zone-file comment that disables lint rules for one record: `; spfkit-disable SPF102, SPF105`.
///
/// The keyword must be the comment's first word. Codes follow, separated by blanks or commas:
/// a code (`SPF102`, stored upper-case) or a slug with a hyphen (`ptr-deprecated`). The list ends at
/// the first other word, so a reason may follow: `; spfkit-disable SPF102 -- legacy mail relay`.
enum SuppressionComment {
  /// The most codes kept for one record; more are ignored.
  static let maximumCodes = 256

  /// The keyword, in bytes.
  static let keyword = Array("spfkit-disable".utf8)

  /// The codes in the comment text after the keyword; nil when it names none.
  static func codes(in rest: [UInt8]) -> [String]? {
    guard let first = rest.first, first == 0x20 || first == 0x09 else { return nil }
    var codes: [String] = []
    let words = rest.split { $0 == 0x20 || $0 == 0x09 || $0 == 0x2C || $0 == 0x0D }
    for word in words {
      if isCode(word) {
        codes.append(String(decoding: word.map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 }, as: UTF8.self))
      } else if isSlug(word) {
        codes.append(String(decoding: word, as: UTF8.self))
      } else {
        break
      }
    }
    return codes.isEmpty ? nil : codes
  }

  /// Letters then digits: `SPF102`, `spf102`.
  private static func isCode(_ word: ArraySlice<UInt8>) -> Bool {
    let letters = word.prefix { isLetter($0) }
    let digits = word.dropFirst(letters.count)
    return !letters.isEmpty && !digits.isEmpty && digits.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
  }

  /// Lower-case words joined by hyphens, at least two: `ptr-deprecated`.
  private static func isSlug(_ word: ArraySlice<UInt8>) -> Bool {
    let parts = word.split(separator: 0x2D, omittingEmptySubsequences: false)
    return parts.count >= 2
      && parts.allSatisfy { part in
        !part.isEmpty && part.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) }
      }
  }

  private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
}
