import Foundation
import Glibc

/// A socket bound to a loopback address (`127.0.0.1` or `::1`), for fake DNS servers in tests and for
/// probing `named`. It never talks to any other address.
public final class LoopbackSocket: @unchecked Sendable {
  /// The loopback address a socket binds to.
  public enum Family: Sendable {
    case ipv4
    case ipv6
  }

  /// The transport protocol.
  public enum Kind: Sendable {
    case udp
    case tcp
  }

  /// A peer's address and port, as `recvfrom(2)` gave it.
  public struct Peer: Sendable {
    fileprivate var storage: sockaddr_storage
    fileprivate var length: socklen_t
  }

  /// The file descriptor.
  public let descriptor: Int32
  /// The family bound.
  public let family: Family
  /// The port bound (the kernel's choice when 0 was asked for).
  public let port: UInt16

  /// Opens a socket bound to the loopback address of `family` at `port` (0: any free port).
  /// - Throws: `NamedServerError` with the system's reason when the socket cannot be bound.
  public init(_ family: Family = .ipv4, kind: Kind = .udp, port: UInt16 = 0) throws(NamedServerError) {
    let domain = family == .ipv4 ? AF_INET : AF_INET6
    let type = kind == .udp ? Int32(SOCK_DGRAM.rawValue) : Int32(SOCK_STREAM.rawValue)
    let descriptor = socket(domain, type | Int32(SOCK_CLOEXEC.rawValue), 0)
    guard descriptor >= 0 else { throw NamedServerError("cannot open a socket: \(String(cString: strerror(errno)))") }
    var storage = LoopbackSocket.loopback(family, port: port)
    let length = socklen_t(family == .ipv4 ? MemoryLayout<sockaddr_in>.size : MemoryLayout<sockaddr_in6>.size)
    let bound = withUnsafePointer(to: &storage) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
    }
    guard bound == 0 else {
      let reason = String(cString: strerror(errno))
      close(descriptor)
      throw NamedServerError("cannot bind a loopback socket to port \(port): \(reason)")
    }
    var local = sockaddr_storage()
    var localLength = socklen_t(MemoryLayout<sockaddr_storage>.size)
    _ = withUnsafeMutablePointer(to: &local) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &localLength) }
    }
    self.descriptor = descriptor
    self.family = family
    self.port = LoopbackSocket.port(of: local)
  }

  deinit { close(descriptor) }

  /// Waits up to `timeout` for one datagram; nil when none came.
  public func receive(timeout: Duration) -> (bytes: [UInt8], from: Peer)? {
    var pending = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
    let (seconds, attoseconds) = timeout.components
    guard poll(&pending, 1, Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000)) > 0 else {
      return nil
    }
    var buffer = [UInt8](repeating: 0, count: 65_535)
    var peer = Peer(storage: sockaddr_storage(), length: socklen_t(MemoryLayout<sockaddr_storage>.size))
    let count = buffer.withUnsafeMutableBytes { raw in
      withUnsafeMutablePointer(to: &peer.storage) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
          recvfrom(descriptor, raw.baseAddress, raw.count, Int32(MSG_DONTWAIT), $0, &peer.length)
        }
      }
    }
    guard count >= 0 else { return nil }
    return (Array(buffer[..<count]), peer)
  }

  /// Sends one datagram to `peer`; returns whether it was sent whole.
  @discardableResult
  public func send(_ bytes: [UInt8], to peer: Peer) -> Bool {
    var peer = peer
    let sent = bytes.withUnsafeBytes { raw in
      withUnsafePointer(to: &peer.storage) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
          sendto(descriptor, raw.baseAddress, raw.count, Int32(MSG_NOSIGNAL), $0, peer.length)
        }
      }
    }
    return sent == bytes.count
  }

  /// Sends one datagram to the loopback address of this socket's family at `port`.
  @discardableResult
  public func send(_ bytes: [UInt8], toPort port: UInt16) -> Bool {
    let storage = LoopbackSocket.loopback(family, port: port)
    let length = socklen_t(family == .ipv4 ? MemoryLayout<sockaddr_in>.size : MemoryLayout<sockaddr_in6>.size)
    return send(bytes, to: Peer(storage: storage, length: length))
  }

  private static func loopback(_ family: Family, port: UInt16) -> sockaddr_storage {
    var storage = sockaddr_storage()
    withUnsafeMutablePointer(to: &storage) { pointer in
      switch family {
      case .ipv4:
        pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) {
          $0.pointee.sin_family = sa_family_t(AF_INET)
          $0.pointee.sin_port = port.bigEndian
          $0.pointee.sin_addr = in_addr(s_addr: UInt32(0x7F00_0001).bigEndian)
        }
      case .ipv6:
        pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) {
          $0.pointee.sin6_family = sa_family_t(AF_INET6)
          $0.pointee.sin6_port = port.bigEndian
          $0.pointee.sin6_addr = in6addr_loopback
        }
      }
    }
    return storage
  }

  private static func port(of storage: sockaddr_storage) -> UInt16 {
    var storage = storage
    let family = storage.ss_family
    return withUnsafePointer(to: &storage) { pointer in
      if family == sa_family_t(AF_INET) {
        return pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin_port) }
      }
      return pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin6_port) }
    }
  }
}
