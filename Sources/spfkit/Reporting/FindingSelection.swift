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
  private(set) var shown: [Diagnostic] = []
  private(set) var omitted: [OmittedFindings] = []
  private(set) var hidden = 0

  init(_ options: ReportOptions) { self.options = options }

  mutating func select(_ diagnostics: [Diagnostic]) {
    // The common case, a few findings: no code can pass the cap, so the threshold alone decides
    // (no counting by record and code, which hashes a string per finding). All shown keeps the array.
    if diagnostics.count <= options.cap {
      let allShown = !diagnostics.contains { $0.severity < options.threshold }
      shown = allShown ? diagnostics : diagnostics.filter { $0.severity >= options.threshold }
      hidden = diagnostics.count - shown.count
      return
    }
    struct Key: Hashable {
      let record: Int?
      let code: String
    }
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
        shown.append(diagnostic)
      } else if let index = omittedIndex[key] {
        omitted[index].count += 1
      } else {
        omittedIndex[key] = omitted.count
        omitted.append(OmittedFindings(record: key.record, code: key.code, count: 1))
      }
    }
  }
}
