/// Presentation-format names (RFC 1035 §5.1): labels separated by dots, `\X` and `\DDD` escapes.
extension ZoneName {
  /// How a name was written.
  enum Form {
    /// `@`: the origin itself.
    case apex
    /// With a trailing dot.
    case absolute
    /// Without a trailing dot: the origin follows.
    case relative
  }

  /// Parses the name `raw` (as written, escapes kept) into `wire`, replacing its contents.
  ///
  /// Reuses `wire`'s storage, so a reader can check every owner name without allocating.
  static func parse(_ raw: [UInt8], origin: ZoneName, into wire: inout [UInt8]) throws(ZoneNameError) -> Form {
    try raw.withUnsafeBufferPointer { raw throws(ZoneNameError) in try parse(raw, origin: origin, into: &wire) }
  }

  /// `parse` of bytes a zone lexer lends (`ZoneLexer.textBytes`).
  static func parse(_ raw: UnsafeBufferPointer<UInt8>, origin: ZoneName, into wire: inout [UInt8]) throws(ZoneNameError)
    -> Form
  {
    wire.removeAll(keepingCapacity: true)
    if raw.count == 1, raw[0] == 0x40 {
      origin.wire.withUnsafeBufferPointer { wire.append(contentsOf: $0) }
      return .apex
    }
    if raw.count == 1, raw[0] == 0x2E {
      wire.append(0)
      return .absolute
    }
    guard !raw.isEmpty else { throw ZoneNameError("empty name", column: 1) }
    var lengthIndex = 0
    var labelStart = 0
    wire.append(0)
    var index = 0
    var endsWithDot = false
    while index < raw.count {
      let byte = raw[index]
      endsWithDot = false
      if byte == 0x2E {
        guard wire.count > lengthIndex + 1 else {
          throw ZoneNameError("empty label in '\(display(raw))'", column: index + 1)
        }
        try close(&wire, lengthIndex: lengthIndex, raw: raw, labelStart: labelStart)
        lengthIndex = wire.count
        wire.append(0)
        labelStart = index + 1
        index += 1
        endsWithDot = true
        continue
      }
      if byte == 0x5C {
        let (value, length) = try unescape(raw, at: index)
        wire.append(value)
        index += length
      } else {
        wire.append(byte)
        index += 1
      }
    }
    // After a final dot, the placeholder length byte is the root label; otherwise the origin follows.
    if !endsWithDot {
      try close(&wire, lengthIndex: lengthIndex, raw: raw, labelStart: labelStart)
      // Through a buffer: appending the array itself retains it, for every relative owner name.
      origin.wire.withUnsafeBufferPointer { wire.append(contentsOf: $0) }
    }
    guard wire.count <= maximumWireLength else {
      throw ZoneNameError("name '\(display(raw))' is longer than 255 octets", column: 1)
    }
    return endsWithDot ? .absolute : .relative
  }

  /// Writes the length of the label that starts at `lengthIndex`, checking it fits in 63 octets.
  private static func close(_ wire: inout [UInt8], lengthIndex: Int, raw: UnsafeBufferPointer<UInt8>, labelStart: Int)
    throws(ZoneNameError)
  {
    let length = wire.count - lengthIndex - 1
    guard length <= maximumLabelLength else {
      let label = raw[labelStart...].prefix { $0 != 0x2E }
      throw ZoneNameError("label '\(display(label))' is longer than 63 octets", column: labelStart + 1)
    }
    wire[lengthIndex] = UInt8(length)
  }

  /// Decodes the escape at `index` (a backslash): its byte and how many source bytes it takes.
  static func unescape(_ raw: UnsafeBufferPointer<UInt8>, at index: Int) throws(ZoneNameError) -> (UInt8, Int) {
    guard index + 1 < raw.count else {
      throw ZoneNameError("backslash at the end of '\(display(raw))'", column: index + 1)
    }
    let next = raw[index + 1]
    guard isDigit(next) else { return (next, 2) }
    guard index + 3 < raw.count, isDigit(raw[index + 2]), isDigit(raw[index + 3]) else {
      throw ZoneNameError("'\\DDD' escape in '\(display(raw))' needs three decimal digits", column: index + 1)
    }
    let value = Int(next - 0x30) * 100 + Int(raw[index + 2] - 0x30) * 10 + Int(raw[index + 3] - 0x30)
    guard value <= 255 else {
      throw ZoneNameError("'\\DDD' escape in '\(display(raw))' is greater than 255", column: index + 1)
    }
    return (UInt8(value), 4)
  }

  /// The name as written with the origin applied: absolute, with a trailing dot.
  static func absoluteText(_ raw: [UInt8], form: Form, origin: ZoneName) -> String {
    switch form {
    case .apex: return origin.text
    case .absolute: return String(decoding: raw, as: UTF8.self)
    case .relative:
      // One decoding of the joined bytes, not three strings joined: a string per owner of a zone.
      // The same text either way: the dot between the parts is ASCII, so no repair spans it.
      var originText = origin.text
      return originText.withUTF8 { suffix in
        let suffix = origin.wire.count == 1 ? UnsafeBufferPointer(rebasing: suffix[0..<0]) : suffix
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: raw.count + 1 + suffix.count) { joined in
          var end = joined.initialize(fromContentsOf: raw)
          joined[end] = 0x2E
          end += 1
          end = joined[end...].initialize(fromContentsOf: suffix)
          return String(decoding: UnsafeBufferPointer(rebasing: joined[..<end]), as: UTF8.self)
        }
      }
    }
  }

  /// Text for a message: invalid UTF-8 shows as U+FFFD.
  static func display(_ raw: some Collection<UInt8>) -> String { String(decoding: raw, as: UTF8.self) }

  static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
}
