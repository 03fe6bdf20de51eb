/// One `NamedServer` shared by many tests: started on first use, reused after, terminated at exit.
///
/// ```swift
/// static let dns = NamedFixture(zones: [...])
/// @Test func txt() async throws { let server = try await Self.dns.server() ... }
/// ```
public actor NamedFixture {
  /// The zones the server serves.
  public nonisolated let zones: [NamedZone]
  /// Extra `options { }` lines.
  public nonisolated let options: [String]
  private var start: Task<Result<NamedServer, NamedServerError>, Never>?

  /// Describes the server; nothing starts until `server()`.
  public init(zones: [NamedZone], options: [String] = []) {
    self.zones = zones
    self.options = options
  }

  /// The running server, started on the first call; a failed start fails every call the same way.
  /// Concurrent first calls share one start.
  public func server() async throws(NamedServerError) -> NamedServer {
    if let start { return try await start.value.get() }
    let (zones, options) = (zones, options)
    let start = Task { () -> Result<NamedServer, NamedServerError> in
      do throws(NamedServerError) {
        return .success(try await NamedServer(zones: zones, options: options))
      } catch {
        return .failure(error)
      }
    }
    self.start = start
    return try await start.value.get()
  }
}
