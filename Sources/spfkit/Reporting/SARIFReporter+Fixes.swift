import SPFKit

/// Fixes of zone-file records as SARIF replacements in the file.
extension SARIFReporter {
  /// A fix's text edits as replacements of bytes inside the record's quoted strings; nil when a
  /// replacement cannot be placed exactly: a whole new record (SPF002), an edit across strings, or
  /// a string holding an escaped newline.
  static func fix(_ fix: Fix, in record: TXTRecord, uri: String) -> SARIFLog.Fix? {
    guard fix.record == nil, !fix.edits.isEmpty else { return nil }
    var replacements: [SARIFLog.Replacement] = []
    for edit in fix.edits {
      guard let replacement = replacement(edit, in: record) else { return nil }
      replacements.append(replacement)
    }
    return SARIFLog.Fix(
      description: .init(text: fix.title),
      artifactChanges: [.init(artifactLocation: .init(uri: uri), replacements: replacements)])
  }

  /// One edit inside the string that holds it; an insertion between two strings goes at the end
  /// of the first.
  private static func replacement(_ edit: TextEdit, in record: TXTRecord) -> SARIFLog.Replacement? {
    var start = 0
    for string in record.strings {
      let end = start + string.bytes.count
      if edit.span.start >= start, edit.span.end <= end {
        guard let origin = string.origin, !string.bytes.contains(0x0A) else { return nil }
        let region = SARIFLog.Region(
          startLine: origin.line, startColumn: origin.column(ofByte: edit.span.start - start), endLine: nil,
          endColumn: origin.column(ofByte: edit.span.end - start))
        let text = zoneEscaped(edit.replacement, inQuotes: string.bytes.contains(0x20))
        return SARIFLog.Replacement(deletedRegion: region, insertedContent: .init(text: text))
      }
      start = end
    }
    return nil
  }

  /// Replacement text as zone-file bytes that mean the same inside quotes and in an unquoted word
  /// (RFC 1035 §5.1): `"`, `\`, `;`, `(`, `)` escaped with a backslash, bytes outside printable
  /// ASCII as `\DDD`; a space stays a space in a string known to be quoted (it holds a space),
  /// else becomes `\032`.
  static func zoneEscaped(_ text: String, inQuotes: Bool) -> String {
    var out = ""
    for byte in text.utf8 {
      switch byte {
      case 0x22, 0x5C, 0x3B, 0x28, 0x29: out += "\\" + String(UnicodeScalar(byte))
      case 0x20 where inQuotes: out += " "
      case 0x21...0x7E: out.unicodeScalars.append(UnicodeScalar(byte))
      default:
        let digits = String(byte)
        out += "\\" + String(repeating: "0", count: 3 - digits.count) + digits
      }
    }
    return out
  }
}
