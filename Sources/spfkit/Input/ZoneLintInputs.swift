import Foundation
import SPFKit

/// The TXT and SPF records of one `--zone` file and the files it `$INCLUDE`s, grouped by owner name
/// (ASCII case ignored) into lint inputs, one per owner.
///
/// A regular file is read twice. The first pass reads it to the end, so a file with an error gives
/// no input at all (nothing half-written; BIND loads nothing of such a zone either), flags each
/// owner's last record, and notes lines where a reader can start again (`ZoneResumePoint`).
///
/// When every owner's records are consecutive and the file includes none, the second pass is cut
/// into parts at owner boundaries (`ZonePart`), about `partSize` bytes each, which the lint
/// pipeline's workers read and lint themselves, in parallel, and report in file order. Otherwise
/// one thread reads the file again and hands an owner over as soon as its last record is read,
/// while the caller hands it to the lint pipeline (`LintPipeline`), whose workers lint it on the
/// other cores. Memory holds the reader's chunks, one entry per owner, and the records of owners
/// still open: never the file, and never its other records. Anything else (a pipe) is read once,
/// holding its TXT and SPF records to the end. Owners come in the order their last record is read.
struct ZoneLintInputs {
  /// The file as given on the command line: findings name it so, and included files relative to it.
  let path: String

  /// Bytes of the file per part: a few milliseconds of work, and a few megabytes of output at most
  /// for each part in flight.
  static let partSize = 16_384
  /// Bytes between the resume points the first pass notes: parts end at the first one that is an
  /// owner boundary.
  static let resumePointSpacing = 2_048

  /// What the caller hands to the lint pipeline.
  enum Work {
    /// An owner's records.
    case owner(LintInput)
    /// A part of the file, read and linted by a worker.
    case part(ZonePart)
  }

  /// Calls `body` with each owner's records, or with parts of the file that give them, in file
  /// order, on the caller's thread.
  ///
  /// - Throws: the first problem of the file, with its file, line and column: a syntax error, a
  ///   missing `$INCLUDE` file, binary data, a name that is not UTF-8, an unreadable file.
  func forEach(_ body: (Work) -> Void) throws(LintInputError) {
    guard isRegularFile else { return try readOnThread(lastRecords: nil, body) }
    let pass = try Self.lintError { () throws(ZoneReadError) in try firstPass() }
    if let parts = parts(of: pass) { return parts.forEach { body(.part($0)) } }
    try readOnThread(lastRecords: pass.lastRecords, body)
  }

  /// Reads the file on a thread of its own, handing each owner to the caller's thread.
  private func readOnThread(lastRecords: [Bool]?, _ body: (Work) -> Void) throws(LintInputError) {
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
    while let batch = queue.take() {
      for input in batch { body(.owner(input)) }
    }
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

  /// The records of one owner waiting for the owner's last record.
  private struct OpenOwner {
    /// The ordinal of the owner's first record, for the order of owners still open at the end.
    var first: Int
    var records: [ZoneRecord] = []
  }

  /// What the first pass learns of a file.
  struct FirstPass {
    /// Whether each record, by ordinal, is the last record of its owner.
    var lastRecords: [Bool]
    /// Whether each owner's records are consecutive.
    var ownersAreConsecutive: Bool
    /// Whether the file includes another.
    var includes: Bool
    /// Where a reader can start again, about `resumePointSpacing` bytes apart.
    var resumePoints: [ZoneResumePoint]
  }

  /// First pass: reads and checks the whole file, keeping only each record's owner key.
  ///
  /// Owners are told apart by `ZoneReader.nextOwnerKey()`. Two owners with one key share the later
  /// ordinal: the earlier owner is then handed over late, never early, so a collision costs memory,
  /// not correctness.
  private func firstPass() throws(ZoneReadError) -> FirstPass {
    var reader = try makeReader()
    reader.resumePointSpacing = Self.resumePointSpacing
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
    var consecutive = true
    for (position, run) in runs.enumerated() {
      if position + 1 == runs.count || runs[position + 1].key != run.key {
        flags[run.ordinal] = true
      } else {
        consecutive = false
      }
    }
    return FirstPass(
      lastRecords: flags, ownersAreConsecutive: consecutive, includes: reader.hasIncluded,
      resumePoints: reader.resumePoints)
  }

  /// The file cut into parts at owner boundaries, or nil when it cannot be: an owner's records
  /// apart, or an `$INCLUDE`.
  private func parts(of pass: FirstPass) -> [ZonePart]? {
    guard pass.ownersAreConsecutive, !pass.includes else { return nil }
    var parts: [ZonePart] = []
    var start: ZoneResumePoint?
    for point in pass.resumePoints {
      let ordinal = point.recordsBefore
      guard point.offset - (start?.offset ?? 0) >= Self.partSize, ordinal > 0, ordinal < pass.lastRecords.count,
        pass.lastRecords[ordinal - 1]
      else { continue }
      parts.append(ZonePart(zone: self, start: start, end: point.offset, lastRecords: pass.lastRecords))
      start = point
    }
    parts.append(ZonePart(zone: self, start: start, end: nil, lastRecords: pass.lastRecords))
    return parts
  }

  /// Runs `body`, turning a zone error into a lint input error.
  static func lintError<T>(_ body: () throws(ZoneReadError) -> T) throws(LintInputError) -> T {
    do {
      return try body()
    } catch {
      throw LintInputError(source: error.file, line: error.line, column: error.column, message: error.message)
    }
  }

  /// A reader of the file: origin from the file name, `$INCLUDE` relative to the including file,
  /// names required to be UTF-8 (they are printed).
  /// With `range`, only those bytes are read; from `start` on, when given (`range` then starts at
  /// its offset).
  func makeReader(range: Range<Int>? = nil, from start: ZoneResumePoint? = nil) throws(ZoneReadError) -> ZoneReader {
    let input: ZoneFileInput
    do {
      input = try range.map { range throws(ZoneFileError) in try ZoneFileInput(path: path, range: range) }
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
/// reads and groups into owners itself (see `ZoneLintInputs`).
struct ZonePart: LintInputSource {
  let zone: ZoneLintInputs
  /// Where the part starts; nil for the file's first byte.
  let start: ZoneResumePoint?
  /// The offset where the next part starts; nil for the end of the file.
  let end: Int?
  /// The first pass's flags of the whole file.
  let lastRecords: [Bool]

  func forEachInput(_ body: (LintInput) -> Void) throws(LintInputError) {
    try ZoneLintInputs.lintError { () throws(ZoneReadError) in
      let range = (start?.offset ?? 0)..<(end ?? Int.max)
      var reader = try zone.makeReader(range: range, from: start)
      try ZoneLintInputs.group(&reader, lastRecords: lastRecords, send: body)
    }
  }
}
