import SPFKit

/// `spfkit lint --domain` and `--resolve`: the resolver and the records of a domain.
extension LintCommand {
  /// The resolver of the run when DNS is needed; one cache serves every name. Without DNS, a DNS
  /// option is a usage error rather than silently ignored.
  static func policyResolver(_ arguments: ParsedArguments, needed: Bool) throws(CLIError) -> PolicyResolver? {
    guard needed else {
      if let option = DNSOptions.specs.first(where: { arguments.has($0.name) }) {
        throw .usage("'\(option.name)' needs '--resolve' or '--domain'")
      }
      return nil
    }
    return PolicyResolver(try DNSOptions(arguments).makeLayeredResolver())
  }

  /// Every TXT record at `name`, as one name's records ordered by text so that output does not
  /// depend on the order DNS returned them in. Records from a `--dns-zone` file (`draftFile`) are
  /// labelled with the file, their lines and columns in it; records from live DNS with the name, a
  /// record's line being its position among the name's records.
  ///
  /// - Throws: `CLIError.input` when the query fails (`example.com TXT: REFUSED`) or the name has no
  ///   record that is or looks like SPF: there is nothing to lint.
  static func domainInput(
    _ name: String, resolver: PolicyResolver, draftFile: String?
  ) async throws(CLIError) -> LintInput {
    let records: [TXTRecord]
    do {
      records = try await resolver.txtRecords(at: name)
    } catch {
      throw .input("\(name) TXT: \(error)")
    }
    guard let input = domainInput(name, records: records, draftFile: draftFile) else {
      throw .input("\(name) has no SPF record: \(missingSPF(records))")
    }
    return input
  }

  /// The TXT records of `name` as its lint input, ordered by text; nil when none is or looks like SPF.
  /// Records that all come from the `--dns-zone` file `draftFile` are labelled with that file.
  static func domainInput(_ name: String, records: [TXTRecord], draftFile: String? = nil) -> LintInput? {
    guard !LintContext(records: records).spfRecords.isEmpty else { return nil }
    let sorted = records.sorted { $0.joined.lexicographicallyPrecedes($1.joined) }
    let fromDraft = draftFile != nil && sorted.allSatisfy { $0.strings.first?.origin != nil }
    let source = fromDraft ? draftFile ?? name : name
    return LintInput(
      name: name, records: sorted, sources: Array(repeating: source, count: sorted.count),
      sourcesAreFiles: fromDraft)
  }

  /// Why TXT records that hold no SPF record are nothing to lint: `no TXT records`, or how many there are.
  static func missingSPF(_ records: [TXTRecord]) -> String {
    records.isEmpty ? "no TXT records" : "none of its \(records.count) TXT records is SPF"
  }

  /// A domain name given to `option`, lowercased and without a trailing dot.
  static func domainName(_ text: String, _ option: String) throws(CLIError) -> String {
    let name = DNSQuestion.normalize(text)
    guard !name.isEmpty, name != ".", !name.contains(" "), !name.hasPrefix("."), !name.contains("..") else {
      throw .usage("invalid domain name '\(text)' for '\(option)'")
    }
    return name
  }
}
