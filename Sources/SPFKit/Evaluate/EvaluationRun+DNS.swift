/// DNS queries of an evaluation. Every error is typed; none is thrown further.
extension EvaluationRun {
  /// What a query gave, in the terms RFC 7208 §5 distinguishes.
  enum Answer {
    /// Records of the asked type (never empty).
    case records([DNSRecordData])
    /// NXDOMAIN or no records of the type: a void lookup (§4.6.4); the text says which.
    case void(String)
    /// Any other error: a temperror for mechanisms (§5), ignored for `ptr` and `exp`.
    case failure(DNSError)
  }

  /// Queries `name` for `type`, keeping only answers of that type.
  func query(_ name: String, _ type: DNSRecordType) async -> Answer {
    await Self.query(name, type, resolver: resolver)
  }

  /// Queries `name` for `type` through `resolver`, keeping only answers of that type; for callers
  /// outside an evaluation (record selection, the flattener).
  static func query(_ name: String, _ type: DNSRecordType, resolver: any DNSResolver) async -> Answer {
    answer(await resolver.outcome(of: DNSQuestion(name: name, type: type)), type: type)
  }

  /// Queries every name for `type` at once; the answers come back in the order of `names`.
  func queryAll(_ names: [String], _ type: DNSRecordType) async -> [Answer] {
    let resolver = self.resolver
    let results = await withTaskGroup(of: (Int, Result<[DNSRecordData], DNSError>).self) { group in
      for (index, name) in names.enumerated() {
        group.addTask {
          // Pair after the await (see `DNSResolver.outcome(of:)`, issue 9).
          let outcome = await resolver.outcome(of: DNSQuestion(name: name, type: type))
          return (index, outcome)
        }
      }
      var results = [Result<[DNSRecordData], DNSError>](repeating: .success([]), count: names.count)
      for await (index, result) in group { results[index] = result }
      return results
    }
    return results.map { Self.answer($0, type: type) }
  }

  private static func answer(_ result: Result<[DNSRecordData], DNSError>, type: DNSRecordType) -> Answer {
    switch result {
    case .failure(.nameError): return .void("NXDOMAIN")
    case .failure(let error): return .failure(error)
    case .success(let records):
      let matching = records.filter { $0.type == type }
      return matching.isEmpty ? .void("no \(type.rawValue) records") : .records(matching)
    }
  }
}

extension DNSRecordData {
  /// The record type of the data; TXT data answers SPF-type questions too, but evaluation never asks.
  var type: DNSRecordType {
    switch self {
    case .a: .a
    case .aaaa: .aaaa
    case .mx: .mx
    case .txt: .txt
    case .ptr: .ptr
    }
  }
}
