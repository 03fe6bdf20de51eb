import Foundation
import SPFKit

/// A RECORD argument or input line that is no SPF record, and what the user probably meant.
///
/// Lint never says "no problems" about text it did not lint: a domain name, a file path, an empty
/// argument or other text given where a record belongs is an input error (exit 2). Text that looks
/// like SPF (`v=spf2`, `"v=spf1 …"`, `spf2.0/pra`) is linted instead, so SPF012 and its kin explain it.
enum NonSPFText: Equatable {
  /// Nothing but spaces.
  case empty
  /// A file that exists: its lines were meant to be linted.
  case file(String)
  /// A domain name: its published records were meant to be linted.
  case domain(String)
  /// A bare IP address.
  case address(String)
  /// Any other text.
  case text(String)

  /// Classifies the joined text of a record that is given on its own (a RECORD argument or an input
  /// line); nil when it is SPF, looks like it (RFC 7208 §4.5), or is a Sender ID record (SPF118 says why
  /// receivers ignore it).
  ///
  /// - Parameter checksFiles: whether to look on disk for a file of that name (for arguments).
  init?(_ bytes: [UInt8], checksFiles: Bool) {
    guard LintedRecord.Role(bytes) == .other, !LintedRecord.isSenderID(bytes) else { return nil }
    let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespaces)
    if text.isEmpty {
      self = .empty
    } else if checksFiles, Self.isFile(text) {
      self = .file(text)
    } else if case .bareAddress = HostnameSyntax(text) {
      self = .address(text)
    } else if case .fullyQualified = HostnameSyntax(text.replacingOccurrences(of: "_", with: "x")) {
      // DNS names may carry underscore labels (`_spf.example.com`); host names may not.
      self = .domain(text)
    } else {
      self = .text(text)
    }
  }

  private static func isFile(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
  }

  /// Whether it is a mistake of the command line (three-line usage error) rather than of the text.
  var isUsageError: Bool {
    if case .text = self { false } else { true }
  }

  /// What the text is and what was probably meant.
  var message: String {
    switch self {
    case .empty:
      "the record is empty: give an SPF record ('v=spf1 ...'), or lint a domain with '--domain NAME', "
        + "a zone file with '--zone FILE' or a file of records with '- < FILE'"
    case .file(let path):
      "'\(path)' is a file, not an SPF record: lint its records, one per line, with 'spfkit lint - < \(path)', "
        + "or a zone file with 'spfkit lint --zone \(path)'"
    case .domain(let name):
      "'\(name)' is a domain name, not an SPF record: lint the records it publishes with "
        + "'spfkit lint --domain \(name)'"
    case .address(let address):
      "'\(address)' is an IP address, not an SPF record: 'spfkit check \(address) DOMAIN' evaluates a "
        + "domain's policy for it"
    case .text:
      "'\(excerpt)' is not an SPF record: an SPF record starts with 'v=spf1' (lint a domain with "
        + "'--domain NAME', a zone file with '--zone FILE')"
    }
  }

  /// The text as quoted in a message: at most 64 characters, control characters as `\xNN`.
  private var excerpt: String {
    guard case .text(let text) = self else { return "" }
    var shown = ""
    for scalar in text.unicodeScalars.prefix(64) {
      let isControl = scalar.value < 0x20 || scalar.value == 0x7F
      shown += isControl ? String(format: "\\x%02X", scalar.value) : String(scalar)
    }
    return text.unicodeScalars.count > 64 ? shown + "…" : shown
  }
}
