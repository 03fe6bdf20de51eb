/// Record-type and class mnemonics a zone file may use (IANA DNS parameters, as BIND knows them).
enum ResourceRecordType {
  /// The type number of `word` (case-insensitive mnemonic or RFC 3597 `TYPEnnn`); nil if unknown.
  static func code(of word: [UInt8]) -> UInt16? { word.withUnsafeBufferPointer { code(of: $0) } }

  /// `code(of:)` of bytes a zone lexer lends.
  static func code(of word: UnsafeBufferPointer<UInt8>) -> UInt16? {
    if let code = commonCode(of: word) { return code }
    guard let upper = uppercased(word) else { return nil }
    if let code = mnemonics[upper] { return code }
    return generic(upper, prefix: "TYPE")
  }

  /// The class number of `word` (`IN`, `CH`, `CHAOS`, `HS`, `HESIOD`, `NONE`, `ANY`, `CLASSnnn`).
  static func classCode(of word: UnsafeBufferPointer<UInt8>) -> UInt16? {
    if word.count == 2, word[0] | 0x20 == 0x69, word[1] | 0x20 == 0x6E { return 1 }  // IN, without a string
    guard let upper = uppercased(word) else { return nil }
    switch upper {
    case "IN": return 1
    case "CH", "CHAOS": return 3
    case "HS", "HESIOD": return 4
    case "NONE": return 254
    case "ANY": return 255
    default: return generic(upper, prefix: "CLASS")
    }
  }

  /// The mnemonic of a class number, for messages.
  static func className(_ code: UInt16) -> String {
    switch code {
    case 1: return "IN"
    case 3: return "CH"
    case 4: return "HS"
    case 254: return "NONE"
    case 255: return "ANY"
    default: return "CLASS\(code)"
    }
  }

  /// The types most zone lines use, matched on the bytes (ASCII case folded): every line of a zone
  /// names its type, and building a string for each shows in a profile.
  private static func commonCode(of word: UnsafeBufferPointer<UInt8>) -> UInt16? {
    // The bytes, folded with 0x20, packed into an integer to switch on. Folding maps only letters
    // onto lowercase letters, and the mnemonics are letters; a folded byte is never 0, so words of
    // different lengths never share a key.
    guard word.count <= 5 else { return nil }
    var key: UInt64 = 0
    for byte in word { key = key << 8 | UInt64(byte | 0x20) }
    return switch key {
    case 0x61: 1  // a
    case 0x6E73: 2  // ns
    case 0x636E616D65: 5  // cname
    case 0x736F61: 6  // soa
    case 0x707472: 12  // ptr
    case 0x6D78: 15  // mx
    case 0x747874: 16  // txt
    case 0x61616161: 28  // aaaa
    case 0x737276: 33  // srv
    case 0x636161: 257  // caa
    case 0x737066: 99  // spf
    default: nil
    }
  }

  /// `word` in ASCII upper case, if it is short enough to be a mnemonic (a small string: no allocation).
  private static func uppercased(_ word: UnsafeBufferPointer<UInt8>) -> String? {
    guard word.count <= 15 else { return nil }
    return String(unsafeUninitializedCapacity: word.count) { buffer in
      for (index, byte) in word.enumerated() { buffer[index] = byte >= 0x61 && byte <= 0x7A ? byte - 0x20 : byte }
      return word.count
    }
  }

  /// `TYPE16`, `CLASS1`: the prefix then a decimal number up to 65535 without a leading zero.
  private static func generic(_ upper: String, prefix: String) -> UInt16? {
    guard upper.hasPrefix(prefix) else { return nil }
    let digits = upper.utf8.dropFirst(prefix.utf8.count)
    guard !digits.isEmpty, digits.count <= 5, digits.first != 0x30 || digits.count == 1,
      digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })
    else { return nil }
    return UInt16(exactly: digits.reduce(0) { $0 * 10 + Int($1 - 0x30) })
  }

  /// Mnemonics BIND 9 accepts, with their numbers.
  private static let mnemonics: [String: UInt16] = [
    "A": 1, "NS": 2, "MD": 3, "MF": 4, "CNAME": 5, "SOA": 6, "MB": 7, "MG": 8, "MR": 9, "NULL": 10,
    "WKS": 11, "PTR": 12, "HINFO": 13, "MINFO": 14, "MX": 15, "TXT": 16, "RP": 17, "AFSDB": 18, "X25": 19,
    "ISDN": 20, "RT": 21, "NSAP": 22, "NSAP-PTR": 23, "SIG": 24, "KEY": 25, "PX": 26, "GPOS": 27, "AAAA": 28,
    "LOC": 29, "NXT": 30, "EID": 31, "NIMLOC": 32, "SRV": 33, "ATMA": 34, "NAPTR": 35, "KX": 36, "CERT": 37,
    "A6": 38, "DNAME": 39, "SINK": 40, "OPT": 41, "APL": 42, "DS": 43, "SSHFP": 44, "IPSECKEY": 45,
    "RRSIG": 46, "NSEC": 47, "DNSKEY": 48, "DHCID": 49, "NSEC3": 50, "NSEC3PARAM": 51, "TLSA": 52,
    "SMIMEA": 53, "HIP": 55, "NINFO": 56, "RKEY": 57, "TALINK": 58, "CDS": 59, "CDNSKEY": 60,
    "OPENPGPKEY": 61, "CSYNC": 62, "ZONEMD": 63, "SVCB": 64, "HTTPS": 65, "DSYNC": 66, "SPF": 99,
    "UINFO": 100, "UID": 101, "GID": 102, "UNSPEC": 103, "NID": 104, "L32": 105, "L64": 106, "LP": 107,
    "EUI48": 108, "EUI64": 109, "TKEY": 249, "TSIG": 250, "IXFR": 251, "AXFR": 252, "MAILB": 253,
    "MAILA": 254, "ANY": 255, "URI": 256, "CAA": 257, "AVC": 258, "DOA": 259, "AMTRELAY": 260,
    "RESINFO": 261, "WALLET": 262, "TA": 32768, "DLV": 32769, "KEYDATA": 65533,
  ]
}
