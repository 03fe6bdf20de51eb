#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Buffered standard output and error, with colour only on a terminal and never with `NO_COLOR`.
final class Console {
  /// Standard output, buffered: reporters write their bytes here.
  let output = OutputBuffer(descriptor: 1)
  private var err: [UInt8] = []
  /// Whether standard output gets ANSI colours.
  let colorsOutput: Bool
  /// Whether standard error gets ANSI colours.
  let colorsErrors: Bool

  init() {
    let noColor = getenv("NO_COLOR").map { $0.pointee != 0 } ?? false
    let dumb = getenv("TERM").map { String(cString: $0) == "dumb" } ?? false
    colorsOutput = !noColor && !dumb && isatty(1) != 0
    colorsErrors = !noColor && !dumb && isatty(2) != 0
  }

  /// Writes text to standard output.
  func write(_ text: String) { output.append(text) }

  /// Writes a line to standard output.
  func line(_ text: String = "") {
    output.append(text)
    output.append(0x0A)
  }

  /// Writes a line to standard error (flushed at once, after pending output).
  func error(_ text: String) {
    flushOutput()
    err.append(contentsOf: text.utf8)
    err.append(0x0A)
    Console.writeAll(2, &err)
  }

  /// Flushes standard output.
  func flushOutput() { output.flush() }

  /// Writes a buffer to a file descriptor, retrying short writes, and empties it.
  private static func writeAll(_ descriptor: Int32, _ buffer: inout [UInt8]) {
    var offset = 0
    buffer.withUnsafeBytes { raw in
      while offset < raw.count {
        let written = Glibc.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
        if written <= 0 {
          if written < 0, errno == EINTR { continue }
          break
        }
        offset += written
      }
    }
    buffer.removeAll(keepingCapacity: true)
  }

  deinit { flushOutput() }
}

/// ANSI styles for terminal output.
enum Style: String {
  case bold = "1"
  case red = "1;31"
  case yellow = "1;33"
  case cyan = "1;36"
  case green = "32"
  case dim = "2"

  /// The escape sequence that starts the style.
  var opening: String { "\u{1B}[\(rawValue)m" }
  /// The escape sequence that ends any style.
  static let closing: StaticString = "\u{1B}[0m"

  /// The text wrapped in the style when `enabled`.
  func apply(_ text: String, _ enabled: Bool) -> String {
    enabled ? "\u{1B}[\(rawValue)m\(text)\u{1B}[0m" : text
  }
}
