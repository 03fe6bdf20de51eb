@_spi(ByteScan) import SPFKit

/// Writes JSON (RFC 8259) as bytes into an `OutputBytes`: no intermediate values, no `JSONEncoder`.
///
/// The writer tracks only where a comma is due; the caller writes keys and values in order:
/// `beginObject()`, `field("code", "SPF001")`, `key("fix")` then a nested value, `endObject()`.
/// Keys come out in the order written. Strings are escaped as RFC 8259 §7 requires: `"` and `\`,
/// and every control character (U+0000 to U+001F, and U+007F for the terminal's sake) as `\n`,
/// `\t`, … or `\u00XX`. Non-ASCII text is written as UTF-8. Raw bytes that are not valid UTF-8 are
/// replaced with U+FFFD, and the writing call returns `true` so the document can say so.
struct JSONWriter: ~Copyable {
  /// The bytes written.
  var bytes: OutputBytes
  /// How many objects and arrays are open: up to 64, as deep as `hasValue` has bits (the reporters
  /// nest five).
  private var depth = 0
  /// Bit `n`: whether a value was already written in the object or array open at depth `n + 1`.
  private var hasValue: UInt64 = 0

  /// A writer that appends to `bytes` (`finish()` hands them back).
  init(bytes: consuming OutputBytes = OutputBytes()) { self.bytes = bytes }

  /// The bytes written, after whatever the buffer held before.
  consuming func finish() -> OutputBytes { bytes }

  /// Hands the bytes written so far to `out`, keeping the buffer's memory for the next object.
  mutating func flush(to out: OutputBuffer) {
    out.append(bytes)
    bytes.removeAll()
  }

  /// Starts an object, as a value (after `key` or `element`, or at the top).
  mutating func beginObject() {
    bytes.append(0x7B)
    open()
  }

  /// Ends the innermost object.
  mutating func endObject() {
    depth -= 1
    bytes.append(0x7D)
  }

  /// Starts an array, as a value.
  mutating func beginArray() {
    bytes.append(0x5B)
    open()
  }

  /// Ends the innermost array.
  mutating func endArray() {
    depth -= 1
    bytes.append(0x5D)
  }

  private mutating func open() {
    depth += 1
    hasValue &= ~(1 << (depth - 1))
  }

  /// Starts the next element of an array: writes the comma it needs. The value follows.
  @inline(__always)
  mutating func element() {
    guard depth > 0 else { return }
    let bit: UInt64 = 1 << (depth - 1)
    if hasValue & bit != 0 { bytes.append(0x2C) }
    hasValue |= bit
  }

  /// Writes the next key of an object (and the comma before it). The value follows.
  mutating func key(_ name: StaticString) {
    element()
    bytes.append(0x22)
    bytes.append(name)
    bytes.append(StaticString("\":"))
  }

  /// Writes the next key of an object from text known only at run time (escaped).
  mutating func key(text name: String) {
    element()
    Self.string(name, to: &bytes)
    bytes.append(0x3A)
  }

  /// Complete fields written before (`"a":1,"b":2`), as the next fields of an object.
  mutating func fields(raw: [UInt8]) {
    element()
    bytes.append(raw)
  }

  /// A string field.
  mutating func field(_ name: StaticString, _ value: String) {
    key(name)
    Self.string(value, to: &bytes)
  }

  /// A string field whose value needs no escape (a code, a slug, a severity): copied as it is.
  mutating func field(_ name: StaticString, plain value: StaticString) {
    key(name)
    bytes.append(0x22)
    bytes.append(value)
    bytes.append(0x22)
  }

  /// An integer field.
  mutating func field(_ name: StaticString, _ value: Int) {
    key(name)
    bytes.append(decimal: value)
  }

  /// An integer field, left out when nil.
  mutating func field(_ name: StaticString, ifPresent value: Int?) {
    guard let value else { return }
    field(name, value)
  }

  /// A boolean field.
  mutating func field(_ name: StaticString, _ value: Bool) {
    key(name)
    bytes.append(value ? StaticString("true") : StaticString("false"))
  }

  /// A string field from raw bytes; returns whether invalid UTF-8 was replaced.
  @discardableResult
  mutating func field(_ name: StaticString, bytes value: [UInt8]) -> Bool {
    key(name)
    return Self.string(bytes: value, to: &self.bytes)
  }

  /// A string as the next array element.
  mutating func element(_ value: String) {
    element()
    Self.string(value, to: &bytes)
  }

  /// Raw bytes as the next array element; returns whether invalid UTF-8 was replaced.
  @discardableResult
  mutating func element(bytes value: [UInt8]) -> Bool {
    element()
    return Self.string(bytes: value, to: &bytes)
  }

  /// A string value (Swift strings are valid Unicode: only escapes are needed).
  static func string(_ value: String, to out: inout OutputBytes) {
    var value = value
    value.withUTF8 { _ = string(utf8: $0, validating: false, to: &out) }
  }

  /// Raw bytes as a string value, invalid UTF-8 replaced with U+FFFD; returns whether any was.
  @discardableResult
  static func string(bytes: [UInt8], to out: inout OutputBytes) -> Bool {
    bytes.withUnsafeBufferPointer { string(utf8: $0, validating: true, to: &out) }
  }

  /// Writes `"…"`, copying runs of bytes that need no escape in one append.
  private static func string(utf8 bytes: UnsafeBufferPointer<UInt8>, validating: Bool, to out: inout OutputBytes)
    -> Bool
  {
    out.append(0x22)
    var replaced = false
    var runStart = 0
    var index = 0
    while index < bytes.count {
      if let base = bytes.baseAddress, bytes.count - index >= 8,
        isPlainASCII(word: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
      {
        index += 8
        continue
      }
      let byte = bytes[index]
      if isPlainASCII(byte) || (byte >= 0x80 && !validating) {
        index += 1
        continue
      }
      var length = 1
      if byte >= 0x80 {
        length = UTF8Validation.sequenceLength(bytes, at: index)
        if length > 0 {
          index += length
          continue
        }
      }
      out.append(UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
      if byte >= 0x80 {
        out.append(replacementCharacter)
        replaced = true
      } else {
        escape(byte, to: &out)
      }
      index += 1
      runStart = index
    }
    out.append(UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
    out.append(0x22)
    return replaced
  }

  /// Whether an ASCII byte goes into a JSON string as it is: not a control character, `"`, backslash or
  /// DEL. Two bit masks, not a chain of comparisons: this runs for every byte written.
  @inline(__always)
  static func isPlainASCII(_ byte: UInt8) -> Bool {
    // Bits 0x00-0x1F and 0x22; then 0x5C and 0x7F, counted from 0x40.
    byte < 0x40
      ? (0x0000_0004_FFFF_FFFF as UInt64) >> byte & 1 == 0
      : byte < 0x80 && (0x8000_0000_1000_0000 as UInt64) >> (byte &- 0x40) & 1 == 0
  }

  /// Whether all eight bytes of `word` are plain ASCII (`isPlainASCII`), decided at once: most text
  /// has no byte to escape, and a byte at a time is most of the writer's time.
  @inline(__always)
  static func isPlainASCII(word: UInt64) -> Bool {
    !ByteWord.containsNonASCII(word) && !ByteWord.containsByte(below: 0x20, in: word)
      && !ByteWord.contains(0x22, in: word) && !ByteWord.contains(0x5C, in: word) && !ByteWord.contains(0x7F, in: word)
  }

  /// The lowercase hexadecimal digit of a nibble.
  private static func hexDigit(_ nibble: UInt8) -> UInt8 { nibble < 10 ? 0x30 + nibble : 0x57 + nibble }

  /// U+FFFD REPLACEMENT CHARACTER in UTF-8.
  private static let replacementCharacter: [UInt8] = [0xEF, 0xBF, 0xBD]

  /// The escape of `"`, `\` or a control character (RFC 8259 §7).
  private static func escape(_ byte: UInt8, to out: inout OutputBytes) {
    switch byte {
    case 0x22: out.append(StaticString("\\\""))
    case 0x5C: out.append(StaticString("\\\\"))
    case 0x0A: out.append(StaticString("\\n"))
    case 0x0D: out.append(StaticString("\\r"))
    case 0x09: out.append(StaticString("\\t"))
    case 0x08: out.append(StaticString("\\b"))
    case 0x0C: out.append(StaticString("\\f"))
    default:
      out.append(StaticString("\\u00"))
      out.append(hexDigit(byte >> 4))
      out.append(hexDigit(byte & 0x0F))
    }
  }
}

/// UTF-8 well-formedness (RFC 3629 §4, the Unicode Standard's Table 3-7).
enum UTF8Validation {
  /// The length of the well-formed multi-byte sequence starting at `index`, or 0 when the bytes
  /// there are not one (a stray continuation byte, an overlong form, a surrogate, past U+10FFFF, or
  /// cut short).
  static func sequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
    let lead = bytes[index]
    let length: Int
    var low: UInt8 = 0x80
    var high: UInt8 = 0xBF
    switch lead {
    case 0xC2...0xDF: length = 2
    case 0xE0: (length, low) = (3, 0xA0)
    case 0xE1...0xEC, 0xEE...0xEF: length = 3
    case 0xED: (length, high) = (3, 0x9F)
    case 0xF0: (length, low) = (4, 0x90)
    case 0xF1...0xF3: length = 4
    case 0xF4: (length, high) = (4, 0x8F)
    default: return 0
    }
    guard bytes.count - index >= length else { return 0 }
    let second = bytes[index + 1]
    guard second >= low && second <= high else { return 0 }
    for offset in 2..<max(2, length) where bytes[index + offset] & 0xC0 != 0x80 { return 0 }
    return length
  }
}
