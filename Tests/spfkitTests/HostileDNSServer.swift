import Foundation
import SPFKitTestSupport

/// A loopback UDP server that answers every query with a garbled response: the query's ID and
/// question, flagged as a response claiming five answers that are not there.
final class HostileDNSServer: @unchecked Sendable {
  private let socket: LoopbackSocket
  private let lock = NSLock()
  private var stopped = false
  private var count = 0
  private var thread: Thread?

  /// The port on 127.0.0.1.
  var port: UInt16 { socket.port }
  /// How many queries were answered.
  var answered: Int { lock.withLock { count } }

  init() throws {
    socket = try LoopbackSocket(.ipv4)
    let thread = Thread { [self] in serve() }
    self.thread = thread
    thread.start()
  }

  /// Stops answering; the thread ends within 50 ms.
  func stop() { lock.withLock { stopped = true } }

  private func serve() {
    while !lock.withLock({ stopped }) {
      guard let (query, peer) = socket.receive(timeout: .milliseconds(50)), query.count >= 12 else { continue }
      var answer = query
      answer[2] = 0x81  // QR, RD
      answer[3] = 0x80  // RA, NOERROR
      answer[6] = 0
      answer[7] = 5  // ANCOUNT 5, none present
      socket.send(answer, to: peer)
      lock.withLock { count += 1 }
    }
  }
}
