import Foundation
import SPFKit
import SPFKitDNS
import SPFKitTestSupport

/// A test-owned UDP DNS server on `127.0.0.1`: a thread reads queries and sends what the handler
/// returns, possibly nothing (a server that never answers) or datagrams from another socket (spoofs).
final class FakeDNSServer: @unchecked Sendable {
  /// One datagram to send back.
  enum Reply: Sendable {
    /// Sent from the server's own address and port.
    case datagram([UInt8])
    /// Sent from another loopback port: the resolver must not take it for the answer.
    case fromOtherPort([UInt8])
  }

  /// What the serving thread and the test share; the thread holds this, not the server, so that
  /// releasing the server stops the thread.
  private final class State: @unchecked Sendable {
    let lock = NSLock()
    var queries: [DNSMessage] = []
    var running = true
    let finished = DispatchSemaphore(value: 0)
  }

  private let socket: LoopbackSocket
  private let state = State()

  /// Starts answering each query with `handler(query)`.
  init(handler: @escaping @Sendable (DNSMessage) -> [Reply]) throws {
    let socket = try LoopbackSocket(.ipv4)
    let spoofer = try LoopbackSocket(.ipv4)
    self.socket = socket
    let state = state
    Thread { FakeDNSServer.serve(socket, spoofer, state, handler) }.start()
  }

  /// A server that reads queries and never answers.
  static func silent() throws -> FakeDNSServer { try FakeDNSServer { _ in [] } }

  deinit { stop() }

  /// The address to configure the resolver with.
  var server: DNSServer { DNSServer(address: .v4(IPv4Address(127, 0, 0, 1)), port: socket.port) }

  /// The queries received so far.
  var receivedQueries: [DNSMessage] { state.lock.withLock { state.queries } }

  /// Stops the thread and waits for it.
  func stop() {
    let wasRunning = state.lock.withLock {
      defer { state.running = false }
      return state.running
    }
    if wasRunning { state.finished.wait() }
  }

  private static func serve(
    _ socket: LoopbackSocket, _ spoofer: LoopbackSocket, _ state: State, _ handler: (DNSMessage) -> [Reply]
  ) {
    defer { state.finished.signal() }
    while state.lock.withLock({ state.running }) {
      guard let (bytes, peer) = socket.receive(timeout: .milliseconds(20)),
        let query = try? DNSMessage(decoding: bytes)
      else { continue }
      state.lock.withLock { state.queries.append(query) }
      for reply in handler(query) {
        switch reply {
        case .datagram(let bytes): socket.send(bytes, to: peer)
        case .fromOtherPort(let bytes): spoofer.send(bytes, to: peer)
        }
      }
    }
  }
}
