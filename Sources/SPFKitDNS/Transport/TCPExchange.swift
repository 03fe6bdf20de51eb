import Glibc
import SPFKit

/// One query over TCP (RFC 1035 §4.2.2, RFC 7766 §8): connect, write the message after its 2-byte
/// length, read the 2-byte length and the answer, one query per connection.
final class TCPExchange: PolledExchange, @unchecked Sendable {
  private enum Stage {
    case connecting
    case writing(sent: Int)
    case reading
  }

  private let socket: Socket
  private let query: DNSMessage
  /// The query after its 2-byte length.
  private let frame: [UInt8]
  private var stage: Stage
  /// The bytes read so far: the 2-byte length, then the answer.
  private var received: [UInt8] = []
  let deadline: ContinuousClock.Instant

  /// Opens a socket to `server` and starts connecting; the query is written once connected.
  init(query: DNSMessage, to server: DNSServer, deadline: ContinuousClock.Instant) throws(DNSError) {
    let bytes: [UInt8]
    do throws(DNSWireError) { bytes = try query.encoded() } catch { throw .other("cannot encode the query: \(error)") }
    guard bytes.count <= Int(UInt16.max) else { throw .other("query longer than 65535 octets") }
    frame = [UInt8(bytes.count >> 8), UInt8(bytes.count & 0xFF)] + bytes
    let connected: Bool
    (socket, connected) = try Socket.open(.tcp, to: server)
    stage = connected ? .writing(sent: 0) : .connecting
    self.query = query
    self.deadline = deadline
  }

  var descriptor: Int32 { socket.descriptor }

  var events: Int16 {
    if case .reading = stage { return Int16(POLLIN) }
    return Int16(POLLOUT)
  }

  func advance(_ revents: Int16) -> Result<DNSMessage, DNSError>? {
    switch stage {
    case .connecting:
      let code = socket.pendingError()
      guard code == 0 else {
        return .failure(.other("cannot connect to \(socket.server) over TCP: \(Socket.describe(code))"))
      }
      stage = .writing(sent: 0)
      return write(from: 0)
    case .writing(let sent):
      return write(from: sent)
    case .reading:
      return read()
    }
  }

  private func write(from sent: Int) -> Result<DNSMessage, DNSError>? {
    switch socket.send(frame[sent...]) {
    case .bytes(let count) where sent + count == frame.count:
      stage = .reading
    case .bytes(let count):
      stage = .writing(sent: sent + count)
    case .wouldBlock, .closed:
      stage = .writing(sent: sent)
    case .failed(let code):
      return .failure(.other("cannot send to \(socket.server) over TCP: \(Socket.describe(code))"))
    }
    return nil
  }

  private func read() -> Result<DNSMessage, DNSError>? {
    let expected = received.count >= 2 ? 2 + (Int(received[0]) << 8 | Int(received[1])) : 2
    let (bytes, transfer) = socket.receive(capacity: expected - received.count)
    switch transfer {
    case .wouldBlock:
      return nil
    case .closed:
      return .failure(.other("\(socket.server) closed the TCP connection before the answer was complete"))
    case .failed(let code):
      return .failure(.other("cannot receive from \(socket.server) over TCP: \(Socket.describe(code))"))
    case .bytes:
      received += bytes
    }
    guard received.count >= 2, received.count == 2 + (Int(received[0]) << 8 | Int(received[1])) else { return nil }
    switch query.verdict(onResponse: Array(received.dropFirst(2))) {
    case .accept(let response): return .success(response)
    case .reject(let error): return .failure(error)
    case .drop: return .failure(.malformed("the TCP answer from \(socket.server) does not match the query"))
    }
  }

  func close() { socket.close() }
}
