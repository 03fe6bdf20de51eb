import Foundation
import SPFKit

/// The TXT and SPF records of one `--zone` file and the files it `$INCLUDE`s, grouped by owner name
/// (ASCII case ignored) into lint inputs, one per owner.
///
/// A regular file is read twice. The first pass reads it to the end, so a file with an error gives
/// no input at all (nothing half-written; BIND loads nothing of such a zone either), and flags
/// each owner's last record. The second pass hands an owner over as soon as its last
/// record is read. Memory holds the reader's chunks, one entry per owner, and the records of owners
/// still open: never the file, and never its other records. Anything else (a pipe) is read once,
/// holding its TXT and SPF records to the end. Owners come in the order their last record is read.
///
/// The file is read on a thread of its own while the caller hands what it has read to the lint
/// pipeline (`LintPipeline`), whose workers lint it on the other cores.
struct ZoneLintInputs {
  /// The file as given on the command line: findings name it so, and included files relative to it.
  let path: String

  /// Calls `body` with each owner's records, on the caller's thread.
  ///
  /// - Throws: the first problem of the file, with its file, line and column: a syntax error, a
  ///   missing `$INCLUDE` file, binary data, a name that is not UTF-8, an unreadable file.
  func forEachOwner(_ body: (LintInput) -> Void) throws(LintInputError) {
    let queue = LintInputQueue()
    let zone = self
    Thread {
      var batch: [LintInput] = []
      do throws(LintInputError) {
        try zone.read { input in
          batch.append(input)
          if batch.count == LintInputQueue.batchSize {
            queue.put(batch)
            batch.removeAll(keepingCapacity: true)
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

  /// Reads the file and calls `send` with each owner's records.
  private func read(_ send: (LintInput) -> Void) throws(LintInputError) {
    do {
      let lastRecords = isRegularFile ? try lastRecordFlags() : nil
      var reader = try makeReader()
      var open: [ZoneName: OpenOwner] = [:]
      var ordinal = 0
      while let record = try reader.next() {
        defer { ordinal += 1 }
        if let lastRecords, ordinal < lastRecords.count, lastRecords[ordinal] {
          // Most owners have one record: linted at once, never put in `open` (nor hashed when it is empty).
          let earlier = open.isEmpty ? [] : open.removeValue(forKey: record.owner)?.records ?? []
          send(Self.input(earlier.isEmpty ? [record] : earlier + [record]))
        } else {
          open[record.owner, default: OpenOwner(first: ordinal)].records.append(record)
        }
      }
      for owner in open.values.sorted(by: { $0.first < $1.first }) { send(Self.input(owner.records)) }
    } catch {
      throw LintInputError(source: error.file, line: error.line, column: error.column, message: error.message)
    }
  }

  /// The records of one owner waiting for the owner's last record.
  private struct OpenOwner {
    /// The ordinal of the owner's first record, for the order of owners still open at the end.
    var first: Int
    var records: [ZoneRecord] = []
  }

  /// First pass: whether each record, by ordinal, is the last record of its owner.
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

  /// A reader of the file: origin from the file name, `$INCLUDE` relative to the including file,
  /// names required to be UTF-8 (they are printed).
  private func makeReader() throws(ZoneReadError) -> ZoneReader {
    let source: ZoneSource
    do {
      source = try ZoneFileInput.source(path: path)
    } catch {
      throw ZoneReadError(file: path, line: 1, column: 1, message: "cannot open '\(path)': \(error)")
    }
    var reader = ZoneReader(source: source, origin: Self.origin(forFile: path), opener: ZoneFileInput.openInclude)
    reader.requiresUTF8Names = true
    return reader
  }

  private var isRegularFile: Bool {
    var info = stat()
    return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
  }

  /// One owner's records as a lint input: named by the owner, each record by its own file.
  static func input(_ records: [ZoneRecord]) -> LintInput {
    LintInput(
      name: records.first?.owner.lintName, records: records.map(\.txt), sources: records.map(\.file),
      zone: ZoneFacts(records))
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
