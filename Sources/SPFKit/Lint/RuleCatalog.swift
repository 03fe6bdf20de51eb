/// Every lint rule, in code order: the source of `spfkit explain` and the README's rule table.
public enum RuleCatalog {
  /// The rules, ordered by code.
  public static let rules: [any Rule] = [
    MultipleRecords(), StringTooLong(), TooManyLookups(), TooManyVoidLookups(), InvalidQualifier(),
    UnknownMechanism(), InvalidIPAddress(), InvalidCIDRLength(), InvalidDomainSpec(), InvalidMacro(),
    DuplicateModifier(), InvalidVersion(), InvalidCharacter(), StringJoinNoSpace(), IncludeWithoutRecord(),
    MXTooManyRecords(), IncludeLoop(), IncludeTargetInvalid(),
    RecordTooLarge(), PtrDeprecated(), PermissiveAll(), NeutralAll(), MissingAll(), RedirectIgnored(),
    UnreachableTerms(), RedundantNetwork(), DuplicateTerm(), HostBitsSet(), NonPublicNetwork(), UnknownModifier(),
    LookupLimitNear(), OverlyBroadNetwork(), VoidLookup(), EmbeddedVersion(), SPFRRType(), SenderIDRecord(),
    LookupCount(),
  ].sorted { $0.metadata.code < $1.metadata.code }

  /// Every rule's metadata, ordered by code.
  public static var metadata: [RuleMetadata] { rules.map(\.metadata) }

  /// The rule with this code or slug (any case), if any.
  public static func rule(named name: String) -> (any Rule)? {
    let lowered = name.lowercased()
    return rules.first { $0.metadata.code.lowercased() == lowered || $0.metadata.slug == lowered }
  }
}
