import SPFKit
import SPFKitDNS

extension DNSMessage {
  /// A response to this query: same ID and question, QR=1, AA=1, with `answers`.
  func response(answers: [DNSResourceRecord] = [], responseCode: UInt8 = 0) -> DNSMessage {
    var response = DNSMessage(id: id)
    response.isResponse = true
    response.isAuthoritative = true
    response.recursionDesired = recursionDesired
    response.responseCode = responseCode
    response.questions = questions
    response.answers = answers
    return response
  }

  /// A response to this query with one A record at the question's name.
  func response(a address: IPv4Address) -> DNSMessage {
    response(
      answers: questions.prefix(1).map { DNSResourceRecord(name: $0.name, type: .a, ttl: 60, data: .a(address)) })
  }

  /// The encoded bytes; empty if the message cannot be encoded.
  var bytes: [UInt8] { (try? encoded()) ?? [] }
}
