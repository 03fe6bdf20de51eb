/// libFuzzer target `dns`: the DNS message decoder (RFC 1035 §4.1) and answer matching, as the socket
/// resolver uses them on whatever a server sends back.
///
/// The input is a response in wire format. It is judged as the answer to a query with its ID and its
/// first question (or `example.com TXT`), and its answer is read for that question and for each type
/// SPF asks for at the question's name.
enum DNSMessageFuzzer {
  static let fallbackQuestion = DNSMessage.Question(name: try! DNSName(parsing: "example.com"), type: .txt)

  static func run(_ input: [UInt8]) {
    let decoded: DNSMessage?
    do throws(DNSWireError) {
      decoded = try DNSMessage(decoding: input)
    } catch {
      FuzzCheck.require(
        error.offset >= 0 && error.offset <= input.count, "error offset \(error.offset) of \(input.count)")
      decoded = nil
    }
    if let decoded { checkReencoding(decoded) }
    let id = input.count >= 2 ? UInt16(input[0]) << 8 | UInt16(input[1]) : 0
    let question = decoded?.questions.first ?? fallbackQuestion
    let query = DNSMessage.query(id: id, question: question, udpPayloadSize: 1232)
    switch query.verdict(onResponse: input) {
    case .drop: break
    case .reject: FuzzCheck.require(decoded == nil, "a message that decodes is rejected")
    case .accept(let response):
      FuzzCheck.require(response == decoded, "the accepted message is not the decoded one")
    }
    if let decoded { checkAnswers(decoded, name: question.name) }
  }

  /// A decoded message encodes (names uncompressed) and decodes to the same message.
  static func checkReencoding(_ message: DNSMessage) {
    do throws(DNSWireError) {
      let bytes = try message.encoded()
      FuzzCheck.require(try DNSMessage(decoding: bytes) == message, "re-encoded message decodes differently")
    } catch {
      FuzzCheck.require(false, "a decoded message does not re-encode: \(error)")
    }
  }

  /// The answer for each type SPF asks for at `name` holds only data of that type.
  static func checkAnswers(_ message: DNSMessage, name: DNSName) {
    for type in DNSRecordType.allCases {
      let question = DNSQuestion(name: name.description, type: type)
      guard let records = try? message.answer(to: question) else { continue }
      for record in records { FuzzCheck.require(matches(record, type), "\(record) answers \(question)") }
    }
  }

  static func matches(_ record: DNSRecordData, _ type: DNSRecordType) -> Bool {
    switch (record, type) {
    case (.a, .a), (.aaaa, .aaaa), (.mx, .mx), (.txt, .txt), (.txt, .spf), (.ptr, .ptr): true
    default: false
    }
  }
}
