import SPFKit

/// A stub resolver over UDP and TCP sockets: it sends each question with RD=1 to a recursive server
/// (from `/etc/resolv.conf` or `--server`) and reads the answer.
///
/// - UDP first, with an EDNS(0) OPT record advertising 1232 octets (RFC 6891 §6.2.5; the DNS flag day
///   2020 size); a truncated answer (TC=1) is asked again over TCP (RFC 7766 §5). A FORMERR answer to
///   the EDNS query is asked again without EDNS (RFC 6891 §7).
/// - Every attempt has a new random ID; answers with another ID, question or source are ignored.
/// - `timeout` bounds each attempt; on a timeout or a network error the next server is tried, up to
///   `attempts` servers. Past `deadline`, every question fails with `.timeout` at once.
///
/// The resolver is a value: copies share the process's single poll thread, and any number of queries
/// may be in flight at once.
public struct SocketResolver: DNSResolver, Sendable {
  /// How the resolver reaches its servers.
  public struct Configuration: Hashable, Sendable {
    /// The servers, tried in order.
    public var servers: [DNSServer]
    /// The time one exchange (one server, UDP, and again for a TCP retry) may take; read as at most
    /// one day.
    public var timeout: Duration
    /// When the whole run ends: every question asked later fails with `.timeout` at once.
    public var deadline: ContinuousClock.Instant?
    /// How many servers one question tries, one after another, when an attempt times out or fails.
    public var attempts: Int
    /// The UDP payload size advertised with EDNS(0), in octets; nil sends no OPT record.
    public var udpPayloadSize: UInt16?

    /// Creates a configuration; `attempts` of 2 means "retry once on the next server".
    public init(
      servers: [DNSServer], timeout: Duration = .seconds(3), deadline: ContinuousClock.Instant? = nil,
      attempts: Int = 2, udpPayloadSize: UInt16? = 1232
    ) {
      self.servers = servers
      self.timeout = timeout
      self.deadline = deadline
      self.attempts = attempts
      self.udpPayloadSize = udpPayloadSize
    }
  }

  /// The longest timeout of one exchange: longer ones are shortened to it.
  static let longestTimeout = Duration.seconds(86_400)

  /// The configuration in use.
  public let configuration: Configuration

  /// Creates a resolver.
  public init(configuration: Configuration) {
    self.configuration = configuration
  }

  /// Creates a resolver for `servers`.
  public init(servers: [DNSServer], timeout: Duration = .seconds(3), deadline: ContinuousClock.Instant? = nil) {
    self.init(configuration: Configuration(servers: servers, timeout: timeout, deadline: deadline))
  }

  /// A resolver for the servers of a resolv.conf file (the local machine's when it lists none).
  /// - Throws: `DNSConfigurationError` when the file cannot be read.
  public static func system(
    resolvConf path: String = ResolvConf.defaultPath, timeout: Duration = .seconds(3),
    deadline: ContinuousClock.Instant? = nil
  ) throws(DNSConfigurationError) -> SocketResolver {
    let servers = try ResolvConf.load(path: path).effectiveServers
    return SocketResolver(servers: servers, timeout: timeout, deadline: deadline)
  }

  /// The answer records of `question`; see `DNSMessage.answer(to:)` for how a response reads.
  public func resolve(_ question: DNSQuestion) async throws(DNSError) -> [DNSRecordData] {
    try await response(to: question).answer(to: question)
  }

  /// The whole response message to `question`, whatever its response code.
  public func response(to question: DNSQuestion) async throws(DNSError) -> DNSMessage {
    let wireQuestion = try DNSMessage.wireQuestion(for: question)
    guard !configuration.servers.isEmpty else { throw .other("no DNS server configured") }
    var lastError = DNSError.timeout
    for server in configuration.servers.prefix(max(1, configuration.attempts)) {
      do throws(DNSError) {
        return try await attempt(wireQuestion, with: server)
      } catch {
        lastError = error
        if Task.isCancelled || isPastDeadline { break }
      }
    }
    throw lastError
  }

  /// One server's attempt: UDP, then TCP if truncated, then without EDNS if EDNS was not understood.
  private func attempt(_ question: DNSMessage.Question, with server: DNSServer) async throws(DNSError) -> DNSMessage {
    var payloadSize = configuration.udpPayloadSize
    while true {
      var response = try await exchange(question, payloadSize: payloadSize, with: server, over: .udp)
      if response.isTruncated {
        response = try await exchange(question, payloadSize: payloadSize, with: server, over: .tcp)
      }
      if payloadSize != nil, response.extendedResponseCode == 1, response.optRecord == nil {
        payloadSize = nil
        continue
      }
      return response
    }
  }

  private func exchange(
    _ question: DNSMessage.Question, payloadSize: UInt16?, with server: DNSServer, over kind: Socket.Kind
  ) async throws(DNSError) -> DNSMessage {
    let loop = try PollLoop.shared.get()
    guard !isPastDeadline else { throw .timeout }
    var deadline = ContinuousClock.now + min(max(configuration.timeout, .zero), SocketResolver.longestTimeout)
    if let global = configuration.deadline, global < deadline { deadline = global }
    let query = DNSMessage.query(id: UInt16.random(in: 0...UInt16.max), question: question, udpPayloadSize: payloadSize)
    let exchange: any PolledExchange =
      switch kind {
      case .udp: try UDPExchange(query: query, to: server, deadline: deadline)
      case .tcp: try TCPExchange(query: query, to: server, deadline: deadline)
      }
    return try await loop.perform(exchange).get()
  }

  private var isPastDeadline: Bool {
    guard let deadline = configuration.deadline else { return false }
    return ContinuousClock.now >= deadline
  }
}
