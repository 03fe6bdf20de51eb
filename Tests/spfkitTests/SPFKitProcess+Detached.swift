import Foundation

extension SPFKitProcess {
  /// `run(_:)` for async tests: the child is run and waited for on a thread of its own.
  ///
  /// `run(_:)` blocks while the child runs; called from an async test it would hold one of the few
  /// threads Swift concurrency shares between every test running at once (as many as cores), and
  /// starve the others (timing tests of the resolver fail).
  static func run(detached arguments: [String]) async throws -> Output {
    try await withCheckedThrowingContinuation { continuation in
      Thread { continuation.resume(with: Result { try run(arguments) }) }.start()
    }
  }
}
