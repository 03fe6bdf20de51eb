import Foundation
import SPFKit

/// The TXT and SPF records of one `--zone` file and the files it `$INCLUDE`s, grouped by owner name
/// (ASCII case ignored) into lint inputs, one per owner, and handed to a lint pipeline.
///
/// A regular file is read twice. The first pass reads it to the end, so a file with an error gives
/// no output at all (nothing half-written; BIND loads nothing of such a zone either), and learns
/// whether each owner's records are consecutive. As it goes, it cuts the file at owner boundaries
/// into parts (`ZonePart`) of about `partSize` bytes, at lines where a reader can start again
/// (`ZoneResumePoint`). The pipeline's workers read, group and lint the parts themselves, in
/// parallel, while the first pass goes on; their output is held (`LintPipeline.hold()`, within
/// `heldMemoryLimit` and `heldFileLimit`) until the first pass has read the whole file. If it then
/// finds an error, an owner's records apart, or an `$INCLUDE`, the held output is dropped: the
/// error is thrown, or the file is read a third time for each owner's last record, then again by
/// one thread that hands an owner over as soon as its last record is read, while the workers lint
/// it. Memory holds the reader's chunks, one key per run of an owner's records, and the records of
/// owners still open: never the file, and never its other records. Anything else (a pipe) is read
/// once, holding its TXT and SPF records to the end. Owners come in the order their last record is
/// read.
struct ZoneLintInputs {
  /// The file as given on the command line: findings name it so, and included files relative to it.
  let path: String

  /// Bytes of the file per part: about a millisecond of work. Parts of 32 KB raised the bench
  /// zone's peak RSS by a third in json (glibc arenas of the workers), for no gain in time.
  static let partSize = 16_384
  /// Bytes between the resume points the first pass notes: a part ends at the first one past
  /// `partSize` that is an owner boundary.
  static let resumePointSpacing = 2_048
  /// Output held while the first pass still reads, at most, in memory (where it stays when no
  /// temporary file can be written) and in a temporary file (`HeldOutput`): then the workers wait
  /// for the first pass's verdict. On the bench zone the first pass ends with about 15 MB held.
  static let heldMemoryLimit = 6_000_000
  static let heldFileLimit = 256_000_000

  /// Lints the file's owners in `pipeline`, in file order.
  ///
  /// - Throws: the first problem of the file, with its file, line and column: a syntax error, a
  ///   missing `$INCLUDE` file, binary data, a name that is not UTF-8, an unreadable file.
  func lint(in pipeline: LintPipeline) throws(LintInputError) {
    guard isRegularFile else { return try readOnThread(lastRecords: nil) { pipeline.lint($0) } }
    let feed = ZonePartFeed()
    let zone = self
    Thread { feed.finish(zone.firstPass(feeding: feed)) }.start()
    pipeline.hold()
    /// Acts on the first pass's verdict: true when the parts stand.
    func settle() throws(LintInputError) -> Bool {
      switch feed.verdict() {
      case .parts:
        pipeline.release()
        return true
      case .failed(let error):
        pipeline.discardHeld()
        throw error
      case .sequential(let lastRecords):
        pipeline.discardHeld()
        try readOnThread(lastRecords: lastRecords) { pipeline.lint($0) }
        return false
      }
    }
    var settled = false
    while let part = feed.next() {
      pipeline.lint(part)
      let heldTooMuch =
        pipeline.heldMemoryBytes >= Self.heldMemoryLimit || pipeline.heldFileBytes >= Self.heldFileLimit
      if !settled, feed.hasVerdict || heldTooMuch {
        guard try settle() else { return }
        settled = true
      }
    }
    if !settled { _ = try settle() }
  }

  /// Reads the file on a thread of its own, handing each owner to the caller's thread.
  private func readOnThread(lastRecords: [Bool]?, _ body: (LintInput) -> Void) throws(LintInputError) {
    let queue = LintInputQueue()
    let zone = self
    Thread {
      var batch: [LintInput] = []
      do throws(LintInputError) {
        try Self.lintError { () throws(ZoneReadError) in
          var reader = try zone.makeReader()
          try Self.group(&reader, lastRecords: lastRecords) { input in
            batch.append(input)
            if batch.count == LintInputQueue.batchSize {
              queue.put(batch)
              batch.removeAll(keepingCapacity: true)
            }
          }
        }
        queue.put(batch)
        queue.finish(nil)
      } catch {
        queue.put(batch)
        queue.finish(error)
      }
    }.start()
    while let batch = queue.take() { batch.forEach(body) }
    if let failure = queue.failure { throw failure }
  }

  /// Reads records from `reader` to its end and calls `send` with each owner's records. With
  /// `lastRecords` (by record ordinal), an owner goes as soon as its last record is read; the
  /// owners still open at the end go in the order of their first record.
  static func group(
    _ reader: inout ZoneReader, lastRecords: [Bool]?, send: (LintInput) -> Void
  ) throws(ZoneReadError) {
    var open: [ZoneName: OpenOwner] = [:]
    while let record = try reader.next() {
      let ordinal = reader.recordCount - 1
      if let lastRecords, ordinal < lastRecords.count, lastRecords[ordinal] {
        // Most owners have one record: linted at once, never put in `open` (nor hashed when it is empty).
        let earlier = open.isEmpty ? [] : open.removeValue(forKey: record.owner)?.records ?? []
        send(input(earlier.isEmpty ? [record] : earlier + [record]))
      } else {
        open[record.owner, default: OpenOwner(first: ordinal)].records.append(record)
      }
    }
    for owner in open.values.sorted(by: { $0.first < $1.first }) { send(input(owner.records)) }
  }

  /// Reads records from `reader` to its end and calls `send` with each run of records of one owner:
  /// each owner's records, when they are consecutive.
  static func groupConsecutive(_ reader: inout ZoneReader, send: (LintInput) -> Void) throws(ZoneReadError) {
    var run: [ZoneRecord] = []
    while let record = try reader.next() {
      if let first = run.first, first.owner != record.owner {
        send(input(run))
        run.removeAll(keepingCapacity: true)
      }
      run.append(record)
    }
    if !run.isEmpty { send(input(run)) }
  }

  /// The records of one owner waiting for the owner's last record.
  private struct OpenOwner {
    /// The ordinal of the owner's first record, for the order of owners still open at the end.
    var first: Int
    var records: [ZoneRecord] = []
  }

  /// First pass: reads and checks the whole file, keeping only the owner key of each run of records
  /// of one owner, and feeds the parts it cuts the file into; returns its verdict.
  private func firstPass(feeding feed: ZonePartFeed) -> ZonePartFeed.Verdict {
    do {
      return try readFirstPass(feeding: feed)
    } catch {
      return .failed(LintInputError(error))
    }
  }

  private func readFirstPass(feeding feed: ZonePartFeed) throws(ZoneReadError) -> ZonePartFeed.Verdict {
    var reader = try makeReader()
    reader.resumePointSpacing = Self.resumePointSpacing
    var runKeys: [Int] = []
    var partStart: ZoneResumePoint?
    var nextPoint = 0
    while let key = try reader.nextOwnerKey() {
      let ordinal = reader.recordCount - 1
      let startsOwner = runKeys.last.map { $0 != key } ?? false
      if startsOwner || runKeys.isEmpty { runKeys.append(key) }
      // A resume point just before a record that starts an owner can end a part.
      while nextPoint < reader.resumePoints.count, reader.resumePoints[nextPoint].recordsBefore <= ordinal {
        let point = reader.resumePoints[nextPoint]
        nextPoint += 1
        guard startsOwner, point.recordsBefore == ordinal, point.offset - (partStart?.offset ?? 0) >= Self.partSize
        else { continue }
        feed.add(ZonePart(zone: self, start: partStart, end: point.offset))
        partStart = point
      }
    }
    // Each owner's records are consecutive when no key has two runs: sorted, no two runs are equal.
    runKeys.sort()
    let consecutive = zip(runKeys, runKeys.dropFirst()).allSatisfy { $0 != $1 }
    runKeys = []  // before a pass for the flags, which needs memory of its own
    guard consecutive, !reader.hasIncluded else { return .sequential(lastRecords: try lastRecordFlags()) }
    feed.add(ZonePart(zone: self, start: partStart, end: nil))
    return .parts
  }

  /// Reads the file again for whether each record, by ordinal, is the last record of its owner.
  ///
  /// Owners are told apart by `ZoneReader.nextOwnerKey()`. Two owners with one key share the later
  /// ordinal: the earlier owner is then handed over late, never early, so a collision costs memory,
  /// not correctness.
  private func lastRecordFlags() throws(ZoneReadError) -> [Bool] {
    var reader = try makeReader()
    // The last ordinal of each run of one key; a key's last run holds its last record. Sorting the
    // runs by key (then ordinal) finds those without hashing every owner.
    var runs: [(key: Int, ordinal: Int)] = []
    var count = 0
    while let key = try reader.nextOwnerKey() {
      if let last = runs.last, last.key == key {
        runs[runs.count - 1].ordinal = count
      } else {
        runs.append((key, count))
      }
      count += 1
    }
    runs.sort { $0.key != $1.key ? $0.key < $1.key : $0.ordinal < $1.ordinal }
    var flags = [Bool](repeating: false, count: count)
    for (position, run) in runs.enumerated() where position + 1 == runs.count || runs[position + 1].key != run.key {
      flags[run.ordinal] = true
    }
    return flags
  }

  /// Runs `body`, turning a zone error into a lint input error.
  static func lintError<T>(_ body: () throws(ZoneReadError) -> T) throws(LintInputError) -> T {
    do {
      return try body()
    } catch {
      throw LintInputError(error)
    }
  }

  /// A reader of the file: origin from the file name, `$INCLUDE` relative to the including file,
  /// names required to be UTF-8 (they are printed).
  /// With `range`, only those bytes are read; from `start` on, when given (`range` then starts at
  /// its offset).
  func makeReader(range: Range<Int>? = nil, from start: ZoneResumePoint? = nil) throws(ZoneReadError) -> ZoneReader {
    let input: ZoneFileInput
    do {
      input =
        try range.map { range throws(ZoneFileError) in try ZoneFileInput(path: path, range: range) }
        ?? ZoneFileInput(path: path)
    } catch {
      throw ZoneReadError(file: path, line: start?.line ?? 1, column: 1, message: "cannot open '\(path)': \(error)")
    }
    let source = ZoneSource(name: path, input: input)
    var reader =
      if let start {
        ZoneReader(resumingAt: start, source: source, opener: ZoneFileInput.openInclude)
      } else {
        ZoneReader(source: source, origin: Self.origin(forFile: path), opener: ZoneFileInput.openInclude)
      }
    reader.requiresUTF8Names = true
    return reader
  }

  private var isRegularFile: Bool {
    var info = stat()
    return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
  }

  /// One owner's records as a lint input: named by the owner, each record by its own file, listed
  /// only with findings.
  static func input(_ records: [ZoneRecord]) -> LintInput {
    LintInput(
      name: records.first?.owner.lintName, records: records.map(\.txt), sources: records.map(\.file),
      zone: ZoneFacts(records), sourcesAreFiles: true, listedWhenClean: false)
  }

  /// The origin of a file without `$ORIGIN`, from BIND's usual file names: `db.NAME`, `NAME.zone`,
  /// `NAME.db`; the root for any other name.
  static func origin(forFile path: String) -> ZoneName {
    var name = Substring(path.split(separator: "/").last ?? "")
    if name.hasPrefix("db.") {
      name = name.dropFirst(3)
    } else if name.hasSuffix(".zone") {
      name = name.dropLast(5)
    } else if name.hasSuffix(".db") {
      name = name.dropLast(3)
    } else {
      return .root
    }
    guard !name.isEmpty, !name.hasSuffix("."), let origin = try? ZoneName(name + ".") else { return .root }
    return origin
  }
}

/// A part of a zone file, from one owner boundary to another, that a worker of the lint pipeline
/// reads and groups into owners itself (see `ZoneLintInputs`): right when each owner's records are
/// consecutive, as the first pass checks.
struct ZonePart: LintInputSource {
  let zone: ZoneLintInputs
  /// Where the part starts; nil for the file's first byte.
  let start: ZoneResumePoint?
  /// The offset where the next part starts; nil for the end of the file.
  let end: Int?

  func forEachInput(_ body: (LintInput) -> Void) throws(LintInputError) {
    try ZoneLintInputs.lintError { () throws(ZoneReadError) in
      let range = (start?.offset ?? 0)..<(end ?? Int.max)
      var reader = try zone.makeReader(range: range, from: start)
      try ZoneLintInputs.groupConsecutive(&reader, send: body)
    }
  }
}

/// The parts of a zone file as its first pass cuts them, and the pass's verdict, handed from the
/// pass's thread to the linting one.
final class ZonePartFeed: @unchecked Sendable {  // all state is guarded by `condition`
  /// What the first pass found.
  enum Verdict: Sendable {
    /// The file reads without error, each owner's records are consecutive, nothing is included:
    /// the parts give every owner.
    case parts
    /// The parts do not stand: the file is read again, with each record's last-of-its-owner flag.
    case sequential(lastRecords: [Bool])
    /// The file has an error.
    case failed(LintInputError)
  }

  private let condition = NSCondition()
  private var parts: [ZonePart] = []
  private var taken = 0
  private var settled: Verdict?

  /// Adds the next part.
  func add(_ part: ZonePart) {
    condition.lock()
    defer { condition.unlock() }
    parts.append(part)
    condition.broadcast()
  }

  /// Ends the feed with the first pass's verdict.
  func finish(_ verdict: Verdict) {
    condition.lock()
    defer { condition.unlock() }
    settled = verdict
    condition.broadcast()
  }

  /// Whether the verdict is in.
  var hasVerdict: Bool {
    condition.lock()
    defer { condition.unlock() }
    return settled != nil
  }

  /// The verdict, waiting for it.
  func verdict() -> Verdict {
    condition.lock()
    defer { condition.unlock() }
    while settled == nil { condition.wait() }
    return settled ?? .parts
  }

  /// The next part, waiting for it; nil once the verdict is in and every part taken.
  func next() -> ZonePart? {
    condition.lock()
    defer { condition.unlock() }
    while taken == parts.count, settled == nil { condition.wait() }
    guard taken < parts.count else { return nil }
    taken += 1
    return parts[taken - 1]
  }
}
