/// One DNS-querying term of a policy (RFC 7208 §4.6.4) and what DNS answered for it.
public struct PolicyLookup: Hashable, Sendable {
  /// The term, its spans into the joined text of its node's record.
  public var term: Term
  /// The term as written (`include:_spf.example.com`), for messages.
  public var text: String
  /// The name the term queries, expanded; nil when it could not be named (see `skip`).
  public var target: String?
  /// Why the term was not queried, when it was not.
  public var skip: LookupSkip?
  /// The questions asked for the term and what each returned: A and AAAA for `a`, MX for `mx`, A for
  /// `exists`, TXT for `include` and `redirect`.
  public var queries: [PolicyQuery]
  /// For `include` and `redirect` with a known target: the index of the target's node.
  public var child: Int?

  /// Creates a lookup not yet asked.
  public init(
    term: Term, text: String, target: String? = nil, skip: LookupSkip? = nil, queries: [PolicyQuery] = [],
    child: Int? = nil
  ) {
    self.term = term
    self.text = text
    self.target = target
    self.skip = skip
    self.queries = queries
    self.child = child
  }

  /// Whether the term evaluates another policy: `include` (RFC 7208 §5.2) or `redirect` (§6.1).
  public var followsPolicy: Bool { term.tag == .redirect || term.tag.mechanismKind == .include }

  /// The term's name as a receiver reads it: `include`, `a`, `mx`, `ptr`, `exists` or `redirect`.
  public var kindName: String { term.mechanism?.name ?? "redirect" }

  /// The query that makes the lookup void for clients of `family` (NXDOMAIN or no records,
  /// RFC 7208 §4.6.4), or nil when it is not void. An `a` term is void for IPv4 clients when its
  /// name has no A records and for IPv6 clients when it has no AAAA records; every other term
  /// asks the same question whatever the client.
  public func voidQuery(for family: ClientFamily) -> PolicyQuery? {
    queries.first { query in
      query.answer.isVoid && (term.tag.mechanismKind != .a || query.question.type == family.addressType)
    }
  }

  /// The answer of `voidQuery(for:)`.
  public func voidAnswer(for family: ClientFamily) -> PolicyAnswer? { voidQuery(for: family)?.answer }

  /// Whether the lookup is void whatever the client (`a`: neither A nor AAAA records).
  public var isVoidForEveryClient: Bool { ClientFamily.allCases.allSatisfy { voidAnswer(for: $0) != nil } }

  /// The questions that failed (REFUSED, SERVFAIL, timeout...).
  public var failures: [PolicyQuery] { queries.filter { if case .failure = $0.answer { true } else { false } } }

  /// How many records the query of `type` returned (MX names for `mx`), if it returned any.
  public func recordCount(_ type: DNSRecordType) -> Int? {
    guard let query = queries.first(where: { $0.question.type == type }), case .records(let count) = query.answer
    else { return nil }
    return count
  }
}

/// One DNS question of a lookup and its answer.
public struct PolicyQuery: Hashable, Sendable {
  /// The question.
  public var question: DNSQuestion
  /// What it returned.
  public var answer: PolicyAnswer

  /// Creates a query.
  public init(question: DNSQuestion, answer: PolicyAnswer) {
    self.question = question
    self.answer = answer
  }

  /// The answer in words: `NXDOMAIN`, `no AAAA records`, `3 MX records`, `REFUSED`.
  public var answerText: String {
    switch answer {
    case .records(let count): "\(count) \(question.type.rawValue) record\(count == 1 ? "" : "s")"
    case .noData: "no \(question.type.rawValue) records"
    default: answer.description
    }
  }
}

/// What one DNS question returned, in the terms RFC 7208 §4.6.4 and §5 distinguish.
public enum PolicyAnswer: Hashable, Sendable, CustomStringConvertible {
  /// Records of the asked type (never zero).
  case records(Int)
  /// The name does not exist: a void lookup.
  case nameError
  /// The name exists but has no records of the type: a void lookup.
  case noData
  /// Any other error; the receiver's result would be a temperror.
  case failure(DNSError)

  /// The answer to a resolver's result, counting only records of `type`.
  public init(_ result: Result<[DNSRecordData], DNSError>, type: DNSRecordType) {
    switch result {
    case .failure(.nameError): self = .nameError
    case .failure(let error): self = .failure(error)
    case .success(let records):
      let count = records.count { $0.type == type }
      self = count == 0 ? .noData : .records(count)
    }
  }

  /// Whether the answer is a void lookup (RFC 7208 §4.6.4).
  public var isVoid: Bool { self == .nameError || self == .noData }

  public var description: String {
    switch self {
    case .records(let count): "\(count) record\(count == 1 ? "" : "s")"
    case .nameError: "NXDOMAIN"
    case .noData: "no records"
    case .failure(let error): error.description
    }
  }
}

/// Why a lookup's target was not queried.
public enum LookupSkip: Hashable, Sendable, CustomStringConvertible {
  /// The target uses a macro only a message supplies (`%{i}`, `%{s}`, `%{h}`...): the text names it.
  case dependsOnMessage(String)
  /// The target is the owner name (`%{d}`, or a bare `a` or `mx`) and no name was given.
  case unknownDomain
  /// `ptr` queries the client's reverse name: nothing to ask before a message arrives.
  case ptr
  /// The expanded name cannot be queried; the text says why.
  case invalidName(String)
  /// A bound of the resolution was reached.
  case bound(PolicyBound)

  public var description: String {
    switch self {
    case .dependsOnMessage(let macro): "'\(macro)' depends on the message"
    case .unknownDomain: "the owner name is not known (give --name)"
    case .ptr: "ptr asks for the client's reverse name"
    case .invalidName(let problem): problem
    case .bound(let bound): bound.description
    }
  }
}

/// The address family of a client: an `a` lookup may be void for one and not the other.
public enum ClientFamily: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
  case ipv4
  case ipv6

  /// The address record type an `a` or `mx` term asks for such a client (RFC 7208 §5.3).
  public var addressType: DNSRecordType { self == .ipv4 ? .a : .aaaa }

  public var description: String { self == .ipv4 ? "IPv4" : "IPv6" }
}
