import SPFKit

/// One JSON Lines object per scanned domain, written straight to bytes (RFC 8259; `domain` first, so
/// `--resume` can read it back from the start of a line).
///
/// `{"domain":"example.com","status":"findings","records":["v=spf1 ..."],"lookups":3,
/// "diagnostics":[{"code":"SPF103","slug":"permissive-all","severity":"warning","message":"...",
/// "record":0,"start":7,"end":11,"notes":[]}],"reason":null}`
enum ScanRecordWriter {
  /// The bytes every line starts with, up to the domain's first character.
  static let linePrefix = Array("{\"domain\":\"".utf8)

  /// Appends the record's line, newline included, to `out`.
  static func append(_ record: ScanRecord, to out: inout [UInt8]) {
    out += linePrefix
    appendEscaped(record.domain, to: &out)
    out += Array("\",\"status\":\"".utf8)
    out += record.status.rawValue.utf8
    out += Array("\",\"records\":[".utf8)
    for (index, txt) in (record.input?.records ?? []).enumerated() {
      if index > 0 { out.append(0x2C) }
      appendString(txt.text, to: &out)
    }
    out += Array("],\"lookups\":".utf8)
    out += record.lookups.map { String($0) }.map { Array($0.utf8) } ?? Array("null".utf8)
    out += Array(",\"diagnostics\":[".utf8)
    for (index, diagnostic) in record.diagnostics.enumerated() {
      if index > 0 { out.append(0x2C) }
      append(diagnostic, to: &out)
    }
    out += Array("],\"reason\":".utf8)
    if let reason = record.reason { appendString(reason, to: &out) } else { out += Array("null".utf8) }
    out += Array("}\n".utf8)
  }

  private static func append(_ diagnostic: Diagnostic, to out: inout [UInt8]) {
    out += Array("{\"code\":".utf8)
    appendString(diagnostic.code, to: &out)
    out += Array(",\"slug\":".utf8)
    appendString(diagnostic.slug, to: &out)
    out += Array(",\"severity\":\"".utf8)
    out += diagnostic.severity.rawValue.utf8
    out += Array("\",\"message\":".utf8)
    appendString(diagnostic.message, to: &out)
    out += Array(",\"record\":".utf8)
    appendNumber(diagnostic.record, to: &out)
    out += Array(",\"start\":".utf8)
    appendNumber(diagnostic.span?.start, to: &out)
    out += Array(",\"end\":".utf8)
    appendNumber(diagnostic.span?.end, to: &out)
    out += Array(",\"notes\":[".utf8)
    for (index, note) in diagnostic.notes.enumerated() {
      if index > 0 { out.append(0x2C) }
      appendString(note, to: &out)
    }
    out += Array("]}".utf8)
  }

  private static func appendNumber(_ value: Int?, to out: inout [UInt8]) {
    out += Array((value.map(String.init) ?? "null").utf8)
  }

  /// A JSON string in quotes.
  static func appendString(_ text: String, to out: inout [UInt8]) {
    out.append(0x22)
    appendEscaped(text, to: &out)
    out.append(0x22)
  }

  private static let hexDigits = Array("0123456789abcdef".utf8)

  /// The text's UTF-8 with `"`, `\` and control characters escaped (RFC 8259 §7). Text decoded from
  /// DNS bytes is valid UTF-8 already (invalid bytes were replaced on decoding).
  static func appendEscaped(_ text: String, to out: inout [UInt8]) {
    for byte in text.utf8 {
      switch byte {
      case 0x22: out += [0x5C, 0x22]
      case 0x5C: out += [0x5C, 0x5C]
      case 0x0A: out += [0x5C, 0x6E]
      case 0x0D: out += [0x5C, 0x72]
      case 0x09: out += [0x5C, 0x74]
      case 0x00..<0x20, 0x7F:
        out += [0x5C, 0x75, 0x30, 0x30, hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]]
      default: out.append(byte)
      }
    }
  }
}
