// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "spfkit",
  products: [
    .library(name: "SPFKit", targets: ["SPFKit"]),
    .library(name: "SPFKitDNS", targets: ["SPFKitDNS"]),
    .executable(name: "spfkit", targets: ["spfkit"]),
  ],
  targets: [
    .target(name: "SPFKit"),
    .target(name: "SPFKitDNS", dependencies: ["SPFKit"]),
    .executableTarget(name: "spfkit", dependencies: ["SPFKit", "SPFKitDNS"]),
    // The bench starts a real named through the test-support harness for `spfkit-bench check`.
    .executableTarget(name: "spfkit-bench", dependencies: ["SPFKit", "SPFKitDNS", "SPFKitTestSupport"]),
    // Test fixtures shared by both test targets: a real BIND named on loopback, seeded randomness.
    .target(name: "SPFKitTestSupport", dependencies: ["SPFKit"]),
    .testTarget(name: "SPFKitTests", dependencies: ["SPFKit", "SPFKitDNS", "SPFKitTestSupport"]),
    .testTarget(name: "spfkitTests", dependencies: ["SPFKit", "SPFKitTestSupport", "spfkit"]),
    .testTarget(name: "ConformanceTests", dependencies: ["SPFKit", "SPFKitTestSupport"]),
  ],
  swiftLanguageModes: [.v6]
)
