extension TermTag {
  /// What a term was written as, judged on its name alone: for a term with a syntax error, what it is
  /// meant to be (`mx:a` an mx, `redirect=` a redirect); for a valid term, its tag.
  ///
  /// Limits that do not depend on the argument still hold for a malformed term, so SPF003 (RFC 7208
  /// §4.6.4) and SPF011 (§6) count it: one pass reports every independent problem.
  static func written(_ bytes: ArraySlice<UInt8>) -> TermTag {
    var index = bytes.startIndex
    var qualifier = Qualifier.pass
    if index < bytes.endIndex, let written = Qualifier(byte: bytes[index]) {
      qualifier = written
      index += 1
    }
    let nameStart = index
    while index < bytes.endIndex, TermParser.isNameByte(bytes[index], first: index == nameStart) { index += 1 }
    let name = bytes[nameStart..<index]
    let separator = index < bytes.endIndex ? bytes[index] : nil
    if separator == 0x3D, !name.isEmpty {
      if name.count == 8, name.elementsEqualIgnoringASCIICase("redirect") { return .redirect }
      if name.count == 3, name.elementsEqualIgnoringASCIICase("exp") { return .explanation }
      return .unknownModifier
    }
    guard separator == nil || separator == 0x3A || separator == 0x2F,
      let kind = MechanismKind(caseInsensitive: name)
    else { return .invalid }
    return .directive(kind, qualifier)
  }
}

extension ArraySlice<UInt8> {
  /// Whether the bytes spell `text`, ignoring ASCII case.
  fileprivate func elementsEqualIgnoringASCIICase(_ text: String) -> Bool {
    elementsEqual(text.utf8) { byte, expected in (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) == expected }
  }
}
