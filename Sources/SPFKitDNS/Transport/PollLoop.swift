import Foundation
import Glibc
import SPFKit

/// A socket conversation the poll loop drives: it says what to wait for and advances when ready.
///
/// An exchange is built on the caller's task, then touched only by the loop thread.
protocol PolledExchange: AnyObject, Sendable {
  /// The socket to poll.
  var descriptor: Int32 { get }
  /// The poll(2) events awaited now: `POLLIN` or `POLLOUT`.
  var events: Int16 { get }
  /// When the exchange ends with `.timeout`.
  var deadline: ContinuousClock.Instant { get }
  /// Advances on `revents`; returns the outcome once the exchange is finished, nil to keep waiting.
  func advance(_ revents: Int16) -> Result<DNSMessage, DNSError>?
  /// Releases the socket; called once, after the outcome.
  func close()
}

/// One thread that waits on the sockets of every in-flight exchange with poll(2).
///
/// Queries wait in a continuation, not on a thread: any number of them can be in flight, and the
/// cooperative thread pool never blocks on a socket. A socket pair wakes the thread when an exchange
/// arrives or a task is cancelled.
final class PollLoop: @unchecked Sendable {
  /// The loop shared by every resolver of the process, started on first use; an error if the wake-up
  /// socket pair cannot be made.
  static let shared: Result<PollLoop, DNSError> = Result { () throws(DNSError) in try PollLoop() }

  /// The longest single poll(2) wait, in milliseconds; deadlines are rechecked at least this often.
  private static let maximumWait: Int32 = 1000

  private let lock = NSLock()
  /// Exchanges handed over and not yet picked up by the thread; guarded by `lock`.
  private var arrivals: [Entry] = []
  private let wakeReceiver: Int32
  private let wakeSender: Int32

  private init() throws(DNSError) {
    var pair: [Int32] = [-1, -1]
    let type = Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
    guard socketpair(AF_UNIX, type, 0, &pair) == 0 else {
      throw .other("cannot start the dns poll loop: \(Socket.describe(errno))")
    }
    (wakeReceiver, wakeSender) = (pair[0], pair[1])
    let thread = Thread { [self] in run() }
    thread.name = "spfkit-dns-poll"
    thread.start()
  }

  /// Drives `exchange` to its outcome; cancelling the task ends it with `.other("query cancelled")`.
  func perform(_ exchange: any PolledExchange) async -> Result<DNSMessage, DNSError> {
    let cancellation = Cancellation()
    return await withTaskCancellationHandler {
      await withCheckedContinuation { continuation in
        lock.withLock {
          arrivals.append(Entry(exchange: exchange, continuation: continuation, cancellation: cancellation))
        }
        wake()
      }
    } onCancel: {
      cancellation.cancel()
      wake()
    }
  }

  private func wake() {
    var byte: UInt8 = 1
    _ = Glibc.send(wakeSender, &byte, 1, Int32(MSG_NOSIGNAL))
  }

  private func run() {
    var active: [Entry] = []
    while true {
      active += lock.withLock {
        defer { arrivals.removeAll() }
        return arrivals
      }
      let now = ContinuousClock.now
      active.removeAll { entry in
        if entry.cancellation.isCancelled {
          entry.finish(.failure(.other("query cancelled")))
        } else if entry.exchange.deadline <= now {
          entry.finish(.failure(.timeout))
        } else {
          return false
        }
        return true
      }
      var descriptors = [pollfd(fd: wakeReceiver, events: Int16(POLLIN), revents: 0)]
      descriptors += active.map { pollfd(fd: $0.exchange.descriptor, events: $0.exchange.events, revents: 0) }
      let wait = active.map { PollLoop.milliseconds(from: now, to: $0.exchange.deadline) }.min() ?? -1
      let ready = poll(&descriptors, nfds_t(descriptors.count), wait)
      if ready < 0 {
        let code = errno
        if code == EINTR { continue }
        for entry in active { entry.finish(.failure(.other("poll failed: \(Socket.describe(code))"))) }
        active.removeAll()
        continue
      }
      if descriptors[0].revents != 0 { drainWakeups() }
      var waiting: [Entry] = []
      waiting.reserveCapacity(active.count)
      for (entry, descriptor) in zip(active, descriptors.dropFirst()) {
        if descriptor.revents != 0, let outcome = entry.exchange.advance(descriptor.revents) {
          entry.finish(outcome)
        } else {
          waiting.append(entry)
        }
      }
      active = waiting
    }
  }

  private func drainWakeups() {
    var buffer = [UInt8](repeating: 0, count: 64)
    while buffer.withUnsafeMutableBytes({ Glibc.recv(wakeReceiver, $0.baseAddress, $0.count, 0) }) > 0 {}
  }

  /// Milliseconds from `now` to `deadline`, rounded up, at least 1 and at most `maximumWait`.
  private static func milliseconds(from now: ContinuousClock.Instant, to deadline: ContinuousClock.Instant) -> Int32 {
    let (seconds, attoseconds) = (deadline - now).components
    if seconds >= Int64(maximumWait / 1000) + 1 { return maximumWait }
    let milliseconds = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
    return Int32(max(1, min(Int64(maximumWait), milliseconds)))
  }
}

extension PollLoop {
  /// One exchange in the loop and the task waiting for it.
  private final class Entry: @unchecked Sendable {
    let exchange: any PolledExchange
    let continuation: CheckedContinuation<Result<DNSMessage, DNSError>, Never>
    let cancellation: Cancellation

    init(
      exchange: any PolledExchange, continuation: CheckedContinuation<Result<DNSMessage, DNSError>, Never>,
      cancellation: Cancellation
    ) {
      self.exchange = exchange
      self.continuation = continuation
      self.cancellation = cancellation
    }

    /// Closes the socket and resumes the waiting task; called once.
    func finish(_ outcome: Result<DNSMessage, DNSError>) {
      exchange.close()
      continuation.resume(returning: outcome)
    }
  }

  /// A flag set by a cancelled task and read by the loop thread.
  private final class Cancellation: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false

    var isCancelled: Bool { lock.withLock { cancelled } }

    func cancel() { lock.withLock { cancelled = true } }
  }
}
