/// A resolver that answers from an in-memory layer first and from a fallback for the rest.
///
/// This is `--dns-zone FILE`: the draft zone answers for the names it holds, live DNS for every other
/// name, so a policy can be evaluated before it is published.
public struct LayeredResolver: DNSResolver, Sendable {
  /// What the first layer decides.
  public enum Scope: Hashable, Sendable {
    /// Every question about a name the first layer holds (data of any type, or a failure) is answered
    /// there, NODATA included; other names go to the fallback. This is how an authoritative zone
    /// behaves, and the default.
    case name
    /// Only questions the first layer holds an answer for are answered there; a draft that lists TXT
    /// records only still reads MX and A records from the fallback.
    case question
  }

  /// The layer asked first.
  public let first: InMemoryResolver
  /// The resolver asked when the first layer does not hold the question.
  public let fallback: any DNSResolver
  /// What the first layer decides.
  public let scope: Scope

  /// Creates a layering of `first` over `fallback`.
  public init(_ first: InMemoryResolver, over fallback: any DNSResolver, scope: Scope = .name) {
    self.first = first
    self.fallback = fallback
    self.scope = scope
  }

  /// Answers from the first layer when it holds the question's name (or the question, per `scope`),
  /// else from the fallback.
  public func resolve(_ question: DNSQuestion) async throws(DNSError) -> [DNSRecordData] {
    let held =
      switch scope {
      case .name: first.knows(name: question.name)
      case .question: first.knows(question)
      }
    return held ? try first.answer(question) : try await fallback.resolve(question)
  }
}
