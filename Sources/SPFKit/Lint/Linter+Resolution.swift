extension Linter {
  /// Lints the TXT records published at one name with DNS: the include tree of each SPF record is
  /// resolved first, so the lookup rules count through it and the DNS rules run.
  ///
  /// - Parameters:
  ///   - name: the owner name, which `%{d}` and a bare `a` or `mx` stand for; nil when unknown.
  ///   - zone: what a zone file says about the records (types, suppression comments), if read from one.
  public func lint(
    _ records: [TXTRecord], name: String?, zone: ZoneFacts? = nil, resolvingWith resolver: PolicyResolver
  ) async -> [Diagnostic] {
    let facts = await resolver.resolve(records, name: name)
    return lint(LintContext(records: records, name: name, resolution: facts, zone: zone))
  }
}
