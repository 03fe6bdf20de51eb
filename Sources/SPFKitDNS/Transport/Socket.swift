import Glibc
import SPFKit

/// A non-blocking, close-on-exec socket connected to one DNS server, and the few calls the transports
/// make on it. Connecting a UDP socket makes the kernel drop datagrams from any other address or port.
struct Socket {
  /// The transport protocol.
  enum Kind {
    case udp
    case tcp
  }

  /// The outcome of one non-blocking read or write.
  enum Transfer {
    /// This many bytes moved.
    case bytes(Int)
    /// Nothing to do now (`EAGAIN`): wait for poll(2).
    case wouldBlock
    /// The peer closed the stream (a read of 0 bytes on TCP).
    case closed
    /// The call failed with this `errno`.
    case failed(Int32)
  }

  /// The file descriptor.
  let descriptor: Int32
  /// The server the socket is connected to, for messages.
  let server: DNSServer

  /// Opens a socket to `server` and starts connecting; returns it and whether the connection is
  /// complete (always for UDP; TCP usually completes later, reported by `POLLOUT`).
  static func open(_ kind: Kind, to server: DNSServer) throws(DNSError) -> (Socket, connected: Bool) {
    let family = if case .v4 = server.address { AF_INET } else { AF_INET6 }
    let type =
      (kind == .udp ? Int32(SOCK_DGRAM.rawValue) : Int32(SOCK_STREAM.rawValue))
      | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
    let descriptor = Glibc.socket(family, type, 0)
    guard descriptor >= 0 else { throw .other("cannot open a socket: \(Socket.describe(errno))") }
    let socket = Socket(descriptor: descriptor, server: server)
    let result = server.withSocketAddress { Glibc.connect(descriptor, $0, $1) }
    if result == 0 { return (socket, true) }
    let code = errno
    if code == EINPROGRESS { return (socket, false) }
    socket.close()
    throw .other("cannot connect to \(server): \(Socket.describe(code))")
  }

  /// Sends bytes (a datagram for UDP, part of the stream for TCP); never raises SIGPIPE.
  func send(_ bytes: ArraySlice<UInt8>) -> Transfer {
    let count = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    return Socket.transfer(count)
  }

  /// Receives up to `capacity` bytes (one datagram for UDP).
  func receive(capacity: Int) -> ([UInt8], Transfer) {
    var buffer = [UInt8](repeating: 0, count: capacity)
    let count = buffer.withUnsafeMutableBytes { Glibc.recv(descriptor, $0.baseAddress, $0.count, 0) }
    let transfer = Socket.transfer(count)
    if case .bytes(let received) = transfer { buffer.removeSubrange(received...) } else { buffer = [] }
    return (buffer, transfer)
  }

  /// The error of a connection attempt that poll(2) reported finished (`SO_ERROR`); 0 when connected.
  func pendingError() -> Int32 {
    var code: Int32 = 0
    var length = socklen_t(MemoryLayout<Int32>.size)
    guard getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &code, &length) == 0 else { return errno }
    return code
  }

  func close() { _ = Glibc.close(descriptor) }

  private static func transfer(_ count: Int) -> Transfer {
    if count > 0 { return .bytes(count) }
    if count == 0 { return .closed }
    let code = errno
    return code == EAGAIN || code == EWOULDBLOCK || code == EINTR ? .wouldBlock : .failed(code)
  }

  /// The text of an `errno` value, lowercase as the C library writes it.
  static func describe(_ code: Int32) -> String {
    guard let text = strerror(code) else { return "error \(code)" }
    let message = String(cString: text)
    return message.prefix(1).lowercased() + message.dropFirst()
  }
}

extension DNSServer {
  /// Calls `body` with this server as a `sockaddr` and its length.
  func withSocketAddress<Result>(_ body: (UnsafePointer<sockaddr>, socklen_t) -> Result) -> Result {
    switch address {
    case .v4(let ipv4):
      var storage = sockaddr_in()
      storage.sin_family = sa_family_t(AF_INET)
      storage.sin_port = port.bigEndian
      storage.sin_addr = in_addr(s_addr: ipv4.value.bigEndian)
      return withUnsafePointer(to: &storage) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
      }
    case .v6(let ipv6):
      var storage = sockaddr_in6()
      storage.sin6_family = sa_family_t(AF_INET6)
      storage.sin6_port = port.bigEndian
      withUnsafeMutableBytes(of: &storage.sin6_addr) { raw in
        for index in 0..<16 { raw[index] = UInt8(truncatingIfNeeded: ipv6.value >> (120 - 8 * UInt128(index))) }
      }
      return withUnsafePointer(to: &storage) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(MemoryLayout<sockaddr_in6>.size)) }
      }
    }
  }
}
