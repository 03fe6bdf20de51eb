import SPFKit

/// Reads a zone file given with `--dns-zone` into the answers of an in-memory resolver.
enum DraftZone {
  /// Adds every TXT, SPF, A, AAAA, MX and PTR record of the zone at `path` to `answers`.
  ///
  /// - Throws: an input error naming the file, line and column of the first problem.
  static func read(_ path: String, into answers: inout InMemoryResolver) throws(CLIError) {
    let source: ZoneSource
    do {
      source = try ZoneFileInput.source(path: path)
    } catch {
      throw .input("\(path): cannot read '--dns-zone' file: \(error)")
    }
    var reader = ZoneReader(
      source: source, origin: ZoneLintInputs.origin(forFile: path),
      opener: ZoneFileInput.openInclude)
    reader.collectsAddressData = true
    do {
      while let record = try reader.next() {
        answers.add(name: record.owner.text, type: record.type == .spf ? .spf : .txt, data: .txt(record.txt))
      }
    } catch {
      throw .input(error.description)
    }
    for record in reader.addressRecords {
      answers.add(name: record.owner.text, type: record.data.recordType, data: record.data)
    }
  }

  /// For each of `names` that a draft zone answers TXT for, the first file among `paths` that has
  /// TXT or SPF records at it: where findings on the name's records are (issue 12).
  static func files(ofOwners names: [String], in paths: [String]) throws(CLIError) -> [String: String] {
    guard !names.isEmpty, !paths.isEmpty else { return [:] }
    let wanted = Set(names)
    var files: [String: String] = [:]
    for path in paths {
      guard let source = try? ZoneFileInput.source(path: path) else { continue }
      var reader = ZoneReader(
        source: source, origin: ZoneLintInputs.origin(forFile: path), opener: ZoneFileInput.openInclude)
      while let owner = try? reader.nextOwner() {
        let name = DNSQuestion.normalize(owner.text)
        if wanted.contains(name), files[name] == nil { files[name] = path }
      }
    }
    return files
  }
}

extension DNSRecordData {
  /// The type of question this data answers.
  var recordType: DNSRecordType {
    switch self {
    case .a: .a
    case .aaaa: .aaaa
    case .mx: .mx
    case .txt: .txt
    case .ptr: .ptr
    }
  }
}
