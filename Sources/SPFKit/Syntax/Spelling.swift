/// The word a misspelt one most likely means, for "did you mean ...?" suggestions: a mechanism name in
/// a record, a subcommand on the command line.
public enum Spelling {
  /// The candidate nearest to `word` by edit distance, when it is within a third of the word's length
  /// (at least one edit): close enough to be plausible (`inclde` → `include`, `lnt` → `lint`), not a
  /// guess (`gpg` gets no `ip4`). Candidates compare in ASCII lowercase; ties go to the first.
  public static func nearest(to word: String, among candidates: [String]) -> String? {
    let typed = Array(word.lowercased().utf8)
    let allowed = max(1, typed.count / 3)
    var best: (candidate: String, distance: Int)? = nil
    for candidate in candidates {
      let distance = editDistance(typed, Array(candidate.lowercased().utf8))
      if distance <= allowed, distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
    }
    return best?.candidate
  }

  /// Levenshtein distance over bytes; words of 64 bytes or more count as entirely different.
  static func editDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty, a.count < 64, b.count < 64 else { return max(a.count, b.count) }
    var previous = Array(0...b.count)
    for i in 1...a.count {
      var current = [i] + Array(repeating: 0, count: b.count)
      for j in 1...b.count {
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      previous = current
    }
    return previous[b.count]
  }
}
