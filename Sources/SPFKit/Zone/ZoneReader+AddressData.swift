/// An A, AAAA, MX or PTR record of a zone: what a draft zone answers besides TXT (`--dns-zone`).
public struct ZoneAddressRecord: Hashable, Sendable {
  /// The owner name, absolute.
  public var owner: ZoneName
  /// The record's data, names lowercase without the final dot.
  public var data: DNSRecordData

  /// Creates a record.
  public init(owner: ZoneName, data: DNSRecordData) {
    self.owner = owner
    self.data = data
  }
}

extension ZoneReader {
  /// Reads the data of an A (1), AAAA (28), MX (15) or PTR (12) record into `addressRecords`;
  /// false for any other type, whose data the caller skips.
  mutating func collectAddressData(typeCode: UInt16) throws(ZoneReadError) -> Bool {
    guard [1, 28, 15, 12].contains(typeCode) else { return false }
    var words: [(text: [UInt8], location: SourceLocation)] = []
    var token = try current.lexer.next()
    while token != .lineEnd, token != .end {
      guard token == .word else { throw current.error(at: current.lexer.location, "unexpected quoted string") }
      words.append((current.lexer.text, current.lexer.location))
      token = try current.lexer.next()
    }
    let owner = current.owner.name()
    addressRecords.append(ZoneAddressRecord(owner: owner, data: try addressData(typeCode, words, owner: owner)))
    return true
  }

  private func addressData(_ typeCode: UInt16, _ words: [(text: [UInt8], location: SourceLocation)], owner: ZoneName)
    throws(ZoneReadError) -> DNSRecordData
  {
    let expected = typeCode == 15 ? 2 : 1
    guard words.count == expected else {
      throw current.error(
        at: words.first?.location ?? current.lexer.location,
        "expected \(expected == 2 ? "a preference and a name" : "one value") for '\(owner.text)'")
    }
    let (text, location) = words[expected - 1]
    switch typeCode {
    case 1:
      do { return .a(try IPv4Address.parse(text[...])) } catch {
        throw current.error(at: location, "invalid IPv4 address: \(error.message)")
      }
    case 28:
      do { return .aaaa(try IPv6Address.parse(text[...])) } catch {
        throw current.error(at: location, "invalid IPv6 address: \(error.message)")
      }
    case 15:
      guard let preference = UInt16(String(decoding: words[0].text, as: UTF8.self)) else {
        throw current.error(at: words[0].location, "invalid MX preference")
      }
      return .mx(preference: preference, exchange: try name(text, at: location))
    default:
      return .ptr(try name(text, at: location))
    }
  }

  /// A name in record data, completed with the origin, as DNS answers carry it.
  private func name(_ text: [UInt8], at location: SourceLocation) throws(ZoneReadError) -> String {
    do {
      return DNSQuestion.normalize(try ZoneName(String(decoding: text, as: UTF8.self), origin: current.origin).text)
    } catch {
      throw current.error(at: location, "invalid name: \(error.message)")
    }
  }
}
