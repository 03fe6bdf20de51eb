/// A fixed-size map from DNS questions to their outcomes that evicts with the CLOCK algorithm
/// (second chance), for a run that asks more distinct questions than it may keep: `spfkit scan`.
///
/// Both an entry count and an estimated byte size are capped. A new entry starts unreferenced and a
/// hit marks it referenced; the clock hand passes over referenced entries once (clearing the mark)
/// and evicts the first unreferenced one. Names asked once (each scanned domain's own TXT and MX)
/// therefore leave before names asked again and again (a provider's `include:_spf.example.net`).
public struct BoundedAnswerCache: Sendable {
  /// One kept outcome.
  private struct Slot: Sendable {
    var question: DNSQuestion
    var outcome: Result<[DNSRecordData], DNSError>
    var bytes: Int
    var referenced: Bool
  }

  /// The most entries kept.
  public let maximumEntries: Int
  /// The most estimated bytes kept (see `estimatedBytes(of:_:)`).
  public let maximumBytes: Int
  /// The estimated bytes of the entries kept now.
  public private(set) var bytes = 0
  /// How many entries were evicted to make room.
  public private(set) var evictions = 0

  private var slots: [Slot?] = []
  private var index: [DNSQuestion: Int] = [:]
  private var freeSlots: [Int] = []
  private var hand = 0

  /// Creates an empty cache; each bound is at least one entry or one byte.
  public init(maximumEntries: Int, maximumBytes: Int = .max) {
    self.maximumEntries = max(1, maximumEntries)
    self.maximumBytes = max(1, maximumBytes)
  }

  /// How many entries are kept.
  public var count: Int { index.count }

  /// The questions kept, in no particular order.
  public var questions: [DNSQuestion] { Array(index.keys) }

  /// The kept outcome of `question`, marking it referenced; nil when it is not kept.
  public mutating func outcome(of question: DNSQuestion) -> Result<[DNSRecordData], DNSError>? {
    guard let position = index[question], let slot = slots[position] else { return nil }
    if !slot.referenced { slots[position]?.referenced = true }
    return slot.outcome
  }

  /// Keeps `outcome` for `question`, evicting entries until both bounds hold; an outcome larger than
  /// `maximumBytes` on its own is not kept.
  public mutating func insert(_ outcome: Result<[DNSRecordData], DNSError>, for question: DNSQuestion) {
    remove(question)
    let size = Self.estimatedBytes(of: question, outcome)
    guard size <= maximumBytes else { return }
    while !index.isEmpty, index.count >= maximumEntries || bytes > maximumBytes - size { evictOne() }
    let slot = Slot(question: question, outcome: outcome, bytes: size, referenced: false)
    let position: Int
    if let free = freeSlots.popLast() {
      position = free
      slots[position] = slot
    } else {
      position = slots.count
      slots.append(slot)
    }
    index[question] = position
    bytes += size
  }

  /// Forgets `question`, if kept.
  public mutating func remove(_ question: DNSQuestion) {
    guard let position = index.removeValue(forKey: question), let slot = slots[position] else { return }
    bytes -= slot.bytes
    slots[position] = nil
    freeSlots.append(position)
  }

  /// Advances the hand to the first unreferenced entry, clearing marks on the way, and evicts it.
  /// Ends within two turns of the clock: the first turn clears every mark.
  private mutating func evictOne() {
    while true {
      if hand >= slots.count { hand = 0 }
      defer { hand += 1 }
      guard let slot = slots[hand] else { continue }
      if slot.referenced {
        slots[hand]?.referenced = false
        continue
      }
      remove(slot.question)
      evictions += 1
      return
    }
  }

  /// An estimate of the memory one entry holds, in bytes: the name, each record's data, and a fixed
  /// overhead for the slot, the index entry and the arrays (64 bytes, plus 32 per record).
  public static func estimatedBytes(of question: DNSQuestion, _ outcome: Result<[DNSRecordData], DNSError>) -> Int {
    var size = 64 + question.name.utf8.count
    guard case .success(let records) = outcome else { return size }
    for record in records {
      size += 32
      switch record {
      case .a: size += 4
      case .aaaa: size += 16
      case .mx(_, let exchange): size += 2 + exchange.utf8.count
      case .txt(let txt): size += txt.strings.reduce(0) { $0 + 16 + $1.bytes.count }
      case .ptr(let target): size += target.utf8.count
      }
    }
    return size
  }
}
