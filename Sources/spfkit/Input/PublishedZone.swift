import SPFKit

/// The zone snippet `flatten --check-against` compares with: the records a previous run wrote.
enum PublishedZone {
  /// Reads every TXT and SPF record of the file at `path`; relative names are below `origin`
  /// (the flattened domain), `$INCLUDE` is followed.
  ///
  /// - Throws: `CLIError.input` naming the file, and the line and column of a syntax error.
  static func read(_ path: String, origin: String) throws(CLIError) -> [ZoneRecord] {
    let source: ZoneSource
    do {
      source = try ZoneFileInput.source(path: path)
    } catch {
      throw .input("cannot read '\(path)': \(error)")
    }
    let originName = (try? ZoneName(origin + ".")) ?? .root
    var reader = ZoneReader(source: source, origin: originName, opener: ZoneFileInput.openInclude)
    var records: [ZoneRecord] = []
    do {
      while let record = try reader.next() { records.append(record) }
    } catch {
      throw .input(error.description)
    }
    return records
  }
}
