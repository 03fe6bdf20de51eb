import Foundation

/// A temporary directory for one test's files; `remove()` it when done.
struct ScratchDirectory {
  /// The directory.
  let url: URL

  /// Creates an empty directory under the system's temporary directory.
  init(_ prefix: String = "spfkit-test") throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  /// The absolute path of `relative` inside the directory.
  func path(_ relative: String) -> String { url.appendingPathComponent(relative).path }

  /// Writes text to `relative`, creating parent directories.
  func write(_ relative: String, _ text: String) throws { try write(relative, bytes: Array(text.utf8)) }

  /// Writes bytes to `relative`, creating parent directories.
  func write(_ relative: String, bytes: [UInt8]) throws {
    let file = url.appendingPathComponent(relative)
    try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(bytes).write(to: file)
  }

  /// Deletes the directory and everything in it.
  func remove() { try? FileManager.default.removeItem(at: url) }
}

/// Removes every `↓` from zone text and returns the `LINE:COL` of the bytes they stood before.
func markedZone(_ text: String) -> (text: String, marks: [String]) {
  let (bytes, marks) = markedZone(bytes: Array(text.utf8))
  return (String(decoding: bytes, as: UTF8.self), marks)
}

/// Removes every `↓` from zone bytes (which may be any bytes) and returns the `LINE:COL` of the
/// bytes they stood before; columns count UTF-8 bytes.
func markedZone(bytes: [UInt8]) -> (bytes: [UInt8], marks: [String]) {
  let marker = Array("↓".utf8)
  var out: [UInt8] = []
  var marks: [String] = []
  var line = 1
  var column = 1
  var index = 0
  while index < bytes.count {
    if bytes[index...].starts(with: marker) {
      marks.append("\(line):\(column)")
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
  return (out, marks)
}
