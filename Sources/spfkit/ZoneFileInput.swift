import Glibc
import SPFKit

/// Zone-file bytes read from a file in 64 KiB chunks, for `ZoneReader`; closed when the last copy goes.
struct ZoneFileInput: ZoneInput {
  /// Bytes per `read(2)`.
  static let chunkSize = 65_536

  private let file: Descriptor
  /// For a part of the file: the offset of the next byte to read, and the offset it ends at.
  private var part: (next: Int, end: Int)?

  /// Opens `path` for reading.
  init(path: String) throws(ZoneFileError) {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw ZoneFileError(errno: errno) }
    file = Descriptor(descriptor)
  }

  /// Opens `path` for reading the bytes in `range` (or to the end of the file, if shorter).
  init(path: String, range: Range<Int>) throws(ZoneFileError) {
    try self.init(path: path)
    part = (range.lowerBound, range.upperBound)
  }

  /// The next chunk, or nil at the end of the file (or of the part).
  mutating func nextChunk() throws -> [UInt8]? {
    let descriptor = file.descriptor
    var failure: Int32 = 0
    let size = part.map { min(ZoneFileInput.chunkSize, max(0, $0.end - $0.next)) } ?? ZoneFileInput.chunkSize
    guard size > 0 else { return nil }
    let position = part?.next
    let chunk = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
      count = 0
      while true {
        let result =
          if let position { pread(descriptor, buffer.baseAddress, buffer.count, off_t(position)) } else {
            read(descriptor, buffer.baseAddress, buffer.count)
          }
        if result >= 0 {
          count = result
          return
        }
        guard errno == EINTR else {
          failure = errno
          return
        }
      }
    }
    if failure != 0 { throw ZoneFileError(errno: failure) }
    part?.next += chunk.count
    return chunk.isEmpty ? nil : chunk
  }

  /// A source for the file at `path`, named as given.
  static func source(path: String) throws(ZoneFileError) -> ZoneSource {
    ZoneSource(name: path, input: try ZoneFileInput(path: path))
  }

  /// Opens `$INCLUDE` files: a relative path is taken from the including file's directory, and the
  /// source is named by the lexically normalized path, so `./a.zone` and `a.zone` are one file
  /// for loop detection. (BIND resolves relative paths from its working directory instead.)
  /// Pass as the reader's `opener`.
  static func openInclude(_ path: String, from includingFile: String) throws -> ZoneSource {
    let joined: String
    if path.hasPrefix("/") {
      joined = path
    } else if let slash = includingFile.lastIndex(of: "/") {
      joined = String(includingFile[...slash]) + path
    } else {
      joined = path
    }
    let name = normalize(joined)
    return ZoneSource(name: name, input: try ZoneFileInput(path: name))
  }

  /// Removes `.` components, `name/..` pairs and repeated slashes, without touching the file system.
  static func normalize(_ path: String) -> String {
    let absolute = path.hasPrefix("/")
    var parts: [Substring] = []
    for part in path.split(separator: "/") where part != "." {
      if part == "..", let last = parts.last, last != ".." {
        parts.removeLast()
      } else if part == "..", absolute {
        continue
      } else {
        parts.append(part)
      }
    }
    let joined = parts.joined(separator: "/")
    if absolute { return "/" + joined }
    return joined.isEmpty ? "." : joined
  }
}

/// Why a zone file cannot be opened or read: the system's reason, lowercase.
struct ZoneFileError: Error, CustomStringConvertible {
  /// The `errno` value.
  var errno: Int32

  var description: String { SystemError.reason(errno) }
}

/// An open file descriptor, closed on deinit.
private final class Descriptor {
  let descriptor: Int32

  init(_ descriptor: Int32) { self.descriptor = descriptor }

  deinit { close(descriptor) }
}
