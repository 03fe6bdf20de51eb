/// Checking the inputs of `check_host()` before evaluating them.
extension CheckHostRequest {
  /// Why `domain` is not a domain `check_host()` can check (RFC 7208 §4.3), or nil when it is one.
  ///
  /// A malformed name (an empty label, a label over 63 octets, a name over 253 octets), a single
  /// label, or a top label that is no `toplabel` (`192.0.2.1`) makes `check_host()` return `none` at
  /// once; a caller that takes the domain from a user can refuse it before evaluating. One trailing
  /// dot is allowed.
  public static func domainProblem(_ domain: String) -> String? {
    DomainName.initialProblem(domain)
  }
}
