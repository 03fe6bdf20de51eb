import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// What the reading thread hands the server.
enum InboxEvent: Sendable {
  /// One message body.
  case message([UInt8])
  /// Bytes that were not a message.
  case malformed(String)
  /// The client closed standard input.
  case end
  /// A document version's names linted again with their include trees resolved over DNS.
  case resolved(uri: String, version: Int, names: [LintedName])
}

/// Events from the reading thread, taken by the server with an optional deadline (the debounce of
/// diagnostics waits for the next message or the deadline, whichever comes first).
final class Inbox: @unchecked Sendable {  // all state is guarded by `condition`
  private let condition = NSCondition()
  private var events: [InboxEvent] = []

  func put(_ event: InboxEvent) {
    condition.lock()
    defer { condition.unlock() }
    events.append(event)
    condition.broadcast()
  }

  /// The next event, waiting for it until `deadline` (forever when nil); nil at the deadline.
  func take(until deadline: Date?) -> InboxEvent? {
    condition.lock()
    defer { condition.unlock() }
    while events.isEmpty {
      if let deadline {
        guard condition.wait(until: deadline) || !events.isEmpty else { return nil }
      } else {
        condition.wait()
      }
    }
    return events.removeFirst()
  }
}

/// JSON-RPC over a pair of file descriptors with `Content-Length` framing (LSP 3.17 "Base Protocol").
struct LSPTransport: Sendable {
  let input: Int32
  let output: Int32

  /// Starts the thread that reads `input` into `inbox` until the end of the stream.
  func startReading(into inbox: Inbox) {
    let descriptor = input
    Thread {
      var framer = MessageFramer()
      var chunk = [UInt8](repeating: 0, count: 1 << 16)
      while true {
        let count = chunk.withUnsafeMutableBytes { raw in read(descriptor, raw.baseAddress, raw.count) }
        if count < 0, errno == EINTR { continue }
        guard count > 0 else { break }
        framer.append(Array(chunk[0..<count]))
        while let frame = framer.next() {
          switch frame {
          case .body(let body): inbox.put(.message(body))
          case .malformed(let reason): inbox.put(.malformed(reason))
          }
        }
      }
      inbox.put(.end)
    }.start()
  }

  /// Writes one message with its header, retrying short writes; a closed pipe is ignored.
  func send(_ message: JSONValue) {
    let body = Array(message.serialized.utf8)
    var bytes = Array("Content-Length: \(body.count)\r\n\r\n".utf8)
    bytes += body
    var offset = 0
    bytes.withUnsafeBytes { raw in
      while offset < raw.count {
        let written = write(output, raw.baseAddress! + offset, raw.count - offset)
        if written < 0, errno == EINTR { continue }
        guard written > 0 else { return }
        offset += written
      }
    }
  }
}
