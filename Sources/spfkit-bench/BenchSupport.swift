#if canImport(Glibc)
  import Glibc
#endif

/// A small deterministic PRNG (SplitMix64) so every run measures the same corpus.
struct SplitMix64: RandomNumberGenerator {
  private var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

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
