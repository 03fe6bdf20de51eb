/// The parse and findings of records linted before, for one linter over many names.
///
/// A hosting provider's zone or a scan of many domains publishes the same few records at most names
/// (the provider's default `v=spf1 include:… ~all`). With a memo, `Linter.lint(_:name:zone:memo:)`
/// parses and checks each distinct set of records once: at a name that repeats one, only the rules
/// that may read the name, the zone facts or DNS answers (`RuleScope.name`, or any `RuleRequirement`)
/// run again, over the records already parsed. The findings are the same as without the memo.
///
/// Records are the same when their strings hold the same bytes: where a string came from in a file
/// (`CharacterString.origin`) is not part of a finding, which holds offsets into the joined text.
///
/// A set of records is kept the second time it is seen, not the first: most names of a scan publish a
/// record of their own, and keeping each would cost more than it saves. The memo remembers a hash of
/// each set seen (`seenCapacity` at most) to know.
///
/// A memo belongs to one thread and one linter (its rules and `detailThreshold`); it empties itself
/// when used with another. Its memory is bounded: it empties itself when it holds `capacity` sets of
/// records or `textCapacity` bytes of their text, and never keeps a set longer than
/// `longestMemoized` bytes.
public struct LintMemo: Sendable {
  /// Sets of records at most.
  public let capacity: Int
  /// Bytes of record text at most, over every set held.
  public let textCapacity: Int
  /// Hashes of sets seen once at most.
  public let seenCapacity: Int
  /// The longest set of records kept, in bytes of text: a longer one is linted without the memo.
  public static let longestMemoized = 2_048

  /// Times a set of records was found in the memo.
  public private(set) var hits = 0
  /// Times a set of records was not found in the memo (and linted).
  public private(set) var misses = 0
  /// Sets of records held now.
  public var count: Int { entries.count }

  private var entries: [Key: Entry] = [:]
  private var textBytes = 0
  /// Hashes of the sets seen, kept or not.
  private var seen: Set<Int> = []
  /// The linter the entries were made by: its threshold and rule codes.
  private var owner: Owner?

  /// An empty memo holding at most `capacity` sets of records and `textCapacity` bytes of their text,
  /// and the hashes of `seenCapacity` sets seen.
  public init(capacity: Int = 1_024, textCapacity: Int = 65_536, seenCapacity: Int = 65_536) {
    self.capacity = max(0, capacity)
    self.textCapacity = max(0, textCapacity)
    self.seenCapacity = max(0, seenCapacity)
  }

  /// What a set of records gave: its parse, and the findings of the rules that read the records alone.
  struct Entry: Sendable {
    /// The records, classified and parsed.
    let records: [LintedRecord]
    /// The findings of the record rules, sorted as `Linter.lint` sorts them, causes not yet folded.
    let findings: [Diagnostic]
    /// `findings` with causes folded: the result when the other rules find nothing.
    let folded: [Diagnostic]
  }

  /// The entry for `key`, counted as a hit, after making sure the entries are `owner`'s.
  mutating func entry(for key: Key, owner: Owner) -> Entry? {
    if owner != self.owner {
      removeAll()
      seen.removeAll()
      self.owner = owner
    }
    guard let entry = entries[key] else {
      misses += 1
      return nil
    }
    hits += 1
    return entry
  }

  /// Whether a set not held is worth keeping: it was seen before. Notes it as seen.
  mutating func admits(_ key: Key) -> Bool {
    guard capacity > 0, key.textBytes <= textCapacity else { return false }
    if seen.count >= seenCapacity { seen.removeAll(keepingCapacity: true) }
    return !seen.insert(key.hash).inserted
  }

  /// Adds an entry, emptying the memo first when it would hold too much.
  mutating func add(_ entry: Entry, for key: Key) {
    if entries.count >= capacity || textBytes + key.textBytes > textCapacity { removeAll() }
    entries[key] = entry
    textBytes += key.textBytes
  }

  private mutating func removeAll() {
    entries.removeAll(keepingCapacity: true)
    textBytes = 0
  }

  /// The linter settings that decide an entry besides its records.
  struct Owner: Equatable, Sendable {
    let detailThreshold: Severity
    let ruleCodes: [String]
  }

  /// A set of records by the bytes of their strings, in order.
  struct Key: Hashable, Sendable {
    let records: [TXTRecord]
    let textBytes: Int
    /// The hash of the strings' bytes, computed once: a lookup, a growth of the table and the set of
    /// sets seen all use it.
    let hash: Int

    /// The key of `records`, or nil when they are too long to keep.
    init?(_ records: [TXTRecord]) {
      var textBytes = 0
      for record in records { textBytes &+= record.joined.count }
      guard textBytes <= LintMemo.longestMemoized else { return nil }
      self.records = records
      self.textBytes = textBytes
      var hasher = Hasher()
      Self.hashStrings(records, into: &hasher)
      hash = hasher.finalize()
    }

    static func == (lhs: Key, rhs: Key) -> Bool {
      guard lhs.hash == rhs.hash, lhs.textBytes == rhs.textBytes, lhs.records.count == rhs.records.count
      else { return false }
      for index in lhs.records.indices {
        let (left, right) = (lhs.records[index], rhs.records[index])
        guard left.strings.count == right.strings.count, sameBytes(left.joined, right.joined) else { return false }
        for string in left.strings.indices where left.strings[string].bytes.count != right.strings[string].bytes.count {
          return false
        }
      }
      return true
    }

    /// Whether two byte arrays are equal, compared eight bytes at a time: `==` on arrays goes element
    /// by element.
    static func sameBytes(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
      guard lhs.count == rhs.count else { return false }
      return lhs.withUnsafeBytes { left in
        rhs.withUnsafeBytes { right in
          var offset = 0
          while offset &+ 8 <= left.count {
            guard
              left.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                == right.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            else { return false }
            offset &+= 8
          }
          while offset < left.count {
            guard left[offset] == right[offset] else { return false }
            offset &+= 1
          }
          return true
        }
      }
    }

    func hash(into hasher: inout Hasher) { hasher.combine(hash) }

    private static func hashStrings(_ records: [TXTRecord], into hasher: inout Hasher) {
      hasher.combine(records.count)
      for record in records {
        hasher.combine(record.strings.count)
        for string in record.strings { hasher.combine(string.bytes.count) }
        record.joined.withUnsafeBytes { hasher.combine(bytes: $0) }
      }
    }
  }
}
