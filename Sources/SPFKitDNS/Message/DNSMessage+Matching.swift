import SPFKit

/// What a transport does with bytes that arrived while it waits for the answer to a query.
enum ResponseVerdict: Sendable {
  /// Not an answer to this query (wrong ID, not a response, another question): ignore it, keep waiting.
  case drop
  /// The answer.
  case accept(DNSMessage)
  /// An answer to this query (its ID matches) that cannot be read.
  case reject(DNSError)
}

extension DNSMessage {
  /// Judges `bytes` as a possible response to this query (RFC 5452 §4.3: ID and question must match).
  ///
  /// A response without a question section is accepted only with a non-zero RCODE: servers that do not
  /// understand a query (FORMERR, NOTIMP) may not echo it (RFC 6891 §7).
  func verdict(onResponse bytes: [UInt8]) -> ResponseVerdict {
    guard bytes.count >= 12, UInt16(bytes[0]) << 8 | UInt16(bytes[1]) == id, bytes[2] & 0x80 != 0 else {
      return .drop
    }
    let response: DNSMessage
    do throws(DNSWireError) {
      response = try DNSMessage(decoding: bytes)
    } catch {
      return .reject(error.dnsError)
    }
    if response.questions.isEmpty, response.responseCode != 0 { return .accept(response) }
    return response.questions == questions ? .accept(response) : .drop
  }
}
