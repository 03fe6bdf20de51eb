import SPFKit

/// Placeholder until the socket resolver lands.
public enum SPFKitDNS {}
