#if canImport(Glibc)
  import Glibc
#endif

/// Wall-clock seconds from a monotonic clock.
func monotonicSeconds() -> Double {
  var time = timespec()
  clock_gettime(CLOCK_MONOTONIC, &time)
  return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// Peak resident set size of this process in MiB (`VmHWM` in /proc/self/status).
func peakMemoryMiB() -> Double {
  guard let file = fopen("/proc/self/status", "r") else { return 0 }
  defer { fclose(file) }
  var line = [CChar](repeating: 0, count: 256)
  while fgets(&line, Int32(line.count), file) != nil {
    let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    if text.hasPrefix("VmHWM:") {
      let digits = text.filter(\.isNumber)
      return (Double(digits) ?? 0) / 1024
    }
  }
  return 0
}

/// Formats a number with thousands separators.
func grouped(_ value: Int) -> String {
  let digits = String(value)
  var out = ""
  for (index, character) in digits.enumerated() {
    if index > 0, (digits.count - index) % 3 == 0 { out += "," }
    out.append(character)
  }
  return out
}
