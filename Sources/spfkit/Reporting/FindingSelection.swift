import SPFKit

/// What `spfkit lint` prints of the findings: `--severity` and the cap per record and code.
struct ReportOptions {
  /// The lowest severity printed (`--severity`).
  var threshold = Severity.info
  /// The most findings printed per record and code; the rest are counted in one line
  /// (issue 10: a 5 MB record printed 760,000 SPF109 findings).
  var cap = ReportOptions.defaultCap
  /// Whether `--statistics` asked for counts per code.
  var statistics = false

  /// Twenty findings of one code show the pattern; the count says the rest.
  static let defaultCap = 20
}

/// Findings of one code in one record that the cap left out.
struct OmittedFindings: Equatable {
  /// The record's index in the input, when the findings are about one record.
  let record: Int?
  let code: String
  /// How many were left out.
  var count: Int

  /// The line printed in their place: `and 740 more SPF109 findings in this record`.
  var message: String {
    "and \(count) more \(code) finding\(count == 1 ? "" : "s") in this \(record == nil ? "name" : "record")"
  }
}

/// Picks the findings a reporter prints, in the linter's order.
struct FindingSelection {
  let options: ReportOptions
  /// The findings the cap kept; nil when the threshold alone decides (`ShownFindings`).
  private(set) var kept: [Diagnostic]?
  private(set) var omitted: [OmittedFindings] = []
  private(set) var hidden = 0

  init(_ options: ReportOptions) { self.options = options }

  mutating func select(_ diagnostics: [Diagnostic]) {
    // The common case, a few findings: no code can pass the cap, so the threshold alone decides
    // (no counting by record and code, which hashes a string per finding), and no array is made.
    if diagnostics.count <= options.cap {
      for index in diagnostics.indices where diagnostics[index].severity < options.threshold { hidden += 1 }
      return
    }
    struct Key: Hashable {
      let record: Int?
      let code: String
    }
    var kept: [Diagnostic] = []
    var counts: [Key: Int] = [:]
    var omittedIndex: [Key: Int] = [:]
    for diagnostic in diagnostics {
      guard diagnostic.severity >= options.threshold else {
        hidden += 1
        continue
      }
      let key = Key(record: diagnostic.record, code: diagnostic.code)
      let count = counts[key, default: 0] + 1
      counts[key] = count
      if count <= options.cap {
        kept.append(diagnostic)
      } else if let index = omittedIndex[key] {
        omitted[index].count += 1
      } else {
        omittedIndex[key] = omitted.count
        omitted.append(OmittedFindings(record: key.record, code: key.code, count: 1))
      }
    }
    self.kept = kept
  }
}

/// The findings a reporter prints, in the linter's order: those the cap kept, or else every finding
/// at or above the threshold, read in place. A name of a zone usually has an info below the default
/// threshold (SPF201), and a filtered copy of its findings cost an array and a reference count per
/// field of each finding, for every name.
struct ShownFindings {
  private let all: [Diagnostic]
  private let kept: [Diagnostic]?
  private let threshold: Severity
  /// How many there are.
  let count: Int

  init(_ all: [Diagnostic], kept: [Diagnostic]?, hidden: Int, threshold: Severity) {
    self.all = all
    self.kept = kept
    self.threshold = threshold
    count = kept?.count ?? all.count - hidden
  }

  var isEmpty: Bool { count == 0 }

  /// Calls `body` with each finding shown, in order.
  func forEach(_ body: (Diagnostic) throws -> Void) rethrows {
    // By index: `for … in` copies each finding, a reference count per field.
    if let kept {
      for index in kept.indices { try body(kept[index]) }
    } else {
      for index in all.indices where all[index].severity >= threshold { try body(all[index]) }
    }
  }
}
