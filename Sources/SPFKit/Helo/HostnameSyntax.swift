/// Whether a HELO argument is a syntactically valid host name (RFC 5321 §4.1.1.1, RFC 1123 §2.1),
/// as Postfix's `reject_invalid_helo_hostname` and `reject_non_fqdn_helo_hostname` judge it.
public enum HostnameSyntax: Hashable, Sendable, CustomStringConvertible {
  /// A fully-qualified host name with this many labels.
  case fullyQualified(labels: Int)
  /// A valid name of one label: not fully qualified.
  case singleLabel
  /// An address literal such as `[192.0.2.1]`: legal in HELO, but it names no host.
  case addressLiteral
  /// A bare IP address where a name belongs.
  case bareAddress
  /// Not a host name at all; the reason says why.
  case invalid(String)

  /// Judges a HELO argument.
  public init(_ name: String) {
    var text = name
    if text.hasSuffix("."), !text.hasSuffix("..") { text.removeLast() }
    if text.hasPrefix("["), text.hasSuffix("]") {
      self = .addressLiteral
      return
    }
    if IPAddress(text) != nil {
      self = .bareAddress
      return
    }
    let bytes = Array(text.utf8)
    guard !bytes.isEmpty else {
      self = .invalid("the name is empty")
      return
    }
    guard bytes.count <= 253 else {
      self = .invalid("the name is \(bytes.count) octets long: at most 253")
      return
    }
    let labels = bytes.split(separator: 0x2E, omittingEmptySubsequences: false)
    for label in labels {
      if let problem = HostnameSyntax.labelProblem(label) {
        self = .invalid(problem)
        return
      }
    }
    self = labels.count >= 2 ? .fullyQualified(labels: labels.count) : .singleLabel
  }

  /// What is wrong with one label: letters, digits and inner hyphens, 1 to 63 octets.
  private static func labelProblem(_ label: ArraySlice<UInt8>) -> String? {
    guard !label.isEmpty else { return "the name has an empty label" }
    guard label.count <= 63 else { return "a label is \(label.count) octets long: at most 63" }
    let text = String(decoding: label, as: UTF8.self)
    guard label.allSatisfy({ isLetterOrDigit($0) || $0 == 0x2D }) else {
      return "label '\(text)' has a character other than a letter, digit or hyphen"
    }
    guard label.first != 0x2D, label.last != 0x2D else { return "label '\(text)' starts or ends with a hyphen" }
    return nil
  }

  private static func isLetterOrDigit(_ byte: UInt8) -> Bool {
    (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
  }

  /// Whether the name can be looked up as a host.
  public var isHostName: Bool {
    switch self {
    case .fullyQualified, .singleLabel: true
    default: false
    }
  }

  public var description: String {
    switch self {
    case .fullyQualified(let labels): "a fully-qualified host name (\(labels) labels)"
    case .singleLabel: "a single label: not a fully-qualified host name"
    case .addressLiteral: "an address literal: it names no host"
    case .bareAddress: "an IP address without brackets: not a host name"
    case .invalid(let reason): "not a valid host name: \(reason)"
    }
  }
}
