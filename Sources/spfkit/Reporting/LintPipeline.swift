import Dispatch
import Foundation
import SPFKit

/// Lints a stream of inputs on several threads and reports them in input order, for `lint -` and
/// `lint --zone`, where one run may hold millions of names.
///
/// Inputs are gathered into batches of one chunk per worker, filled in turn, and each chunk
/// is linted, counted and rendered (`LintRenderer`) on one of the pipeline's own threads, while the
/// caller goes on reading the next batch. When that one is full, the previous batch's chunks are
/// awaited and written, in order, on the caller's thread: output order never depends on timing, and
/// at most two batches are in memory. With one job everything runs on the caller's thread, input by
/// input. Formats without a renderer (SARIF, GitHub) get their results back and report them in order.
final class LintPipeline {
  /// One step of the stream: a name to lint, or an input that could not be read, kept in its place
  /// so that messages and findings come out in the order of the input.
  enum Item: Sendable {
    case input(LintInput)
    case inputError(LintInputError)
    /// Inputs a worker reads itself (a part of a zone file), as heavy as a chunk of inputs.
    case source(any LintInputSource)

    /// The work, in inputs: a source counts as a chunk's worth.
    var weight: Int {
      if case .source = self { LintPipeline.chunkSize } else { 1 }
    }
  }

  /// Inputs per chunk: enough to make a hand-over to another thread cheap beside the linting (a
  /// chunk is milliseconds of work), few enough to keep the two batches in memory small.
  static let chunkSize = 256

  let linter: Linter
  let options: ReportOptions
  let reporter: any LintReporter
  /// Called on the caller's thread for each input error, in order (standard error).
  let onInputError: (LintInputError) -> Void
  /// Counts of everything written so far.
  private(set) var summary: LintSummary
  private let jobs: Int
  private let renderer: (any LintRenderer)?
  /// The chunks of the batch being gathered, the last one being filled. Items move into a chunk
  /// and out of it to be linted, never copied: a copy of an input retains and releases each of its
  /// arrays and strings (4 % of `lint -`'s profile when a full batch was sliced into chunks).
  private var batch: [[Item]] = []
  /// The work in the last chunk of `batch`, in inputs: a source counts as a chunk's worth.
  private var chunkWeight = 0
  private var running: RunningBatch?
  /// The workers, started with the first batch. Threads of their own, not Dispatch's pool: the
  /// caller is itself a thread of that pool (an async command), which is as wide as the cores, so
  /// chunks queued there would get one core fewer than the machine has.
  private var workers: WorkerThreads?
  /// One memo per thread that lints (the workers, or the caller's with one job): names that publish
  /// the same records, as most of a hosting provider's zone does, are parsed and checked once.
  private let memos: [MemoBox]
  /// While true, finished chunks are kept in `held`, not written (see `hold()`).
  private var isHolding = false
  private var held = HeldOutput()
  /// Bytes of held output in memory (`HeldOutput.memoryLimit` at most, while a file takes the rest).
  var heldMemoryBytes: Int { held.memoryBytes }
  /// Bytes of held output in a temporary file.
  var heldFileBytes: Int { held.fileBytes }

  init(
    linter: Linter, options: ReportOptions, reporter: any LintReporter, jobs: Int,
    onInputError: @escaping (LintInputError) -> Void
  ) {
    self.linter = linter
    self.options = options
    self.reporter = reporter
    self.jobs = max(1, jobs)
    self.onInputError = onInputError
    renderer = reporter.renderer
    summary = LintSummary(threshold: options.threshold)
    memos = (0..<self.jobs).map { _ in MemoBox() }
  }

  /// Adds an input to lint.
  func lint(_ input: consuming LintInput) { add(.input(input)) }

  /// Adds an input error, reported after everything added before it.
  func inputError(_ error: consuming LintInputError) { add(.inputError(error)) }

  /// Adds inputs a worker reads itself; an error reading them is reported after its inputs so far.
  func lint(_ source: consuming any LintInputSource) { add(.source(source)) }

  /// Writes everything added so far: before output that bypasses the pipeline (a name linted over
  /// DNS), and at the end.
  func drain() {
    if !batch.isEmpty { start() }
    finishRunning()
  }

  /// Writes everything added so far, then holds the output of what comes next until `release()`
  /// writes it or `discardHeld()` drops it: for inputs that are linted before it is known whether
  /// they stand (a zone file's parts, while its first pass looks for an error).
  func hold() {
    drain()
    isHolding = true
  }

  /// Writes the held output and stops holding.
  func release() {
    isHolding = false
    held.release(write)
  }

  /// Drops everything added since `hold()`, output and counts, and stops holding.
  func discardHeld() {
    batch = []
    chunkWeight = 0
    if let running {
      running.group.wait()
      self.running = nil
    }
    held.discard()
    isHolding = false
  }

  private func add(_ item: consuming Item) {
    guard jobs > 1 else { return deliver(Chunk.process([item], linter, options, renderer, &memos[0].memo)) }
    if batch.isEmpty || chunkWeight >= Self.chunkSize {
      batch.append([])
      batch[batch.count - 1].reserveCapacity(Self.chunkSize)
      chunkWeight = 0
    }
    chunkWeight += item.weight
    batch[batch.count - 1].append(item)
    if batch.count == jobs, chunkWeight >= Self.chunkSize { start() }
  }

  /// Hands the batch to the workers, then writes the batch before it (still the newest output).
  private func start() {
    var chunks = batch
    batch = []
    batch.reserveCapacity(jobs)
    chunkWeight = 0
    let group = DispatchGroup()
    let workers = self.workers ?? WorkerThreads(count: jobs)
    self.workers = workers
    var boxes: [ChunkBox] = []
    for index in chunks.indices {
      // Swapped out, so the worker holds the chunk's array alone and can move its items out.
      var items: [Item] = []
      swap(&items, &chunks[index])
      let box = ChunkBox(items: items)
      boxes.append(box)
      let (linter, options, renderer, memos) = (linter, options, renderer, memos)
      group.enter()
      workers.run { worker in
        box.chunk = Chunk.process(box.takeItems(), linter, options, renderer, &memos[worker].memo)
        group.leave()
      }
    }
    finishRunning()
    running = RunningBatch(group: group, boxes: boxes)
  }

  private func finishRunning() {
    guard let running else { return }
    self.running = nil
    running.group.wait()
    for box in running.boxes {
      if let chunk = box.chunk { deliver(chunk) }
    }
  }

  /// Writes a finished chunk, or holds it.
  private func deliver(_ chunk: Chunk) {
    guard isHolding else { return write(chunk) }
    held.add(chunk)
  }

  private func write(_ chunk: Chunk) {
    summary.merge(chunk.summary)
    for segment in chunk.segments {
      switch segment {
      case .rendered(let bytes): reporter.write(rendered: bytes)
      case .result(let result): reporter.report(result)
      case .inputError(let error):
        summary.inputErrors += 1
        onInputError(error)
        reporter.reportInputError(error)
      }
    }
  }

  deinit { workers?.stop() }

  private struct RunningBatch {
    let group: DispatchGroup
    let boxes: [ChunkBox]
  }

  /// A chunk's items, taken by its worker, and its output, set by the worker before the group is
  /// left, read after the wait.
  private final class ChunkBox: @unchecked Sendable {
    private var items: [Item]
    var chunk: Chunk?

    init(items: consuming [Item]) { self.items = items }

    /// The items, left to the caller alone.
    func takeItems() -> [Item] {
      var taken: [Item] = []
      swap(&taken, &items)
      return taken
    }
  }

  /// A memo used by one thread only: the worker of its index, or the caller's with one job.
  private final class MemoBox: @unchecked Sendable {
    var memo = LintMemo()
  }

  /// What a chunk of items produced: its output in order, and its counts.
  struct Chunk: Sendable {
    enum Segment: Sendable {
      /// Rendered output of consecutive inputs.
      case rendered(RenderedBytes)
      /// A result for a reporter without a renderer.
      case result(LintResult)
      case inputError(LintInputError)
    }

    var segments: [Segment] = []
    var summary: LintSummary
    /// Rendered bytes per segment, at most (give or take one input's).
    static let renderedPieceSize = 32_768

    /// Lints `items`: on a worker, or on the caller's thread with one job.
    static func process(
      _ items: consuming [Item], _ linter: Linter, _ options: ReportOptions, _ renderer: (any LintRenderer)?,
      _ memo: inout LintMemo
    ) -> Chunk {
      var chunk = Chunk(summary: LintSummary(threshold: options.threshold))
      // Room for a piece and one input's output past it: a full piece is handed over without a
      // copy (`takeRendered()`), and the memory beyond its bytes is a fifth at most.
      var bytes = OutputBytes(capacity: Self.renderedPieceSize + Self.renderedPieceSize / 4)
      func lint(_ input: LintInput) {
        let diagnostics = linter.lint(input.records, name: input.name, zone: input.zone, memo: &memo)
        let result = LintResult(input: input, diagnostics: diagnostics, options: options)
        chunk.summary.add(result)
        if let renderer {
          renderer.render(result, into: &bytes)
          // Output goes in pieces of a bounded size: a growing array doubles, and a chunk of a bulk
          // file or a part of a zone file gives hundreds of kilobytes of JSON.
          if bytes.count >= Self.renderedPieceSize { chunk.segments.append(.rendered(bytes.takeRendered())) }
        } else {
          chunk.segments.append(.result(result))
        }
      }
      func report(_ error: LintInputError) {
        if !bytes.isEmpty { chunk.segments.append(.rendered(bytes.takeRendered())) }
        chunk.segments.append(.inputError(error))
      }
      // Moved out one by one from the end: `for item in items` copied each item.
      var items = items
      items.reverse()
      while let item = items.popLast() {
        switch consume item {
        case .input(let input): lint(input)
        case .inputError(let error): report(error)
        case .source(let source):
          do throws(LintInputError) {
            try source.forEachInput(lint)
          } catch {
            report(error)
          }
        }
      }
      if !bytes.isEmpty { chunk.segments.append(.rendered(bytes.takeRendered())) }
      return chunk
    }
  }
}

/// Inputs that a pipeline worker reads itself, so that reading runs on every core too.
protocol LintInputSource: Sendable {
  /// Calls `body` with each input in order; throws what stopped the reading.
  func forEachInput(_ body: (LintInput) -> Void) throws(LintInputError)
}

/// Threads that run jobs in the order given, until stopped.
private final class WorkerThreads: @unchecked Sendable {  // all state is guarded by `condition`
  private let condition = NSCondition()
  private var jobs: [@Sendable (Int) -> Void] = []
  private var jobIndex = 0
  private var isStopping = false

  init(count: Int) {
    for index in 0..<count { Thread { [self] in work(index) }.start() }
  }

  /// Queues a job for the next free thread, which calls it with its index (0 to `count` - 1).
  func run(_ job: @escaping @Sendable (Int) -> Void) {
    condition.lock()
    jobs.append(job)
    condition.signal()
    condition.unlock()
  }

  /// Lets the threads end once the queued jobs are done.
  func stop() {
    condition.lock()
    isStopping = true
    condition.broadcast()
    condition.unlock()
  }

  private func work(_ index: Int) {
    while let job = next() { job(index) }
  }

  private func next() -> (@Sendable (Int) -> Void)? {
    condition.lock()
    defer { condition.unlock() }
    while jobIndex == jobs.count, !isStopping { condition.wait() }
    guard jobIndex < jobs.count else { return nil }
    let job = jobs[jobIndex]
    jobIndex += 1
    if jobIndex == jobs.count {
      jobs.removeAll(keepingCapacity: true)
      jobIndex = 0
    }
    return job
  }
}
