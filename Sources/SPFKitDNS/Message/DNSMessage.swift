import SPFKit

/// A DNS message (RFC 1035 §4.1): header, question, answer, authority and additional sections.
///
/// `encoded()` and `init(decoding:)` convert to and from wire bytes; decoding checks every length and
/// pointer and throws `DNSWireError` for any malformed input.
public struct DNSMessage: Hashable, Sendable {
  /// One entry of the question section (RFC 1035 §4.1.2).
  public struct Question: Hashable, Sendable {
    /// The name asked about.
    public var name: DNSName
    /// The type asked for.
    public var type: DNSType
    /// The class asked for (`DNSType.classIN`).
    public var recordClass: UInt16

    /// Creates a question.
    public init(name: DNSName, type: DNSType, recordClass: UInt16 = DNSType.classIN) {
      self.name = name
      self.type = type
      self.recordClass = recordClass
    }
  }

  /// The ID that pairs a response with its query.
  public var id: UInt16
  /// QR: the message is a response.
  public var isResponse = false
  /// OPCODE (4 bits); 0 is a standard query.
  public var opcode: UInt8 = 0
  /// AA: the answer comes from an authoritative server.
  public var isAuthoritative = false
  /// TC: the message was truncated to fit the UDP payload size; ask again over TCP (RFC 7766 §5).
  public var isTruncated = false
  /// RD: the server should recurse.
  public var recursionDesired = false
  /// RA: the server can recurse.
  public var recursionAvailable = false
  /// AD: the server validated the data with DNSSEC (RFC 4035 §3.2.3).
  public var authenticData = false
  /// CD: the requester disabled DNSSEC checking (RFC 4035 §3.2.2).
  public var checkingDisabled = false
  /// The low 4 bits of the response code; see `extendedResponseCode` for the EDNS form.
  public var responseCode: UInt8 = 0
  /// The question section.
  public var questions: [Question] = []
  /// The answer section.
  public var answers: [DNSResourceRecord] = []
  /// The authority section.
  public var authorities: [DNSResourceRecord] = []
  /// The additional section, where an EDNS OPT pseudo-record travels.
  public var additionals: [DNSResourceRecord] = []

  /// Creates a message with the given ID and everything else empty or false.
  public init(id: UInt16) { self.id = id }

  /// A standard query with RD=1 for one question, with an EDNS(0) OPT record (RFC 6891 §6) advertising
  /// `udpPayloadSize` octets unless it is nil.
  public static func query(id: UInt16, question: Question, udpPayloadSize: UInt16?) -> DNSMessage {
    var message = DNSMessage(id: id)
    message.recursionDesired = true
    message.questions = [question]
    if let udpPayloadSize { message.additionals = [.opt(udpPayloadSize: udpPayloadSize)] }
    return message
  }

  /// The OPT pseudo-record, if the message carries one (RFC 6891 §6.1.1).
  public var optRecord: DNSResourceRecord? { additionals.first { $0.type == .opt } }

  /// The full 12-bit response code: the header's 4 bits below the OPT record's 8 upper bits
  /// (RFC 6891 §6.1.3).
  public var extendedResponseCode: UInt16 {
    let upper = optRecord.map { UInt16($0.ttl >> 24) } ?? 0
    return upper << 4 | UInt16(responseCode & 0x0F)
  }
}
