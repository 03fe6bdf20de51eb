import Glibc
import SPFKit

/// One query over UDP (RFC 1035 §4.2.1): send a datagram, then read datagrams until one answers it.
///
/// Datagrams that are no answer to the query (wrong ID, not a response, another question) are dropped
/// and the wait goes on until the deadline; the connected socket already drops datagrams from any
/// other address or port.
final class UDPExchange: PolledExchange, @unchecked Sendable {
  /// The largest datagram read (a UDP payload cannot be larger).
  private static let receiveCapacity = 65_535
  /// How many datagrams one wake-up reads at most, so a flood cannot hold the loop.
  private static let datagramsPerWakeUp = 32

  private let socket: Socket
  private let query: DNSMessage
  let deadline: ContinuousClock.Instant

  /// Opens a socket to `server` and sends `query`.
  init(query: DNSMessage, to server: DNSServer, deadline: ContinuousClock.Instant) throws(DNSError) {
    let bytes: [UInt8]
    do throws(DNSWireError) { bytes = try query.encoded() } catch { throw .other("cannot encode the query: \(error)") }
    (socket, _) = try Socket.open(.udp, to: server)
    self.query = query
    self.deadline = deadline
    if case .failed(let code) = socket.send(bytes[...]) {
      socket.close()
      throw .other("cannot send to \(server): \(Socket.describe(code))")
    }
  }

  var descriptor: Int32 { socket.descriptor }
  var events: Int16 { Int16(POLLIN) }

  func advance(_ revents: Int16) -> Result<DNSMessage, DNSError>? {
    for _ in 0..<UDPExchange.datagramsPerWakeUp {
      let (datagram, transfer) = socket.receive(capacity: UDPExchange.receiveCapacity)
      switch transfer {
      case .wouldBlock:
        return nil
      case .failed(let code):
        if code == ECONNREFUSED { return .failure(.other("no DNS server at \(socket.server) (connection refused)")) }
        return .failure(.other("cannot receive from \(socket.server): \(Socket.describe(code))"))
      case .closed, .bytes:
        switch query.verdict(onResponse: datagram) {
        case .drop: continue
        case .accept(let response): return .success(response)
        case .reject(let error): return .failure(error)
        }
      }
    }
    return nil
  }

  func close() { socket.close() }
}
