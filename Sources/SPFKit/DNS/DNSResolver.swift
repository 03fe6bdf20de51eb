/// The DNS record types SPF evaluation and diagnosis query (RFC 7208 §4.6.4, §5).
public enum DNSRecordType: String, Hashable, Sendable, CaseIterable {
  case a = "A"
  case aaaa = "AAAA"
  case mx = "MX"
  case txt = "TXT"
  case ptr = "PTR"
  /// The obsolete SPF type 99 (RFC 7208 §3.1, §14.1): read only to report it.
  case spf = "SPF"

  /// The type code on the wire (RFC 1035 §3.2.2, RFC 3596, RFC 4408).
  public var code: UInt16 {
    switch self {
    case .a: 1
    case .ptr: 12
    case .mx: 15
    case .txt: 16
    case .aaaa: 28
    case .spf: 99
    }
  }
}

/// One question: a domain name and a record type.
public struct DNSQuestion: Hashable, Sendable, CustomStringConvertible {
  /// The name in lowercase ASCII with no trailing dot (`example.com`).
  public var name: String
  /// The record type asked for.
  public var type: DNSRecordType

  /// Creates a question; the name is folded to lowercase ASCII and a trailing dot removed.
  public init(name: String, type: DNSRecordType) {
    self.name = DNSQuestion.normalize(name)
    self.type = type
  }

  /// Lowercase ASCII (only A-Z fold, so byte offsets never shift) without a trailing dot.
  public static func normalize(_ name: String) -> String {
    var bytes = Array(name.utf8)
    if bytes.count > 1, bytes.last == 0x2E { bytes.removeLast() }
    for i in bytes.indices where bytes[i] >= 0x41 && bytes[i] <= 0x5A { bytes[i] |= 0x20 }
    return String(decoding: bytes, as: UTF8.self)
  }

  public var description: String { "\(name) \(type.rawValue)" }
}

/// One answer record's data.
public enum DNSRecordData: Hashable, Sendable {
  case a(IPv4Address)
  case aaaa(IPv6Address)
  /// An MX record: its preference and exchange name (lowercase, no trailing dot).
  case mx(preference: UInt16, exchange: String)
  /// A TXT (or SPF type 99) record: its character-strings.
  case txt(TXTRecord)
  /// A PTR record's target name (lowercase, no trailing dot).
  case ptr(String)
}

/// Why a query gave no answer: the outcomes RFC 7208 §2.6.6 and §4.4 tell apart.
public enum DNSError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The name does not exist (RCODE 3).
  case nameError
  /// The server refused to answer (RCODE 5).
  case refused
  /// The server failed (RCODE 2).
  case serverFailure
  /// No answer within the time allowed.
  case timeout
  /// An answer that could not be read or did not match the question; the reason says how.
  case malformed(String)
  /// Any other error: the RCODE, or a reason such as no server reachable.
  case other(String)

  public var description: String {
    switch self {
    case .nameError: "NXDOMAIN"
    case .refused: "REFUSED"
    case .serverFailure: "SERVFAIL"
    case .timeout: "timeout"
    case .malformed(let reason): "malformed answer: \(reason)"
    case .other(let reason): reason
    }
  }
}

/// Answers DNS questions: the socket resolver of SPFKitDNS, the in-memory resolver for fixtures and
/// `--dns-zone`, or a layering of both.
public protocol DNSResolver: Sendable {
  /// The answer records of one question; an empty array means the name exists but has no data of
  /// that type (NODATA). Failures are typed.
  func resolve(_ question: DNSQuestion) async throws(DNSError) -> [DNSRecordData]
}

extension DNSResolver {
  /// The outcome of `question` as a value, for task groups and tasks that must not throw.
  ///
  /// Callers that pair the outcome with other values (a tuple such as `(question, outcome)`) must form
  /// the pair *after* this call returns. Swift 6.3.1 at `-O` miscompiles a closure with a generic
  /// result that writes a tuple element before a suspending `try await` and again in its `catch`:
  /// dead-store elimination runs before the coroutine split and drops the first write, so the
  /// element comes back uninitialised (issue 9: garbage dictionary keys, heap corruption in release
  /// builds only). Keeping the `do`/`catch` in here, returning a `Result` alone, avoids that shape.
  public func outcome(of question: DNSQuestion) async -> Result<[DNSRecordData], DNSError> {
    do throws(DNSError) {
      return .success(try await resolve(question))
    } catch {
      return .failure(error)
    }
  }
}
