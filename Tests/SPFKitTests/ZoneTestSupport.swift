import SPFKit

/// Helpers shared by the zone reader and writer tests.
enum ZoneTestSupport {
  /// A missing in-memory file.
  struct MissingFile: Error, CustomStringConvertible {
    var description: String { "no such file or directory" }
  }

  /// Reads every record of `text`, with `files` served to `$INCLUDE` by name.
  static func read(
    _ text: String, name: String = "test.zone", origin: String = "example.com.", files: [String: String] = [:],
    chunkSize: Int = 65_536
  ) throws(ZoneReadError) -> [ZoneRecord] {
    var reader = reader(text, name: name, origin: origin, files: files, chunkSize: chunkSize)
    var records: [ZoneRecord] = []
    while let record = try reader.next() { records.append(record) }
    return records
  }

  /// A reader of `text`, with `files` served to `$INCLUDE` by name.
  static func reader(
    _ text: String, name: String = "test.zone", origin: String = "example.com.", files: [String: String] = [:],
    chunkSize: Int = 65_536
  ) -> ZoneReader {
    reader(Array(text.utf8), name: name, origin: origin, files: files, chunkSize: chunkSize)
  }

  /// A reader of raw bytes.
  static func reader(
    _ bytes: [UInt8], name: String = "test.zone", origin: String = "example.com.", files: [String: String] = [:],
    chunkSize: Int = 65_536
  ) -> ZoneReader {
    let originName = (try? ZoneName(origin)) ?? .root
    return ZoneReader(
      source: ZoneSource(name: name, input: ZoneBytesInput(bytes, chunkSize: chunkSize)), origin: originName,
      opener: opener(files, chunkSize: chunkSize))
  }

  /// Serves `files` to `$INCLUDE` by name; any other name is missing.
  static func opener(_ files: [String: String], chunkSize: Int = 65_536) -> ZoneIncludeOpener {
    { path, _ in
      guard let text = files[path] else { throw MissingFile() }
      return ZoneSource(name: path, input: ZoneBytesInput(text, chunkSize: chunkSize))
    }
  }

  /// The error reading `text` throws, if any.
  static func error(_ text: String, files: [String: String] = [:]) -> ZoneReadError? {
    do {
      _ = try read(text, files: files)
      return nil
    } catch {
      return error
    }
  }

  /// Removes every `↓` from `text` and returns the locations of the bytes they stood before.
  static func marked(_ text: String) -> (text: String, marks: [SourceLocation]) {
    let marker = Array("↓".utf8)
    let bytes = Array(text.utf8)
    var out: [UInt8] = []
    var marks: [SourceLocation] = []
    var line = 1
    var column = 1
    var index = 0
    while index < bytes.count {
      if bytes[index...].starts(with: marker) {
        marks.append(SourceLocation(line: line, column: column))
        index += marker.count
        continue
      }
      out.append(bytes[index])
      if bytes[index] == 0x0A {
        line += 1
        column = 1
      } else {
        column += 1
      }
      index += 1
    }
    return (String(decoding: out, as: UTF8.self), marks)
  }

  /// The strings of a record as text, invalid UTF-8 shown as U+FFFD.
  static func strings(_ record: ZoneRecord) -> [String] {
    record.txt.strings.map { String(decoding: $0.bytes, as: UTF8.self) }
  }
}
