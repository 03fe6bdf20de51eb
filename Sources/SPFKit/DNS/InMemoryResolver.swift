/// A resolver that answers from data held in memory: test fixtures, and the draft zone of `--dns-zone`.
///
/// It behaves like an authoritative server for every name it holds:
/// - a question with stored data gets that data (or its stored failure);
/// - a name that holds data of other types only, or that is an ancestor of a name with data (an empty
///   non-terminal, RFC 8020 §2), answers NODATA: an empty array;
/// - any other name is NXDOMAIN (`DNSError.nameError`).
///
/// Names compare case-insensitively (ASCII only, RFC 4343) and without a trailing dot.
public struct InMemoryResolver: DNSResolver, Sendable {
  /// The stored answer of each question.
  public private(set) var answers: [DNSQuestion: Result<[DNSRecordData], DNSError>] = [:]
  /// Names whose every question fails, and how.
  public private(set) var nameFailures: [String: DNSError] = [:]
  /// Names whose every question, and every question below them, fails, and how.
  public private(set) var subtreeFailures: [String: DNSError] = [:]
  /// Names that own an answer or a failure.
  private var ownerNames: Set<String> = []
  /// Owner names and all their ancestors: the names that exist.
  private var existingNames: Set<String> = []

  /// Creates an empty resolver: every name is NXDOMAIN.
  public init() {}

  /// Creates a resolver from stored answers; a question mapped to `.success([])` makes its name exist.
  public init(answers: [DNSQuestion: Result<[DNSRecordData], DNSError>]) {
    for (question, result) in answers { set(question, to: result) }
  }

  /// Adds one record to the answer of `name`/`type`; a stored failure of that question is replaced.
  public mutating func add(name: String, type: DNSRecordType, data: DNSRecordData) {
    let question = DNSQuestion(name: name, type: type)
    var records = (try? answers[question]?.get()) ?? []
    records.append(data)
    set(question, to: .success(records))
  }

  /// Sets the whole answer of one question: records (empty for NODATA) or a failure.
  public mutating func set(_ question: DNSQuestion, to result: Result<[DNSRecordData], DNSError>) {
    answers[question] = result
    insertOwner(question.name)
  }

  /// Makes every question about `name` fail with `error` (for example `.refused` or `.timeout`).
  ///
  /// - Parameter includingSubdomains: also fail every name below `name`, as a server does for a
  ///   whole zone it refuses.
  public mutating func fail(name: String, with error: DNSError, includingSubdomains: Bool = false) {
    let name = DNSQuestion.normalize(name)
    if includingSubdomains { subtreeFailures[name] = error } else { nameFailures[name] = error }
    insertOwner(name)
  }

  /// Whether `name` owns data or a failure here (empty non-terminals do not count).
  public func knows(name: String) -> Bool {
    let name = DNSQuestion.normalize(name)
    return ownerNames.contains(name) || subtreeFailure(of: name) != nil
  }

  /// Whether this exact question has a stored answer or failure, or its name fails as a whole.
  public func knows(_ question: DNSQuestion) -> Bool {
    answers[question] != nil || nameFailures[question.name] != nil || subtreeFailure(of: question.name) != nil
  }

  /// Answers from the stored data; see the type's documentation for NODATA and NXDOMAIN.
  public func resolve(_ question: DNSQuestion) async throws(DNSError) -> [DNSRecordData] {
    try answer(question)
  }

  /// The synchronous form of `resolve(_:)`.
  public func answer(_ question: DNSQuestion) throws(DNSError) -> [DNSRecordData] {
    if let error = nameFailures[question.name] ?? subtreeFailure(of: question.name) { throw error }
    if let result = answers[question] { return try result.get() }
    if existingNames.contains(question.name) { return [] }
    throw .nameError
  }

  private mutating func insertOwner(_ name: String) {
    ownerNames.insert(name)
    var current = Substring(name)
    while !current.isEmpty, existingNames.insert(String(current)).inserted {
      guard let dot = current.firstIndex(of: ".") else { break }
      current = current[current.index(after: dot)...]
    }
  }

  /// The failure of the nearest failed subtree that holds `name`, if any.
  private func subtreeFailure(of name: String) -> DNSError? {
    guard !subtreeFailures.isEmpty else { return nil }
    var current = Substring(name)
    while true {
      if let error = subtreeFailures[String(current)] { return error }
      guard let dot = current.firstIndex(of: ".") else { return nil }
      current = current[current.index(after: dot)...]
    }
  }
}
