/// A source of zone-file bytes, read in chunks so a reader never holds a whole file.
///
/// The core stays pure: files, pipes and sockets implement this outside `SPFKit` (the CLI's
/// `ZoneFileInput` reads a file descriptor).
public protocol ZoneInput {
  /// The next chunk of bytes, or nil at the end of the input.
  ///
  /// Chunks may have any size; an empty chunk is skipped. An error thrown here stops reading and
  /// is reported as a `ZoneReadError` at the file's current line.
  mutating func nextChunk() throws -> [UInt8]?
}

/// A zone file to read: the name used in messages and for `$INCLUDE` loop detection, and its bytes.
///
/// Not `Sendable`: it owns its input, which may hold a file descriptor.
public struct ZoneSource {
  /// The file name as shown in messages and records (`ZoneRecord.file`, `ZoneReadError.file`).
  public var name: String
  /// The file's bytes.
  public var input: any ZoneInput

  /// Creates a source.
  public init(name: String, input: any ZoneInput) {
    self.name = name
    self.input = input
  }
}

/// Opens the file named by `$INCLUDE`: given the path as written and the including file's
/// `ZoneSource.name`, returns the new source or throws (its description becomes the message).
///
/// Relative paths are resolved against the including file's directory. Two sources with the same
/// `name` are the same file for include-loop detection, so an opener should return a canonical name.
public typealias ZoneIncludeOpener = (_ path: String, _ includingFile: String) throws -> ZoneSource

/// Zone bytes already in memory, served in chunks of a fixed size.
public struct ZoneBytesInput: ZoneInput, Sendable {
  private let bytes: [UInt8]
  private let chunkSize: Int
  private var offset = 0

  /// Creates an input over `bytes`, served `chunkSize` bytes at a time (at least 1).
  public init(_ bytes: [UInt8], chunkSize: Int = 65_536) {
    self.bytes = bytes
    self.chunkSize = max(1, chunkSize)
  }

  /// Creates an input over the UTF-8 bytes of `text`.
  public init(_ text: String, chunkSize: Int = 65_536) {
    self.init(Array(text.utf8), chunkSize: chunkSize)
  }

  /// The next `chunkSize` bytes, or nil at the end.
  public mutating func nextChunk() -> [UInt8]? {
    guard offset < bytes.count else { return nil }
    let end = bytes.count - offset > chunkSize ? offset + chunkSize : bytes.count
    defer { offset = end }
    return Array(bytes[offset..<end])
  }
}
