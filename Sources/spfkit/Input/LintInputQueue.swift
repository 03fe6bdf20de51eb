import Foundation

/// Lint inputs handed from a reading thread to the linting one, in batches. The reader waits while
/// `capacity` batches are waiting, so memory stays bounded however fast it reads.
final class LintInputQueue: @unchecked Sendable {  // all state is guarded by `condition`
  /// Inputs per batch: one lock round trip for many owners. With 256 per batch and 4 waiting, the
  /// million-line bench zone peaked 10 MB higher and ran no faster.
  static let batchSize = 64
  /// Batches waiting at most: enough that the reader rarely waits while the pipeline writes a batch.
  /// Each waiting owner holds its records; 32 batches raised the bench zone's peak RSS from 43 MB
  /// to 73 MB for no gain in time.
  static let capacity = 4

  private let condition = NSCondition()
  private var batches: [[LintInput]] = []
  private var isFinished = false
  private var error: LintInputError?

  /// Adds a batch (nothing if empty), waiting while the queue is full.
  func put(_ batch: [LintInput]) {
    guard !batch.isEmpty else { return }
    condition.lock()
    defer { condition.unlock() }
    while batches.count >= Self.capacity { condition.wait() }
    batches.append(batch)
    condition.broadcast()
  }

  /// Ends the queue: no batch follows; `error` stopped the reading, if any.
  func finish(_ error: LintInputError?) {
    condition.lock()
    defer { condition.unlock() }
    isFinished = true
    self.error = error
    condition.broadcast()
  }

  /// The next batch, waiting for it; nil once the queue is finished and empty.
  func take() -> [LintInput]? {
    condition.lock()
    defer { condition.unlock() }
    while batches.isEmpty, !isFinished { condition.wait() }
    guard !batches.isEmpty else { return nil }
    condition.broadcast()
    return batches.removeFirst()
  }

  /// What stopped the reading, once finished.
  var failure: LintInputError? {
    condition.lock()
    defer { condition.unlock() }
    return error
  }
}
