import SPFKit

/// Why DNS message bytes could not be read or written, and the byte offset where the problem is.
public struct DNSWireError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The kinds of problem.
  public enum Reason: Hashable, Sendable {
    /// The message ends inside a field.
    case truncated
    /// A section count promises more entries than the remaining bytes can hold.
    case countExceedsData
    /// A compression pointer points past the end of the message (RFC 1035 §4.1.4).
    case pointerOutOfRange
    /// A compression pointer points after itself.
    case pointerForward
    /// A compression pointer points at itself or back into the name it is part of: following it would loop.
    case compressionLoop
    /// A label length octet starts with `01` or `10` (RFC 6891 §5: no extended label types).
    case unknownLabelType
    /// A name longer than 255 octets (RFC 1035 §2.3.4).
    case nameTooLong
    /// A label longer than 63 octets (RFC 1035 §2.3.4).
    case labelTooLong
    /// An empty label inside a name.
    case emptyLabel
    /// A character-string longer than 255 octets (RFC 1035 §3.3).
    case stringTooLong
    /// Record data whose length does not fit its type (the type code is given).
    case badRecordData(type: UInt16)
    /// More than 65535 entries in a section or octets in record data: it cannot be encoded.
    case tooLarge
  }

  /// What is wrong.
  public var reason: Reason
  /// Byte offset into the message (or into the name, for names built from text).
  public var offset: Int

  /// Creates an error at a byte offset.
  public init(_ reason: Reason, at offset: Int) {
    self.reason = reason
    self.offset = offset
  }

  public var description: String {
    let what =
      switch reason {
      case .truncated: "message ends inside a field"
      case .countExceedsData: "section count larger than the message"
      case .pointerOutOfRange: "compression pointer past the end of the message"
      case .pointerForward: "compression pointer points forward"
      case .compressionLoop: "compression pointer loops"
      case .unknownLabelType: "unknown label type"
      case .nameTooLong: "name longer than 255 octets"
      case .labelTooLong: "label longer than 63 octets"
      case .emptyLabel: "empty label"
      case .stringTooLong: "character-string longer than 255 octets"
      case .badRecordData(let type): "record data does not fit type \(type)"
      case .tooLarge: "section or record data too large to encode"
      }
    return "\(what) at byte \(offset)"
  }

  /// This error as the resolver reports it.
  public var dnsError: DNSError { .malformed(description) }
}
