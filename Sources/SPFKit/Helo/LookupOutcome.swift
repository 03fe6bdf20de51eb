/// The exact outcome of one DNS question, as a diagnosis reports it.
public enum LookupOutcome: Hashable, Sendable, CustomStringConvertible {
  /// Answers, in presentation form (`192.0.2.1`, `10 mx.example.com`).
  case answers([String])
  /// The name exists but has no record of the type.
  case noData
  /// A failure: NXDOMAIN, REFUSED, SERVFAIL, timeout, or a malformed answer.
  case failure(DNSError)

  /// Runs a question against a resolver and records what happened.
  public static func of(_ question: DNSQuestion, _ resolver: any DNSResolver) async -> (LookupOutcome, [DNSRecordData])
  {
    // No do/catch around the await here: callers run this in `async let` child tasks, the shape of
    // the Swift 6.3.1 -O miscompile described at `DNSResolver.outcome(of:)`.
    switch await resolver.outcome(of: question) {
    case .success(let records):
      return records.isEmpty ? (.noData, []) : (.answers(records.map(LookupOutcome.presentation)), records)
    case .failure(let error):
      return (.failure(error), [])
    }
  }

  /// Whether the name was found with data.
  public var hasAnswers: Bool { if case .answers = self { true } else { false } }

  /// Whether the outcome says definitely "no such record": NXDOMAIN or no data.
  public var isNotFound: Bool {
    switch self {
    case .noData, .failure(.nameError): true
    default: false
    }
  }

  /// Whether a receiver treats the outcome as temporary: SERVFAIL, REFUSED, a timeout or a
  /// malformed answer. (A stub resolver in glibc turns REFUSED into TRY_AGAIN; a recursive resolver
  /// turns an authoritative REFUSED into SERVFAIL.)
  public var isTemporary: Bool { !hasAnswers && !isNotFound }

  /// One record in presentation form.
  static func presentation(_ record: DNSRecordData) -> String {
    switch record {
    case .a(let address): address.description
    case .aaaa(let address): address.description
    case .mx(let preference, let exchange): "\(preference) \(exchange)"
    case .ptr(let name): name
    case .txt(let txt): txt.presentation
    }
  }

  public var description: String {
    switch self {
    case .answers(let answers): answers.joined(separator: ", ")
    case .noData: "no data (the name exists, no record of this type)"
    case .failure(.nameError): "NXDOMAIN (no such name)"
    case .failure(.refused): "REFUSED by the name server"
    case .failure(.serverFailure): "SERVFAIL"
    case .failure(.timeout): "timeout: no answer"
    case .failure(let error): error.description
    }
  }
}
