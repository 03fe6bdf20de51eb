#if canImport(Glibc)
  import Glibc
#endif

/// The system's words for an `errno` value, for messages.
enum SystemError {
  /// `strerror(code)` lowercased like every message (`no such file or directory`).
  static func reason(_ code: Int32) -> String {
    let text = String(cString: strerror(code))
    return text.prefix(1).lowercased() + text.dropFirst()
  }
}
