import SPFKit

extension DNSMessage {
  /// The longest CNAME chain followed inside one answer section.
  static let maximumChainLength = 16

  /// The records that answer `question`, or the typed error the response code stands for.
  ///
  /// RCODE 0 gives the records of the question's type at the question's name, following CNAME
  /// records within the answer section (RFC 1034 §3.6.2, §4.3.2); records of other types are ignored,
  /// and an empty array means NODATA. RCODE 3 is `.nameError`, 2 `.serverFailure`, 5 `.refused`,
  /// anything else `.other` with the code's name.
  public func answer(to question: DNSQuestion) throws(DNSError) -> [DNSRecordData] {
    switch extendedResponseCode {
    case 0: break
    case 2: throw .serverFailure
    case 3: throw .nameError
    case 5: throw .refused
    case let code: throw .other("server answered \(DNSMessage.responseCodeName(code))")
    }
    let wanted = DNSType(question.type)
    guard var owner = try? DNSName(parsing: question.name) else {
      throw .other("'\(question.name)' is not a valid domain name")
    }
    var visited: Set<DNSName> = [owner]
    for _ in 0..<DNSMessage.maximumChainLength {
      let atOwner = answers.filter { $0.name == owner && $0.recordClass == DNSType.classIN }
      let records = atOwner.filter { $0.type == wanted }.compactMap { $0.data.recordData(for: question.type) }
      if !records.isEmpty { return records }
      let target = atOwner.lazy.compactMap { record -> DNSName? in
        if case .cname(let target) = record.data, record.type == .cname { return target }
        return nil
      }.first
      guard let target else {
        if let zone = referral { throw .other(DNSMessage.referralMessage(zone)) }
        return []
      }
      guard visited.insert(target).inserted else { throw .malformed("CNAME chain loops at '\(target)'") }
      owner = target
    }
    throw .malformed("CNAME chain longer than \(DNSMessage.maximumChainLength) names")
  }

  /// The zone a non-authoritative answer with NS records and no SOA in its authority section
  /// delegates to: a referral from a server that does not recurse (RFC 1034 §4.3.1), which says
  /// nothing about whether the data exists. Nil for any other answer (NODATA carries an SOA).
  var referral: DNSName? {
    guard !isAuthoritative, !authorities.contains(where: { $0.type == .soa }) else { return nil }
    return authorities.first { $0.type == .ns }?.name
  }

  static func referralMessage(_ zone: DNSName) -> String {
    "the server answered with a referral to '\(zone)' instead of an answer: it does not recurse; "
      + "ask a recursive resolver or the zone's own server"
  }

  /// The mnemonic of a response code (RFC 1035 §4.1.1, RFC 6891 §9), or its number.
  static func responseCodeName(_ code: UInt16) -> String {
    switch code {
    case 0: "NOERROR"
    case 1: "FORMERR"
    case 2: "SERVFAIL"
    case 3: "NXDOMAIN"
    case 4: "NOTIMP"
    case 5: "REFUSED"
    case 16: "BADVERS"
    default: "RCODE \(code)"
    }
  }

  /// The question the resolver asks for `question`, checked for a valid name.
  static func wireQuestion(for question: DNSQuestion) throws(DNSError) -> Question {
    do throws(DNSWireError) {
      return Question(name: try DNSName(parsing: question.name), type: DNSType(question.type))
    } catch {
      throw .other("cannot ask about '\(question.name)': \(error)")
    }
  }
}

extension DNSResourceData {
  /// This data as the resolver protocol carries it, if it is of the kind `type` asks for.
  func recordData(for type: DNSRecordType) -> DNSRecordData? {
    switch (self, type) {
    case (.a(let address), .a): .a(address)
    case (.aaaa(let address), .aaaa): .aaaa(address)
    case (.mx(let preference, let exchange), .mx): .mx(preference: preference, exchange: exchange.description)
    case (.txt(let strings), .txt), (.txt(let strings), .spf):
      .txt(TXTRecord(strings: strings.map { CharacterString(bytes: $0) }))
    case (.ptr(let target), .ptr): .ptr(target.description)
    default: nil
    }
  }
}
