/// A flattened policy: the records to publish and what flattening did.
public struct FlattenedPolicy: Hashable, Sendable {
  /// The records, laid out by the generator: main record first, then the include chain.
  public var policy: GeneratedPolicy
  /// Lookups before and after, what was flattened and kept, and what to watch.
  public var report: FlattenReport

  /// Creates a flattened policy.
  public init(policy: GeneratedPolicy, report: FlattenReport) {
    self.policy = policy
    self.report = report
  }
}
